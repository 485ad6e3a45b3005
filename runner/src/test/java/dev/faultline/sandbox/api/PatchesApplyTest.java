package dev.faultline.sandbox.api;

import static dev.faultline.sandbox.api.Trees.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Server-side apply ({@code kubectl apply --server-side}) as a strategic merge of the YAML. */
class PatchesApplyTest {
  private static final String DEPLOYMENT =
      """
      {"apiVersion": "apps/v1", "kind": "Deployment",
       "metadata": {"name": "web", "namespace": "shop", "uid": "d1", "resourceVersion": "41"},
       "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
                "template": {"metadata": {"labels": {"app": "web"}},
                             "spec": {"containers": [
                               {"name": "app", "image": "nginx:1.27", "imagePullPolicy": "IfNotPresent"}]}}}}
      """;

  private static PatchException failure(String original, String body) {
    try {
      Patches.apply(Patches.APPLY_PATCH, json(original), body);
    } catch (PatchException e) {
      return e;
    }
    throw new AssertionError("the patch applied");
  }

  @Test
  void yamlConfigurationMergesIntoTheObject() throws Exception {
    String body =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels:
            app: web
        spec:
          replicas: 3
          template:
            spec:
              containers:
              - name: app
                image: nginx:1.28
                ports:
                - containerPort: 8080
              - name: sidecar
                image: envoy:1
        """;
    var result = Patches.apply(Patches.APPLY_PATCH, json(DEPLOYMENT), body);
    assertThat(result.at("/spec/replicas").intValue()).isEqualTo(3);
    assertThat(result.at("/metadata/labels/app").stringValue()).isEqualTo("web");
    assertThat(result.at("/spec/template/spec/containers")).hasSize(2);
    assertThat(result.at("/spec/template/spec/containers/0/image").stringValue())
        .isEqualTo("nginx:1.28");
    // Fields the configuration does not mention are kept (no managed-fields ownership here).
    assertThat(result.at("/spec/template/spec/containers/0/imagePullPolicy").stringValue())
        .isEqualTo("IfNotPresent");
    assertThat(result.at("/spec/template/spec/containers/0/ports/0/containerPort").intValue())
        .isEqualTo(8080);
    assertThat(result.at("/metadata/uid").stringValue()).isEqualTo("d1");
  }

  @Test
  void jsonBodiesAreYamlToo() throws Exception {
    var result =
        Patches.apply(
            "application/apply-patch+yaml",
            json(DEPLOYMENT),
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},\"spec\":{\"paused\":true}}");
    assertThat(result.at("/spec/paused").booleanValue()).isTrue();
  }

  @Test
  void yamlScalarsFollowTheCoreSchema() throws Exception {
    var configMap =
        "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}}";
    String body =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        data: {quoted: "true", word: yes, number: "042"}
        binaryData: ~
        """;
    var result = Patches.apply(Patches.APPLY_PATCH, json(configMap), body);
    assertThat(result.at("/data/quoted").isString()).isTrue();
    assertThat(result.at("/data/word").stringValue()).isEqualTo("yes");
    assertThat(result.at("/data/number").stringValue()).isEqualTo("042");
    assertThat(result.has("binaryData")).isFalse();
  }

  @Test
  void customResourcesCanBeApplied() throws Exception {
    var experiment =
        """
        {"apiVersion": "chaos.faultline.dev/v1", "kind": "Experiment",
         "metadata": {"name": "x"}, "spec": {"steps": [{"name": "a"}, {"name": "b"}]}}
        """;
    String body =
        """
        apiVersion: chaos.faultline.dev/v1
        kind: Experiment
        metadata: {name: x}
        spec:
          steps: [{name: b, wait: 5s}]
        """;
    var result = Patches.apply(Patches.APPLY_PATCH, json(experiment), body);
    // Custom resources have no merge keys: lists are atomic, as in their structural schema.
    assertThat(result.at("/spec/steps").toString()).isEqualTo("[{\"name\":\"b\",\"wait\":\"5s\"}]");
  }

  @Test
  void wrongVersionOrKindIsABadRequest() {
    var version =
        failure(DEPLOYMENT, "apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: web}\n");
    var kind =
        failure(DEPLOYMENT, "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\n");
    assertThat(version.status()).isEqualTo(400);
    assertThat(version.getMessage())
        .isEqualTo(
            "Incorrect version specified in apply patch. Specified patch version: apps/v1beta1,"
                + " expected: apps/v1");
    assertThat(kind.status()).isEqualTo(400);
  }

  @Test
  void managedFieldsMayNotBeApplied() {
    var e =
        failure(
            DEPLOYMENT,
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  managedFields: []\n");
    assertThat(e.getMessage()).isEqualTo("metadata.managedFields must be nil");
  }

  @Test
  void invalidOrNonObjectYamlIsABadRequest() {
    assertThat(failure(DEPLOYMENT, "a: [1, 2").status()).isEqualTo(400);
    assertThat(failure(DEPLOYMENT, "- a\n- b\n").status()).isEqualTo(400);
    assertThat(failure(DEPLOYMENT, "").status()).isEqualTo(400);
    assertThat(failure(DEPLOYMENT, "a: &x [*x]").status()).isEqualTo(400);
  }

  @Test
  void applyToAnEmptyObjectCreatesItFromTheConfiguration() throws Exception {
    String body =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: fresh, namespace: shop}
        data: {a: "1", b: null}
        """;
    var result = Patches.apply(Patches.APPLY_PATCH, json("{}"), body);
    assertThat(result)
        .isEqualTo(
            json(
                """
                {"apiVersion": "v1", "kind": "ConfigMap",
                 "metadata": {"name": "fresh", "namespace": "shop"}, "data": {"a": "1"}}
                """));
  }

  @Test
  void applyingADifferentNameIsABadRequest() {
    var e = failure(DEPLOYMENT, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\n");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.getMessage()).contains("does not match the name on the URL (web)");
  }
}
