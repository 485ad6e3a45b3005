package dev.faultline.sandbox.api;

import static dev.faultline.sandbox.api.Trees.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import tools.jackson.databind.node.ObjectNode;

/** Content types, the metadata a patch may not change, and the statuses of failures. */
class PatchesTest {
  private static final String POD =
      """
      {"apiVersion": "v1", "kind": "Pod",
       "metadata": {"name": "web-1", "namespace": "shop", "uid": "p1", "resourceVersion": "9",
                    "generation": 1, "creationTimestamp": "2025-06-01T10:00:00Z"},
       "spec": {"containers": [{"name": "app", "image": "nginx"}]}}
      """;
  private static final String CUSTOM =
      """
      {"apiVersion": "chaos.faultline.dev/v1", "kind": "Experiment",
       "metadata": {"name": "x", "namespace": "shop", "uid": "e1", "resourceVersion": "5"},
       "spec": {"steps": [{"name": "a"}, {"name": "b"}]}}
      """;

  private static PatchException failure(String contentType, String original, String body) {
    try {
      Patches.apply(contentType, json(original), body);
    } catch (PatchException e) {
      return e;
    }
    throw new AssertionError("the patch applied");
  }

  private static ObjectNode applied(ThrowingSupplier<ObjectNode> patch) throws Throwable {
    return patch.get();
  }

  @Test
  void unsupportedContentTypeIs415ListingWhatIsAccepted() {
    var e = failure("application/json", POD, "{}");
    assertThat(e.status()).isEqualTo(415);
    assertThat(e.reason()).isEqualTo("UnsupportedMediaType");
    assertThat(e.getMessage())
        .isEqualTo(
            "the body of the request was in an unknown format - accepted media types include:"
                + " application/json-patch+json, application/merge-patch+json,"
                + " application/strategic-merge-patch+json, application/apply-patch+yaml");
    assertThat(failure(null, POD, "{}").status()).isEqualTo(415);
  }

  @Test
  void strategicMergeIsRefusedForCustomResources() {
    var e = failure(Patches.STRATEGIC_MERGE_PATCH, CUSTOM, "{\"spec\":{}}");
    assertThat(e.status()).isEqualTo(415);
    assertThat(e.getMessage())
        .endsWith("application/merge-patch+json, application/apply-patch+yaml");
  }

  @Test
  void customResourcesTakeMergeAndJsonPatches() throws Throwable {
    var merged =
        applied(
            () -> Patches.apply(Patches.MERGE_PATCH, json(CUSTOM), "{\"spec\":{\"steps\":[]}}"));
    assertThat(merged.at("/spec/steps")).isEmpty();
  }

  @Test
  void strategicSupportIsForBuiltInGroupsOnly() {
    assertThat(Patches.strategicSupported("")).isTrue();
    assertThat(Patches.strategicSupported("apps")).isTrue();
    assertThat(Patches.strategicSupported("batch")).isTrue();
    assertThat(Patches.strategicSupported("policy")).isTrue();
    assertThat(Patches.strategicSupported("networking.k8s.io")).isTrue();
    assertThat(Patches.strategicSupported("rbac.authorization.k8s.io")).isTrue();
    assertThat(Patches.strategicSupported("autoscaling")).isTrue();
    assertThat(Patches.strategicSupported("chaos.faultline.dev")).isFalse();
    assertThat(Patches.strategicSupported("monitoring.coreos.com")).isFalse();
  }

  @Test
  void contentTypeParametersAndCaseAreIgnored() throws Throwable {
    var result =
        applied(
            () ->
                Patches.apply(
                    "Application/Merge-Patch+JSON; charset=utf-8",
                    json(POD),
                    "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}"));
    assertThat(result.at("/metadata/labels/a").stringValue()).isEqualTo("b");
  }

  @Test
  void malformedBodiesAreBadRequests() {
    assertThat(failure(Patches.MERGE_PATCH, POD, "{\"spec\":").status()).isEqualTo(400);
    assertThat(failure(Patches.MERGE_PATCH, POD, "").status()).isEqualTo(400);
    assertThat(failure(Patches.STRATEGIC_MERGE_PATCH, POD, "[]").status()).isEqualTo(400);
    assertThat(failure(Patches.JSON_PATCH, POD, "{}").status()).isEqualTo(400);
    assertThat(failure(Patches.MERGE_PATCH, POD, "{} {}").status()).isEqualTo(400);
  }

  @Test
  void renamingIsABadRequestNamingBothNames() {
    var e = failure(Patches.MERGE_PATCH, POD, "{\"metadata\":{\"name\":\"web-2\"}}");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.reason()).isEqualTo("BadRequest");
    assertThat(e.getMessage())
        .isEqualTo("the name of the object (web-2) does not match the name on the URL (web-1)");
    var removed =
        failure(Patches.JSON_PATCH, POD, "[{\"op\":\"remove\",\"path\":\"/metadata/name\"}]");
    assertThat(removed.status()).isEqualTo(400);
  }

  @Test
  void movingToAnotherNamespaceIsABadRequest() {
    var e = failure(Patches.STRATEGIC_MERGE_PATCH, POD, "{\"metadata\":{\"namespace\":\"other\"}}");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.getMessage())
        .isEqualTo(
            "the namespace of the object (other) does not match the namespace on the URL (shop)");
  }

  @Test
  void changingTheUidIsInvalid() {
    var e = failure(Patches.MERGE_PATCH, POD, "{\"metadata\":{\"uid\":\"other\"}}");
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.getMessage())
        .isEqualTo(
            "Pod \"web-1\" is invalid: metadata.uid: Invalid value: \"other\": field is immutable");
  }

  @Test
  void aStaleResourceVersionIsAConflict() {
    var e = failure(Patches.MERGE_PATCH, POD, "{\"metadata\":{\"resourceVersion\":\"3\"}}");
    assertThat(e.status()).isEqualTo(409);
    assertThat(e.reason()).isEqualTo("Conflict");
    assertThat(e.getMessage()).contains("the object has been modified");
  }

  @Test
  void theCurrentResourceVersionIsAcceptedAsAPrecondition() throws Throwable {
    var result =
        applied(
            () ->
                Patches.apply(
                    Patches.MERGE_PATCH,
                    json(POD),
                    "{\"metadata\":{\"resourceVersion\":\"9\",\"labels\":{\"a\":\"b\"}}}"));
    assertThat(result.at("/metadata/labels/a").stringValue()).isEqualTo("b");
  }

  @Test
  void droppedIdentityAndSystemFieldsComeBack() throws Throwable {
    var result =
        applied(
            () ->
                Patches.apply(
                    Patches.MERGE_PATCH,
                    json(POD),
                    """
                    {"kind": "Deployment", "apiVersion": "apps/v1",
                     "metadata": {"namespace": null, "uid": null, "resourceVersion": null,
                                  "creationTimestamp": "2020-01-01T00:00:00Z", "generation": 7,
                                  "deletionTimestamp": "2025-06-01T11:00:00Z"}}
                    """));
    assertThat(result.get("kind").stringValue()).isEqualTo("Pod");
    assertThat(result.get("apiVersion").stringValue()).isEqualTo("v1");
    assertThat(result.get("metadata"))
        .isEqualTo(
            json(
                """
                {"name": "web-1", "namespace": "shop", "uid": "p1", "resourceVersion": "9",
                 "generation": 1, "creationTimestamp": "2025-06-01T10:00:00Z"}
                """));
  }

  @Test
  void clusterScopedObjectsCannotGainANamespace() throws Throwable {
    var node = "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": \"n\"}}";
    var result =
        applied(
            () ->
                Patches.apply(
                    Patches.MERGE_PATCH, json(node), "{\"metadata\":{\"namespace\":\"x\"}}"));
    assertThat(result.at("/metadata").has("namespace")).isFalse();
  }

  @Test
  void metadataThatIsNotAnObjectIsInvalid() {
    var e = failure(Patches.MERGE_PATCH, POD, "{\"metadata\":\"web\"}");
    assertThat(e.status()).isEqualTo(422);
  }

  @Test
  void failedJsonPatchTestIs422() {
    var e =
        failure(
            Patches.JSON_PATCH,
            POD,
            "[{\"op\":\"test\",\"path\":\"/spec/containers/0/image\",\"value\":\"redis\"}]");
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.reason()).isEqualTo("Invalid");
  }

  @Test
  void nullArgumentsAreProgrammingErrors() {
    assertThatThrownBy(() -> Patches.apply(Patches.MERGE_PATCH, null, "{}"))
        .isInstanceOf(NullPointerException.class);
  }
}
