package dev.faultline.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Examples;
import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor.Role;
import dev.faultline.format.ExperimentReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The fluent Java API builds what the file reader builds, and fails fast on typos. */
class ExperimentBuilderTest {

  @Test
  void handWrittenExperimentEqualsTheExampleFile() {
    Experiment built =
        Experiment.named("checkout-freeze-and-recover")
            .description(
                "Freeze the checkout JVM in half of its pods, see the health check report missing"
                    + " replicas, kill the frozen JVMs, and expect every replica back within two"
                    + " minutes.")
            .label("team", "payments")
            .allowNamespaces("shop")
            .denyNamespaces("kube-system")
            .maxDuration("10m")
            .target(
                "checkout",
                Target.pods()
                    .namespaces("shop")
                    .labelSelector("app=checkout")
                    .podName("checkout-.*")
                    .containers("app", "side.*")
                    .percent(50))
            .attack(
                "freeze",
                Attacks.PROCESS_SIGNAL,
                a -> a.target("checkout").with("signal", "SIGSTOP").with("process", "java"))
            .probe("until-unhealthy", Probes.HTTP_CHECK, p -> health(p.after("freeze"), "failing"))
            .attack(
                "kill",
                Attacks.PROCESS_SIGNAL,
                a ->
                    a.after("until-unhealthy")
                        .target("checkout")
                        .with("signal", "SIGKILL")
                        .with("process", "java"))
            .probe("until-recovered", Probes.HTTP_CHECK, p -> health(p.after("kill"), "passing"))
            .build();

    assertEquals(example("checkout-freeze-and-recover.yaml").withLayout(Layout.EMPTY), built);
  }

  private static void health(ProbeStep.Builder probe, String until) {
    probe
        .with("url", "http://checkout.shop/health")
        .with("jq", ".status == \"UP\" and .ready == .total");
    if (until.equals("failing")) {
      probe.untilFailing("10s");
    } else {
      probe.untilPassing("120s");
    }
  }

  @Test
  void aMistypedAttackIdFailsAtBuildWithItsPathAndTheClosestId() {
    var builder =
        Experiment.named("typo")
            .target("web", Target.pods().namespaces("shop").labelSelector("app=web"))
            .attack("kill", "k8s.pod.delet", a -> a.target("web"));

    var e = assertThrows(InvalidExperimentException.class, builder::build);

    assertEquals(
        List.of(
            "spec.steps[0].attack: unknown attack 'k8s.pod.delet'; did you mean 'k8s.pod.delete'?"),
        e.problems());
    assertTrue(e.getMessage().startsWith("experiment 'typo' has 1 error:"), e.getMessage());
  }

  @Test
  void everyErrorIsListedWithItsFieldPath() {
    var builder =
        Experiment.named("broken")
            .maxDuration("ten minutes")
            .attack(
                "kill",
                Attacks.POD_DELETE,
                a -> a.target("missing").after("nothing").with("gracePeriod", "soon"))
            .waitFor("hold", "1x", "kill");

    var e = assertThrows(InvalidExperimentException.class, builder::build);

    Set<String> paths =
        e.problems().stream().map(p -> p.substring(0, p.indexOf(':'))).collect(Collectors.toSet());
    assertTrue(
        paths.containsAll(
            Set.of(
                "spec.safety.maxDuration",
                "spec.steps[0].after[0]",
                "spec.steps[0].target",
                "spec.steps[1].wait")),
        e.getMessage());
  }

  @Test
  void buildUncheckedKeepsWhatWasGivenForToolsThatShowProblemsThemselves() {
    Experiment unchecked =
        Experiment.named("draft").attack("kill", "no.such.attack", a -> {}).buildUnchecked();

    assertEquals("no.such.attack", ((AttackStep) unchecked.spec().steps().getFirst()).attack());
  }

  @Test
  void namespacePolicyIsOnlyCreatedWhenSafetyIsGiven() {
    Experiment none = Experiment.named("plain").buildUnchecked();
    Experiment denyOnly = Experiment.named("deny").denyNamespaces().buildUnchecked();

    assertEquals(null, none.spec().safety());
    assertEquals(List.of(), denyOnly.spec().effectiveSafety().effectiveNamespaces().deny());
    assertTrue(denyOnly.spec().effectiveSafety().effectiveNamespaces().permits("kube-system"));
  }

  @Test
  void aSeedNeedsABlastRadiusFirst() {
    var target = Target.pods().namespaces("shop");

    var e = assertThrows(IllegalStateException.class, () -> target.seed(7));

    assertTrue(e.getMessage().contains("needs a blast radius first"), e.getMessage());
    assertEquals(
        new BlastRadius(BlastRadius.Mode.COUNT, 2, 7L, Extras.NONE),
        target.count(2).seed(7).build().blastRadius());
  }

  @Test
  void plainDataMapKeepsOrderAndNulls() {
    var map = PlainData.map("b", 1, "a", null, "c", List.of(1, 2));

    assertEquals(List.of("b", "a", "c"), List.copyOf(map.keySet()));
    assertEquals(null, map.get("a"));
    assertEquals(List.of(1L, 2L), map.get("c"));
    var odd = assertThrows(IllegalArgumentException.class, () -> PlainData.map("a", 1, "b"));
    assertTrue(odd.getMessage().contains("in pairs"), odd.getMessage());
  }

  @Test
  void attackAndProbeConstantsAreExactlyTheCatalogsIds() {
    assertEquals(
        Set.copyOf(Catalog.builtIn().ids(Role.ATTACK)), Set.copyOf(constants(Attacks.class)));
    assertEquals(
        Set.copyOf(Catalog.builtIn().ids(Role.PROBE)), Set.copyOf(constants(Probes.class)));
  }

  private static List<String> constants(Class<?> holder) {
    var values = new HashMap<String, String>();
    Arrays.stream(holder.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()))
        .forEach(f -> values.put(f.getName(), value(f)));
    assertEquals(values.size(), Set.copyOf(values.values()).size(), "duplicate ids in " + holder);
    return List.copyOf(values.values());
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  private static Experiment example(String name) {
    var read = new ExperimentReader().read(Examples.dir().resolve(name));
    return read.experiment().orElseThrow(() -> new AssertionError(read.problems()));
  }
}
