package dev.faultline.export.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Examples;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ImportException;
import dev.faultline.export.ImportResult;
import dev.faultline.export.Imports;
import dev.faultline.format.Syntax;
import dev.faultline.model.AttackStep;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChaosToolkitImporterTest {
  /** An experiment the format carries fully: every step, target and parameter comes back. */
  private static final String CARRIED_FULLY =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: cart-survives-pod-loss
        description: Delete two cart pods, freeze checkout for 20 seconds, check it is back.
        labels: {team: storefront}
      spec:
        targets:
          cart-all:
            namespaces: [shop]
            labelSelector: app=cart
          cart:
            namespaces: [shop]
            labelSelector: app=cart,track notin (canary)
            podName: cart-[a-z0-9]+
            blastRadius: {mode: count, value: 2}
          checkout:
            namespaces: [shop]
            labelSelector: app=checkout
            containers: [app]
            blastRadius: {mode: percent, value: 50}
          checkout-deployment:
            kind: Deployment
            namespaces: [shop]
            podName: checkout
        steps:
          - {id: baseline, probe: k8s.state, target: cart-all, with: {condition: allReady}}
          - {id: health, after: [baseline], probe: http.check, with: {url: "http://cart.shop/health", jq: '.status == "UP"', timeout: 3s}}
          - {id: delete, after: [health], attack: k8s.pod.delete, target: cart, with: {gracePeriod: 5s}}
          - {id: pause, after: [delete], wait: 30s}
          - {id: freeze, after: [pause], attack: process.signal, target: checkout, duration: 20s, with: {signal: SIGSTOP, process: java}}
          - {id: orders, after: [freeze], probe: http.check, with: {url: "http://checkout.shop/orders", method: POST, expectStatus: "201,202"}}
          - {id: one-replica, after: [orders], attack: k8s.deployment.scale, target: checkout-deployment, with: {replicas: 1}, duration: 1m}
          - {id: pause-2, after: [one-replica], wait: 10s}
      """;

  private static ImportResult importText(String text, Syntax syntax) throws ImportException {
    return Imports.standard().read(text, syntax, "experiment." + syntax.name().toLowerCase());
  }

  private static ImportResult roundTrip(Experiment experiment) throws ImportException {
    return importText(CtkFixtures.export(experiment).text(), Syntax.JSON);
  }

  private static List<Problem> errors(Experiment experiment) {
    return Validator.standard().validate(experiment).stream().filter(Problem::isError).toList();
  }

  /** Steps with the target's definition in place of its name, which an import chooses anew. */
  private static List<Object> resolved(Experiment experiment) {
    Map<String, Target> targets = experiment.spec().targets();
    return experiment.spec().steps().stream()
        .map(
            step ->
                switch (step) {
                  case AttackStep a ->
                      List.of(a.toBuilder().target(null).build(), targetOf(targets, a.target()));
                  case ProbeStep p ->
                      List.of(p.toBuilder().target(null).build(), targetOf(targets, p.target()));
                  default -> (Object) step;
                })
        .toList();
  }

  private static Object targetOf(Map<String, Target> targets, String name) {
    return name == null ? "none" : targets.get(name);
  }

  @Test
  void anExperimentTheFormatCarriesFullyComesBackEqual() throws Exception {
    Experiment original = CtkFixtures.experiment(CARRIED_FULLY);

    ImportResult imported = roundTrip(original);

    Experiment back = imported.experiment();
    assertThat(back.metadata()).isEqualTo(original.metadata());
    assertThat(resolved(back)).isEqualTo(resolved(original));
    assertThat(back.spec().probes()).isEmpty();
    assertThat(imported.warnings()).isEmpty();
    assertThat(errors(back)).isEmpty();
    assertThat(back.layout().positions().keySet())
        .containsExactlyElementsOf(original.spec().steps().stream().map(Step::id).toList());
  }

  @Test
  void continuousProbesComeBackContinuousWithoutTheirInterval() throws Exception {
    Experiment original =
        CtkFixtures.experiment(
            """
            apiVersion: faultline.dev/v1alpha1
            kind: Experiment
            metadata: {name: continuous, description: Continuous health while a pod goes.}
            spec:
              targets:
                cart: {namespaces: [shop], labelSelector: app=cart}
              steps:
                - {id: kill, attack: k8s.pod.delete, target: cart}
              probes:
                - {id: health, probe: http.check, interval: 5s, with: {url: "http://cart.shop/health"}}
            """);

    Experiment back = roundTrip(original).experiment();

    assertThat(back.spec().probes())
        .containsExactly(
            new ContinuousProbe(
                "health",
                "http.check",
                null,
                original.spec().probes().getFirst().with(),
                null,
                null,
                null,
                null,
                null,
                null));
    assertThat(back.spec().steps()).extracting(Step::id).containsExactly("kill");
    assertThat(errors(back)).isEmpty();
  }

  static Stream<Path> examples() {
    return Examples.all().stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleExportedAndImportedBackIsValid(Path file) throws Exception {
    Experiment original = CtkFixtures.experiment(file);

    ImportResult imported = roundTrip(original);

    assertThat(errors(imported.experiment())).isEmpty();
    assertThat(imported.experiment().metadata().name()).isEqualTo(original.metadata().name());
    assertThat(imported.experiment().layout().positions())
        .hasSize(imported.experiment().spec().steps().size());
  }

  @Test
  void theCorpusExperimentImportsWithAWarningForEachActivityWeCannotMap() throws Exception {
    ImportResult imported = importText(CtkFixtures.corpus(), Syntax.JSON);

    Experiment experiment = imported.experiment();
    assertThat(imported.format()).isEqualTo("Chaos Toolkit experiment");
    assertThat(experiment.metadata().name()).isEqualTo("check-file-is-there");
    assertThat(experiment.metadata().description()).isEqualTo("This is a test experiment");
    assertThat(experiment.spec().steps()).isEmpty();
    assertThat(errors(experiment)).isEmpty();
    assertThat(imported.warnings())
        .containsExactly(
            new ConversionWarning(
                "steady-state-hypothesis.probes[0].provider",
                16,
                29,
                "the process 'ls' has no Faultline counterpart; the activity is not imported"),
            new ConversionWarning(
                "steady-state-hypothesis.probes[1].provider",
                25,
                29,
                "the Python function os.path.exists has no Faultline counterpart; the activity is"
                    + " not imported"),
            new ConversionWarning(
                "method[0].provider",
                40,
                25,
                "the process 'touch tests/conftest.py' has no Faultline counterpart; the activity"
                    + " is not imported"),
            new ConversionWarning(
                "rollbacks[0]",
                48,
                9,
                "the rollback 'pretend-to-delete-file' is not imported: Faultline rolls back the"
                    + " faults of its own attacks"));
  }

  @Test
  void theDefaultStrategyChecksTheHypothesisBeforeAndAfterTheMethod() throws Exception {
    String yaml =
        """
        title: Cart survives
        description: d
        steady-state-hypothesis:
          title: healthy
          probes:
            - {type: probe, name: health, tolerance: 200, provider: {type: http, url: "http://cart/health", timeout: 2}}
        method:
          - type: action
            name: kill
            background: true
            provider:
              type: python
              module: chaosk8s.pod.actions
              func: terminate_pods
              arguments: {label_selector: app=cart, ns: shop, qty: 1}
          - type: probe
            name: orders
            pauses: {after: 5}
            provider: {type: http, url: "http://cart/orders"}
          - {ref: health}
        secrets:
          k8s: {token: {type: env, key: TOKEN}}
        configuration:
          cart_url: http://cart
        """;

    ImportResult imported = importText(yaml, Syntax.YAML);

    List<Step> steps = imported.experiment().spec().steps();
    assertThat(steps)
        .extracting(Step::id, Step::after)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("health", List.of()),
            org.assertj.core.groups.Tuple.tuple("kill", List.of("health")),
            org.assertj.core.groups.Tuple.tuple("orders", List.of("health")),
            org.assertj.core.groups.Tuple.tuple("pause", List.of("orders")),
            org.assertj.core.groups.Tuple.tuple("health-2", List.of("pause")),
            org.assertj.core.groups.Tuple.tuple("health-after", List.of("health-2", "kill")));
    assertThat(((ProbeStep) steps.get(0)).with().values())
        .isEqualTo(Map.of("url", "http://cart/health", "expectStatus", "200"));
    assertThat(imported.experiment().spec().targets().get("cart").blastRadius())
        .isEqualTo(
            dev.faultline.model.BlastRadius.of(dev.faultline.model.BlastRadius.Mode.ONE, null));
    assertThat(imported.warnings())
        .extracting(ConversionWarning::toString)
        .containsExactly(
            "21:1: secrets: secrets are not imported; Faultline has no counterpart",
            "12:7: method[0].provider.arguments: chaosk8s takes the first pods in alphabetic order"
                + " without rand; Faultline picks them at random",
            "24:3: configuration.cart_url: configuration is not imported; activities that refer to"
                + " ${cart_url} keep the reference as text");
    assertThat(errors(imported.experiment())).isEmpty();
  }

  @Test
  void malformedJsonIsRefusedWithItsLineAndColumn() {
    assertThatThrownBy(
            () -> importText("{\n  \"title\": \"x\",\n  \"method\": [,]\n}", Syntax.JSON))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isGreaterThan(0);
            });
  }

  @Test
  void anActivityWithoutAProviderIsRefusedWithItsPathAndPosition() {
    String yaml =
        """
        title: t
        description: d
        method:
          - type: action
            name: kill
        """;

    assertThatThrownBy(() -> importText(yaml, Syntax.YAML))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("an activity needs a 'provider'");
              assertThat(e.path()).isEqualTo("method[0]");
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.column()).isEqualTo(5);
            });
  }

  @Test
  void aHypothesisProbeWithoutToleranceOrAWrongProviderTypeIsRefused() {
    String noTolerance =
        """
        title: t
        method: []
        steady-state-hypothesis:
          title: h
          probes:
            - {type: probe, name: p, provider: {type: http, url: "http://x"}}
        """;
    String badProvider =
        """
        {"title": "t", "method": [
          {"type": "action", "name": "a", "provider": {"type": "shell", "path": "ls"}}]}
        """;

    assertThatThrownBy(() -> importText(noTolerance, Syntax.YAML))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("a hypothesis probe needs a 'tolerance'");
              assertThat(e.path()).isEqualTo("steady-state-hypothesis.probes[0]");
              assertThat(e.line()).isEqualTo(6);
            });
    assertThatThrownBy(() -> importText(badProvider, Syntax.JSON))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("provider type must be python, process or http, not 'shell'");
              assertThat(e.path()).isEqualTo("method[0].provider.type");
              assertThat(e.line()).isEqualTo(2);
            });
  }

  @Test
  void unresolvedRefsAndProbesWeCannotReadTheSameWayAreWarningsAtTheirPosition() throws Exception {
    String yaml =
        """
        title: t
        description: d
        method:
          - {ref: somewhere}
          - type: probe
            name: not-ready
            tolerance: false
            provider:
              type: python
              module: chaosk8s.pod.probes
              func: pods_in_conditions
              arguments: {label_selector: app=cart, conditions: [{type: Ready, status: "True"}]}
          - {type: action, name: wait, pauses: {after: "${soak}"}, provider: {type: process, path: sleep, arguments: "1"}}
        """;

    ImportResult imported = importText(yaml, Syntax.YAML);

    assertThat(imported.experiment().spec().steps()).isEmpty();
    assertThat(imported.warnings())
        .extracting(ConversionWarning::toString)
        .containsExactly(
            "4:5: method[0].ref: no activity named 'somewhere' was defined before; not imported",
            "9:7: method[1].provider: chaosk8s.pod.probes.pods_in_conditions with a tolerance"
                + " other than true has no Faultline counterpart; the activity is not imported",
            "13:70: method[2].provider: the process 'sleep 1' has no Faultline counterpart; the"
                + " activity is not imported",
            "13:48: method[2].pauses.after: the pause '${soak}' is not a number of seconds and is"
                + " not imported");
  }

  @Test
  void aReplicaCountBeyondALongIsRefusedAtTheArguments() {
    String yaml =
        """
        title: t
        description: d
        method:
          - type: action
            name: down
            provider:
              type: process
              path: kubectl
              arguments: scale deployment -l app=x -n shop --replicas=123456789012345678901
        """;

    assertThatThrownBy(() -> importText(yaml, Syntax.YAML))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "'method[0].provider.arguments': the number 123456789012345678901 is too"
                          + " large");
              assertThat(e.path()).isEqualTo("method[0].provider.arguments");
              assertThat(e.line()).isEqualTo(9);
              assertThat(e.column()).isEqualTo(18);
            });
  }

  @Test
  void aPodCountBeyondAnIntIsRefusedInsteadOfWrappingAround() {
    String json =
        """
        {"title": "t", "description": "d", "method": [
          {"type": "action", "name": "kill", "provider": {
            "type": "python", "module": "chaosk8s.pod.actions", "func": "terminate_pods",
            "arguments": {"ns": "shop", "rand": true, "qty": 4294967298}}}]}
        """;

    assertThatThrownBy(() -> importText(json, Syntax.JSON))
        .isInstanceOfSatisfying(
            ImportException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "'method[0].provider.arguments.qty': the number 4294967298 is too large");
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.column()).isEqualTo(18);
            });
  }

  @Test
  void aGracePeriodInPartSecondsKeepsItsMilliseconds() throws Exception {
    String json =
        """
        {"title": "t", "description": "d", "method": [
          {"type": "action", "name": "kill", "provider": {
            "type": "python", "module": "chaosk8s.pod.actions", "func": "terminate_pods",
            "arguments": {"ns": "shop", "all": true, "grace_period": 1.5}}}]}
        """;

    var step = (AttackStep) importText(json, Syntax.JSON).experiment().spec().steps().getFirst();

    assertThat(step.with().values()).containsEntry("gracePeriod", "1s500ms");
  }
}
