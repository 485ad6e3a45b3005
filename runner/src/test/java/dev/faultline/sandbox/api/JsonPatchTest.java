package dev.faultline.sandbox.api;

import static dev.faultline.sandbox.api.Trees.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON Patch operations, JSON Pointer escaping, and the failures that make it a 422 or 400. */
class JsonPatchTest {
  private static final String DOC =
      """
      {"metadata": {"name": "web", "labels": {"app": "web", "a/b": "slash", "m~n": "tilde"}},
       "spec": {"replicas": 2, "containers": [{"name": "app"}, {"name": "log"}]}}
      """;

  private static ObjectNode patch(String operations) throws PatchException {
    return JsonPatch.apply(json(DOC), Json.MAPPER.readTree(operations));
  }

  private static PatchException failure(String document, String operations) {
    try {
      JsonPatch.apply(json(document), Json.MAPPER.readTree(operations));
    } catch (PatchException e) {
      return e;
    }
    throw new AssertionError("the patch applied");
  }

  @Test
  void addSetsAMemberAndInsertsIntoArrays() throws Exception {
    var result =
        patch(
            """
            [{"op": "add", "path": "/metadata/labels/tier", "value": "front"},
             {"op": "add", "path": "/spec/containers/1", "value": {"name": "proxy"}},
             {"op": "add", "path": "/spec/containers/-", "value": {"name": "last"}}]
            """);
    assertThat(result.at("/metadata/labels/tier").stringValue()).isEqualTo("front");
    assertThat(result.at("/spec/containers").toString())
        .isEqualTo(
            "[{\"name\":\"app\"},{\"name\":\"proxy\"},{\"name\":\"log\"},{\"name\":\"last\"}]");
  }

  @Test
  void addToAnExistingMemberReplacesIt() throws Exception {
    var result = patch("[{\"op\": \"add\", \"path\": \"/spec/replicas\", \"value\": 5}]");
    assertThat(result.at("/spec/replicas").intValue()).isEqualTo(5);
  }

  @Test
  void removeAndReplace() throws Exception {
    var result =
        patch(
            """
            [{"op": "remove", "path": "/spec/containers/0"},
             {"op": "replace", "path": "/spec/replicas", "value": 0},
             {"op": "remove", "path": "/metadata/labels/app"}]
            """);
    assertThat(result.at("/spec/containers").toString()).isEqualTo("[{\"name\":\"log\"}]");
    assertThat(result.at("/spec/replicas").intValue()).isZero();
    assertThat(result.at("/metadata/labels").has("app")).isFalse();
  }

  @Test
  void pointersUnescapeSlashAndTilde() throws Exception {
    var result =
        patch(
            """
            [{"op": "replace", "path": "/metadata/labels/a~1b", "value": "x"},
             {"op": "remove", "path": "/metadata/labels/m~0n"}]
            """);
    JsonNode labels = result.at("/metadata/labels");
    assertThat(labels.get("a/b").stringValue()).isEqualTo("x");
    assertThat(labels.has("m~n")).isFalse();
  }

  @Test
  void moveAndCopy() throws Exception {
    var result =
        patch(
            """
            [{"op": "copy", "from": "/spec/containers/0", "path": "/spec/template"},
             {"op": "move", "from": "/metadata/labels/app", "path": "/metadata/labels/name"}]
            """);
    assertThat(result.at("/spec/template/name").stringValue()).isEqualTo("app");
    assertThat(result.at("/metadata/labels/name").stringValue()).isEqualTo("web");
    assertThat(result.at("/metadata/labels").has("app")).isFalse();
    // The copy is independent of its source.
    ((ObjectNode) result.at("/spec/template")).put("name", "changed");
    assertThat(result.at("/spec/containers/0/name").stringValue()).isEqualTo("app");
  }

  @Test
  void testOperationComparesNumbersByValue() throws Exception {
    var result =
        patch(
            """
            [{"op": "test", "path": "/spec/replicas", "value": 2.0},
             {"op": "test", "path": "/spec/containers/1", "value": {"name": "log"}},
             {"op": "replace", "path": "/spec/replicas", "value": 3}]
            """);
    assertThat(result.at("/spec/replicas").intValue()).isEqualTo(3);
  }

  @Test
  void failedTestIsUnprocessableAndNothingIsApplied() {
    var document = json(DOC);
    assertThatThrownBy(
            () ->
                JsonPatch.apply(
                    document,
                    Json.MAPPER.readTree(
                        """
                        [{"op": "replace", "path": "/spec/replicas", "value": 9},
                         {"op": "test", "path": "/spec/replicas", "value": 2}]
                        """)))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.getMessage())
                  .isEqualTo("testing value /spec/replicas failed: test failed");
            });
    assertThat(document.at("/spec/replicas").intValue()).isEqualTo(2);
  }

  @Test
  void operationsOnMissingPathsAreUnprocessable() {
    assertThat(failure(DOC, "[{\"op\": \"remove\", \"path\": \"/spec/paused\"}]").status())
        .isEqualTo(422);
    assertThat(
            failure(DOC, "[{\"op\": \"replace\", \"path\": \"/spec/paused\", \"value\": true}]")
                .status())
        .isEqualTo(422);
    assertThat(
            failure(DOC, "[{\"op\": \"add\", \"path\": \"/status/phase\", \"value\": \"x\"}]")
                .getMessage())
        .isEqualTo(
            "add operation does not apply: doc is missing path: \"/status/phase\": missing value");
    assertThat(
            failure(DOC, "[{\"op\": \"add\", \"path\": \"/spec/containers/3\", \"value\": {}}]")
                .getMessage())
        .isEqualTo("Unable to access invalid index: 3: invalid index referenced");
    assertThat(failure(DOC, "[{\"op\": \"remove\", \"path\": \"/spec/containers/01\"}]").status())
        .isEqualTo(422);
    assertThat(
            failure(DOC, "[{\"op\": \"move\", \"from\": \"/spec\", \"path\": \"/spec/x\"}]")
                .status())
        .isEqualTo(422);
  }

  @Test
  void malformedOperationsAreUnprocessable() {
    assertThat(failure(DOC, "[{\"op\": \"frobnicate\", \"path\": \"/a\"}]").getMessage())
        .isEqualTo("Unexpected kind: frobnicate");
    assertThat(failure(DOC, "[{\"op\": \"add\", \"path\": \"/a\"}]").status()).isEqualTo(422);
    assertThat(failure(DOC, "[{\"op\": \"add\", \"path\": \"a\", \"value\": 1}]").status())
        .isEqualTo(422);
  }

  @Test
  void aBodyThatIsNotAListOfOperationsIsABadRequest() {
    assertThat(failure(DOC, "{\"op\": \"add\"}").status()).isEqualTo(400);
    assertThat(failure(DOC, "[\"add\"]").status()).isEqualTo(400);
  }

  @Test
  void replacingTheRootWithANonObjectIsUnprocessable() {
    assertThat(failure(DOC, "[{\"op\": \"replace\", \"path\": \"\", \"value\": [1]}]").status())
        .isEqualTo(422);
  }
}
