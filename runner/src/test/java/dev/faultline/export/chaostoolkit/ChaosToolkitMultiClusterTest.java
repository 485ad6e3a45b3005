package dev.faultline.export.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportResult;
import dev.faultline.export.ImportResult;
import dev.faultline.export.Imports;
import dev.faultline.format.Syntax;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A two-context experiment in the Chaos Toolkit: chaostoolkit-kubernetes activities name a secret
 * scope holding {@code KUBERNETES_CONTEXT}, a kubectl process gets {@code --context}, undos act
 * where their fault is, an HTTP probe's context is a warning; the import puts each target back in
 * its cluster.
 */
class ChaosToolkitMultiClusterTest {
  private static final String TWO_CONTEXTS =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata: {name: two-clusters, description: Delete in east, freeze and scale in west.}
      spec:
        targets:
          cart-east: {context: east, namespaces: [shop], labelSelector: app=cart}
          cart-west: {context: west, namespaces: [shop], labelSelector: app=cart}
          checkout-west: {context: west, namespaces: [shop], labelSelector: app=checkout, containers: [app]}
          checkout-deployment-west: {context: west, kind: Deployment, namespaces: [shop], podName: checkout}
          checkout-by-label-west: {context: west, kind: Deployment, namespaces: [shop], labelSelector: app=checkout}
        steps:
          - {id: baseline, probe: k8s.state, target: cart-west, with: {condition: allReady}}
          - {id: delete-east, after: [baseline], attack: k8s.pod.delete, target: cart-east}
          - {id: freeze-west, after: [delete-east], attack: process.signal, target: checkout-west, duration: 20s, with: {signal: SIGSTOP, process: java}}
          - {id: scale-west, after: [freeze-west], attack: k8s.deployment.scale, target: checkout-deployment-west, with: {replicas: 1}}
          - {id: scale-all-west, after: [scale-west], attack: k8s.deployment.scale, target: checkout-by-label-west, with: {replicas: 2}}
          - {id: east-health, after: [scale-all-west], probe: http.check, context: east, with: {url: "http://cart.shop/health"}}
      """;

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> activities(Map<String, Object> doc) {
    var byName = new LinkedHashMap<String, Map<String, Object>>();
    for (String part : List.of("method", "rollbacks")) {
      for (Object activity : (List<Object>) doc.getOrDefault(part, List.of())) {
        var map = (Map<String, Object>) activity;
        byName.putIfAbsent(part + ":" + map.get("name"), map);
      }
    }
    var hypothesis = (Map<String, Object>) doc.get("steady-state-hypothesis");
    for (Object probe : (List<Object>) hypothesis.get("probes")) {
      var map = (Map<String, Object>) probe;
      byName.put("hypothesis:" + map.get("name"), map);
    }
    return byName;
  }

  @SuppressWarnings("unchecked")
  private static Object provider(
      Map<String, Map<String, Object>> activities, String name, String key) {
    return ((Map<String, Object>) activities.get(name).get("provider")).get(key);
  }

  @Test
  void eachActivityNamesItsContextAndEachUndoActsWhereItsFaultIs() {
    ExportResult result = CtkFixtures.export(CtkFixtures.experiment(TWO_CONTEXTS));
    Map<String, Object> doc = CtkFixtures.json(result.text());

    assertThat(doc.get("secrets"))
        .isEqualTo(
            Map.of(
                "kubernetes-west", Map.of("KUBERNETES_CONTEXT", "west"),
                "kubernetes-east", Map.of("KUBERNETES_CONTEXT", "east")));
    var activities = activities(doc);
    assertThat(provider(activities, "hypothesis:baseline", "secrets"))
        .isEqualTo(List.of("kubernetes-west"));
    assertThat(provider(activities, "method:delete-east", "secrets"))
        .isEqualTo(List.of("kubernetes-east"));
    assertThat(provider(activities, "method:freeze-west", "secrets"))
        .isEqualTo(List.of("kubernetes-west"));
    assertThat(provider(activities, "rollbacks:freeze-west-rollback", "secrets"))
        .isEqualTo(List.of("kubernetes-west"));
    assertThat(provider(activities, "method:scale-west", "secrets"))
        .isEqualTo(List.of("kubernetes-west"));
    assertThat((String) provider(activities, "method:scale-all-west", "arguments"))
        .startsWith("--context west scale deployment -l app=checkout -n shop");
    assertThat((String) provider(activities, "rollbacks:scale-all-west-rollback", "arguments"))
        .startsWith("--context west scale deployment");
    assertThat(provider(activities, "method:east-health", "secrets")).isNull();
    assertThat(result.warnings())
        .filteredOn(w -> w.message().contains("context"))
        .extracting(ConversionWarning::path, ConversionWarning::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "spec.steps[5]",
                "east-health: chaoslib's http provider fetches the URL from the machine that runs"
                    + " chaos, not through context 'east'; the context is not kept"));
    assertThat(ChaosToolkitStructure.check(doc)).isEmpty();
  }

  @Test
  void theImportPutsEachTargetBackInItsCluster() throws Exception {
    Experiment original = CtkFixtures.experiment(TWO_CONTEXTS);
    String exported = CtkFixtures.export(original).text();

    ImportResult imported = Imports.standard().read(exported, Syntax.JSON, "two-clusters.json");

    Experiment back = imported.experiment();
    assertThat(imported.warnings())
        .extracting(ConversionWarning::message)
        .noneMatch(m -> m.contains("secret"));
    assertThat(Validator.standard().validate(back)).noneMatch(Problem::isError);
    Map<String, String> contexts = new LinkedHashMap<>();
    for (Step step : back.spec().steps()) {
      String target =
          switch (step) {
            case AttackStep a -> a.target();
            case ProbeStep p -> p.target();
            default -> null;
          };
      contexts.put(
          step.id(), target == null ? "none" : back.spec().targets().get(target).context());
    }
    assertThat(contexts)
        .containsEntry("baseline", "west")
        .containsEntry("delete-east", "east")
        .containsEntry("freeze-west", "west")
        .containsEntry("scale-west", "west")
        .containsEntry("scale-all-west", "west");
    for (String id : List.of("delete-east", "freeze-west", "scale-west", "scale-all-west")) {
      AttackStep before = (AttackStep) original.spec().step(id).orElseThrow();
      AttackStep after = (AttackStep) back.spec().step(id).orElseThrow();
      assertThat(back.spec().targets().get(after.target()))
          .as(id)
          .isEqualTo(original.spec().targets().get(before.target()));
    }
  }

  @Test
  void aSecretScopeThatIsNotAContextIsStillReportedAsNotImported() throws Exception {
    String doc =
        """
        {"title": "t", "secrets": {"k8s": {"KUBERNETES_HOST": "https://example"}},
         "method": [{"type": "action", "name": "kill", "provider": {"type": "python",
           "module": "chaosk8s.pod.actions", "func": "terminate_pods", "secrets": ["k8s"],
           "arguments": {"label_selector": "app=cart", "ns": "shop"}}}]}
        """;

    ImportResult imported = Imports.standard().read(doc, Syntax.JSON, "t.json");

    assertThat(imported.warnings())
        .extracting(ConversionWarning::path)
        .contains("secrets", "method[0].provider.secrets");
    assertThat(imported.experiment().spec().targets().values())
        .allSatisfy(t -> assertThat(t.context()).isNull());
  }
}
