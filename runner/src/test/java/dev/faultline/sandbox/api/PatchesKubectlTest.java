package dev.faultline.sandbox.api;

import static dev.faultline.sandbox.api.Trees.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The PATCH requests kubectl sends for everyday commands, end to end through {@link Patches}. */
class PatchesKubectlTest {
  private static final String DEPLOYMENT =
      """
      {"apiVersion": "apps/v1", "kind": "Deployment",
       "metadata": {"name": "web", "namespace": "shop", "uid": "6f1c", "resourceVersion": "41",
                    "generation": 3, "creationTimestamp": "2025-06-01T10:00:00Z",
                    "labels": {"app": "web"},
                    "annotations": {"deployment.kubernetes.io/revision": "3",
                                    "kubectl.kubernetes.io/last-applied-configuration": "{}"}},
       "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
                "template": {"metadata": {"labels": {"app": "web"}},
                             "spec": {"containers": [
                               {"name": "app", "image": "nginx:1.27", "imagePullPolicy": "IfNotPresent",
                                "env": [{"name": "MODE", "value": "blue"}, {"name": "OLD", "value": "x"}],
                                "ports": [{"containerPort": 80, "protocol": "TCP"}]},
                               {"name": "log", "image": "fluent-bit:3"}],
                              "restartPolicy": "Always"}}},
       "status": {"replicas": 2, "readyReplicas": 2}}
      """;

  private static List<String> names(JsonNode list) {
    var names = new ArrayList<String>();
    list.forEach(item -> names.add(item.get("name").stringValue()));
    return names;
  }

  @Test
  void kubectlScaleOnTheDeployment() throws Exception {
    var result =
        Patches.apply(Patches.MERGE_PATCH, json(DEPLOYMENT), "{\"spec\":{\"replicas\":5}}");
    assertThat(result.at("/spec/replicas").intValue()).isEqualTo(5);
    assertThat(result.at("/spec/template/spec/containers")).hasSize(2);
    assertThat(result.at("/metadata/resourceVersion").stringValue()).isEqualTo("41");
  }

  @Test
  void kubectlScaleOnTheScaleSubresource() throws Exception {
    // kubectl scale patches .../deployments/web/scale, whose object is an autoscaling/v1 Scale.
    var scale =
        json(
            """
            {"kind": "Scale", "apiVersion": "autoscaling/v1",
             "metadata": {"name": "web", "namespace": "shop", "uid": "6f1c", "resourceVersion": "41"},
             "spec": {"replicas": 2}, "status": {"replicas": 2, "selector": "app=web"}}
            """);
    var result =
        Patches.apply("application/merge-patch+json", scale, "{\"spec\":{\"replicas\":0}}");
    assertThat(result.at("/spec/replicas").intValue()).isZero();
    assertThat(result.at("/status/selector").stringValue()).isEqualTo("app=web");
  }

  @Test
  void kubectlCordonAndUncordon() throws Exception {
    var node =
        json(
            """
            {"apiVersion": "v1", "kind": "Node",
             "metadata": {"name": "node-a", "uid": "n1", "resourceVersion": "7"},
             "spec": {"podCIDR": "10.244.0.0/24", "podCIDRs": ["10.244.0.0/24"]}}
            """);
    var cordoned =
        Patches.apply(Patches.STRATEGIC_MERGE_PATCH, node, "{\"spec\":{\"unschedulable\":true}}");
    var uncordoned =
        Patches.apply(
            Patches.STRATEGIC_MERGE_PATCH, cordoned, "{\"spec\":{\"unschedulable\":null}}");
    assertThat(cordoned.at("/spec/unschedulable").booleanValue()).isTrue();
    assertThat(cordoned.at("/spec/podCIDRs").toString()).isEqualTo("[\"10.244.0.0/24\"]");
    assertThat(uncordoned.at("/spec").has("unschedulable")).isFalse();
    assertThat(NodePrinter.status(cordoned)).isEqualTo("Unknown,SchedulingDisabled");
  }

  @Test
  void kubectlApplyOfAChangedDeployment() throws Exception {
    // What kubectl apply computes when the manifest changes the app image, replaces env OLD with
    // NEW, drops the log sidecar and adds a metrics container.
    String patch =
        """
        {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"new\\":true}\\n"}},
         "spec":{"template":{"spec":{
           "$setElementOrder/containers":[{"name":"app"},{"name":"metrics"}],
           "containers":[
             {"$setElementOrder/env":[{"name":"MODE"},{"name":"NEW"}],
              "env":[{"name":"NEW","value":"1"},{"$patch":"delete","name":"OLD"}],
              "image":"nginx:1.28","name":"app"},
             {"image":"prom/exporter:1","name":"metrics"},
             {"$patch":"delete","name":"log"}]}}}}
        """;
    var result = Patches.apply(Patches.STRATEGIC_MERGE_PATCH, json(DEPLOYMENT), patch);

    JsonNode containers = result.at("/spec/template/spec/containers");
    assertThat(names(containers)).containsExactly("app", "metrics");
    JsonNode app = containers.get(0);
    assertThat(app.get("image").stringValue()).isEqualTo("nginx:1.28");
    assertThat(app.get("imagePullPolicy").stringValue()).isEqualTo("IfNotPresent");
    assertThat(app.get("ports")).hasSize(1);
    assertThat(app.get("env").toString())
        .isEqualTo("[{\"name\":\"MODE\",\"value\":\"blue\"},{\"name\":\"NEW\",\"value\":\"1\"}]");
    assertThat(containers.get(1))
        .isEqualTo(json("{\"name\":\"metrics\",\"image\":\"prom/exporter:1\"}"));
    assertThat(result.at("/metadata/annotations"))
        .isEqualTo(
            json(
                """
                {"deployment.kubernetes.io/revision": "3",
                 "kubectl.kubernetes.io/last-applied-configuration": "{\\"new\\":true}\\n"}
                """));
    assertThat(result.at("/spec/replicas").intValue()).isEqualTo(2);
    assertThat(result.at("/status/readyReplicas").intValue()).isEqualTo(2);
    // No directive survives into the stored object.
    assertThat(result.toString()).doesNotContain("$setElementOrder", "$patch");
  }

  @Test
  void kubectlRolloutRestart() throws Exception {
    var result =
        Patches.apply(
            Patches.STRATEGIC_MERGE_PATCH,
            json(DEPLOYMENT),
            """
            {"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2025-06-01T12:00:00Z"}}}}}
            """);
    assertThat(
            result
                .at("/spec/template/metadata/annotations/kubectl.kubernetes.io~1restartedAt")
                .stringValue())
        .isEqualTo("2025-06-01T12:00:00Z");
    assertThat(result.at("/spec/template/metadata/labels/app").stringValue()).isEqualTo("web");
  }

  @Test
  void kubectlLabelAddsOverwritesAndRemoves() throws Exception {
    var pod =
        json(
            """
            {"apiVersion": "v1", "kind": "Pod",
             "metadata": {"name": "web-1", "namespace": "shop", "uid": "p1", "resourceVersion": "9",
                          "labels": {"app": "web", "chaos": "target"}}}
            """);
    var result =
        Patches.apply(
            Patches.MERGE_PATCH,
            pod,
            "{\"metadata\":{\"labels\":{\"chaos\":null,\"tier\":\"front\",\"app\":\"shop\"}}}");
    assertThat(result.at("/metadata/labels"))
        .isEqualTo(json("{\"app\":\"shop\",\"tier\":\"front\"}"));
  }

  @Test
  void kubectlAnnotateOnAnObjectWithoutAnnotations() throws Exception {
    var configMap =
        json(
            """
            {"apiVersion": "v1", "kind": "ConfigMap",
             "metadata": {"name": "settings", "namespace": "shop", "uid": "c1", "resourceVersion": "3"},
             "data": {"a": "1"}}
            """);
    var result =
        Patches.apply(
            Patches.MERGE_PATCH,
            configMap,
            "{\"metadata\":{\"annotations\":{\"faultline.dev/owner\":\"sre\"}}}");
    assertThat(result.at("/metadata/annotations/faultline.dev~1owner").stringValue())
        .isEqualTo("sre");
    assertThat(result.at("/data/a").stringValue()).isEqualTo("1");
  }

  @Test
  void kubectlPatchWithTypeJson() throws Exception {
    var result =
        Patches.apply(
            Patches.JSON_PATCH,
            json(DEPLOYMENT),
            """
            [{"op":"test","path":"/spec/replicas","value":2},
             {"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.29"},
             {"op":"remove","path":"/spec/template/spec/containers/1"},
             {"op":"add","path":"/metadata/labels/chaos","value":"on"}]
            """);
    assertThat(names(result.at("/spec/template/spec/containers"))).containsExactly("app");
    assertThat(result.at("/spec/template/spec/containers/0/image").stringValue())
        .isEqualTo("nginx:1.29");
    assertThat(result.at("/metadata/labels/chaos").stringValue()).isEqualTo("on");
  }

  @Test
  void kubectlTaintReplacesTheWholeTaintList() throws Exception {
    var node =
        json(
            """
            {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "node-a"},
             "spec": {"taints": [{"key": "a", "effect": "NoSchedule"}]}}
            """);
    var result =
        Patches.apply(
            Patches.STRATEGIC_MERGE_PATCH,
            node,
            "{\"spec\":{\"taints\":[{\"key\":\"a\",\"effect\":\"NoSchedule\"},{\"key\":\"chaos\",\"value\":\"x\",\"effect\":\"NoExecute\"}]}}");
    assertThat(result.at("/spec/taints")).hasSize(2);
  }

  @Test
  void theStoredObjectIsNotChanged() throws Exception {
    ObjectNode stored = json(DEPLOYMENT);
    var before = stored.deepCopy();
    Patches.apply(Patches.MERGE_PATCH, stored, "{\"spec\":{\"replicas\":5}}");
    Patches.apply(Patches.STRATEGIC_MERGE_PATCH, stored, "{\"spec\":{\"replicas\":5}}");
    Patches.apply(Patches.JSON_PATCH, stored, "[{\"op\":\"remove\",\"path\":\"/spec/replicas\"}]");
    assertThat(stored).isEqualTo(before);
  }
}
