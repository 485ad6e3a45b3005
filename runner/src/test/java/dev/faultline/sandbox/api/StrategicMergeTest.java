package dev.faultline.sandbox.api;

import static dev.faultline.sandbox.api.Trees.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Strategic merge patch semantics: merge keys, directives and list order. */
class StrategicMergeTest {
  private static final String POD =
      """
      {"apiVersion": "v1", "kind": "Pod",
       "metadata": {"name": "web", "labels": {"app": "web", "tier": "front"}, "finalizers": ["a", "b"]},
       "spec": {
         "containers": [
           {"name": "app", "image": "nginx:1.27",
            "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
            "ports": [{"containerPort": 80, "name": "http"}]},
           {"name": "log", "image": "fluent-bit:3"}],
         "volumes": [{"name": "data", "emptyDir": {}}, {"name": "cache", "emptyDir": {}}],
         "tolerations": [{"key": "a", "operator": "Exists"}]}}
      """;

  private static ObjectNode merge(String original, String patch) throws PatchException {
    var object = json(original);
    var schema =
        StrategicSchema.forObject(
            BuiltInGroups.groupOf(Json.text(object.get("apiVersion"))),
            Json.text(object.get("kind")));
    return StrategicMerge.apply(object, Json.MAPPER.readTree(patch), schema);
  }

  private static List<String> names(JsonNode list) {
    var names = new ArrayList<String>();
    list.forEach(item -> names.add(item.get("name").stringValue()));
    return names;
  }

  @Test
  void mapsMergeAndNullDeletes() throws Exception {
    var result =
        merge(POD, "{\"metadata\": {\"labels\": {\"tier\": null, \"track\": \"stable\"}}}");
    assertThat(result.at("/metadata/labels"))
        .isEqualTo(json("{\"app\": \"web\", \"track\": \"stable\"}"));
  }

  @Test
  void containersMergeByNameKeepingUnmentionedFields() throws Exception {
    var result =
        merge(
            POD, "{\"spec\": {\"containers\": [{\"name\": \"app\", \"image\": \"nginx:1.28\"}]}}");
    JsonNode app = result.at("/spec/containers/0");
    assertThat(app.get("image").stringValue()).isEqualTo("nginx:1.28");
    assertThat(app.get("env")).hasSize(2);
    assertThat(names(result.at("/spec/containers"))).containsExactly("app", "log");
  }

  @Test
  void nestedListsMergeByTheirOwnKeys() throws Exception {
    var result =
        merge(
            POD,
            """
            {"spec": {"containers": [{"name": "app",
               "env": [{"name": "B", "value": "20"}, {"name": "C", "value": "3"}],
               "ports": [{"containerPort": 80, "protocol": "TCP"}, {"containerPort": 443}]}]}}
            """);
    JsonNode app = result.at("/spec/containers/0");
    assertThat(app.get("env").toString())
        .isEqualTo(
            "[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"20\"},{\"name\":\"C\",\"value\":\"3\"}]");
    assertThat(app.get("ports").toString())
        .isEqualTo(
            "[{\"containerPort\":80,\"name\":\"http\",\"protocol\":\"TCP\"},{\"containerPort\":443}]");
  }

  @Test
  void listsWithoutAStrategyAreReplaced() throws Exception {
    var result =
        merge(POD, "{\"spec\": {\"tolerations\": [{\"key\": \"b\", \"operator\": \"Exists\"}]}}");
    assertThat(result.at("/spec/tolerations").toString())
        .isEqualTo("[{\"key\":\"b\",\"operator\":\"Exists\"}]");
  }

  @Test
  void patchDeleteRemovesAListElementByKey() throws Exception {
    var result =
        merge(POD, "{\"spec\": {\"volumes\": [{\"$patch\": \"delete\", \"name\": \"data\"}]}}");
    assertThat(names(result.at("/spec/volumes"))).containsExactly("cache");
  }

  @Test
  void patchReplaceReplacesAListOrAMap() throws Exception {
    var list =
        merge(
            POD,
            "{\"spec\": {\"volumes\": [{\"name\": \"tmp\", \"emptyDir\": {}}, {\"$patch\": \"replace\"}]}}");
    var map =
        merge(POD, "{\"metadata\": {\"labels\": {\"$patch\": \"replace\", \"only\": \"this\"}}}");
    assertThat(names(list.at("/spec/volumes"))).containsExactly("tmp");
    assertThat(map.at("/metadata/labels")).isEqualTo(json("{\"only\": \"this\"}"));
  }

  @Test
  void patchDeleteOnAMapEmptiesIt() throws Exception {
    var result = merge(POD, "{\"metadata\": {\"labels\": {\"$patch\": \"delete\"}}}");
    assertThat(result.at("/metadata/labels").isEmpty()).isTrue();
  }

  @Test
  void finalizersMergeAsASetAndDeleteFromPrimitiveListRemoves() throws Exception {
    var added = merge(POD, "{\"metadata\": {\"finalizers\": [\"c\", \"a\"]}}");
    var removed = merge(POD, "{\"metadata\": {\"$deleteFromPrimitiveList/finalizers\": [\"a\"]}}");
    var emptied =
        merge(POD, "{\"metadata\": {\"$deleteFromPrimitiveList/finalizers\": [\"a\", \"b\"]}}");
    // The patch's items keep the patch's order; "b", only on the server, stays after "a".
    assertThat(added.at("/metadata/finalizers").toString()).isEqualTo("[\"c\",\"a\",\"b\"]");
    assertThat(removed.at("/metadata/finalizers").toString()).isEqualTo("[\"b\"]");
    assertThat(emptied.at("/metadata").has("finalizers")).isFalse();
  }

  @Test
  void setElementOrderReordersTheMergedList() throws Exception {
    var result =
        merge(
            POD,
            """
            {"spec": {"$setElementOrder/containers": [{"name": "log"}, {"name": "app"}],
                      "containers": [{"name": "app", "image": "nginx:1.28"}]}}
            """);
    assertThat(names(result.at("/spec/containers"))).containsExactly("log", "app");
    assertThat(result.at("/spec/containers/1/image").stringValue()).isEqualTo("nginx:1.28");
    assertThat(result.at("/spec").has("$setElementOrder/containers")).isFalse();
  }

  @Test
  void setElementOrderAloneReordersWithoutChangingElements() throws Exception {
    var result =
        merge(
            POD,
            "{\"spec\": {\"$setElementOrder/volumes\": [{\"name\": \"cache\"}, {\"name\": \"data\"}]}}");
    assertThat(names(result.at("/spec/volumes"))).containsExactly("cache", "data");
  }

  @Test
  void serverOnlyElementsKeepTheirPlaceRelativeToPatchedOnes() throws Exception {
    String original =
        """
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
         "spec": {"containers": [{"name": "a"}, {"name": "b"}, {"name": "c"}]}}
        """;
    // c and a are in the patch (in that order); b, server-only, was before c on the server.
    var result =
        merge(original, "{\"spec\": {\"containers\": [{\"name\": \"c\"}, {\"name\": \"a\"}]}}");
    assertThat(names(result.at("/spec/containers"))).containsExactly("b", "c", "a");
  }

  @Test
  void retainKeysClearsOtherFieldsOfTheMap() throws Exception {
    String deployment =
        """
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
         "spec": {"strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1}}}}
        """;
    var result =
        merge(
            deployment,
            """
            {"spec": {"strategy": {"$retainKeys": ["type"], "type": "Recreate", "rollingUpdate": null}}}
            """);
    assertThat(result.at("/spec/strategy")).isEqualTo(json("{\"type\": \"Recreate\"}"));
  }

  @Test
  void retainKeysMustListEveryKeyThePatchSets() {
    assertThatThrownBy(
            () ->
                merge(
                    POD,
                    "{\"metadata\": {\"labels\": {\"$retainKeys\": [\"app\"], \"tier\": \"back\"}}}"))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage()).isEqualTo("invalid patch format of retainKeys");
            });
  }

  @Test
  void newFieldsArriveWithoutDirectivesOrNulls() throws Exception {
    var result =
        merge(
            POD,
            """
            {"spec": {"initContainers": [{"name": "init", "image": "busybox", "args": null},
                                         {"$patch": "delete", "name": "old"}],
                      "securityContext": {"runAsUser": 1000, "fsGroup": null}}}
            """);
    assertThat(result.at("/spec/initContainers").toString())
        .isEqualTo("[{\"name\":\"init\",\"image\":\"busybox\"}]");
    assertThat(result.at("/spec/securityContext")).isEqualTo(json("{\"runAsUser\": 1000}"));
  }

  @Test
  void mergeKeysCompareNumbersByValue() throws Exception {
    var result =
        merge(
            POD,
            "{\"spec\": {\"containers\": [{\"name\": \"app\", \"ports\": [{\"containerPort\": 80.0, \"protocol\": \"UDP\"}]}]}}");
    assertThat(result.at("/spec/containers/0/ports")).hasSize(1);
    assertThat(result.at("/spec/containers/0/ports/0/protocol").stringValue()).isEqualTo("UDP");
  }

  @Test
  void customResourcesHaveNoMergeKeys() throws Exception {
    String custom =
        """
        {"apiVersion": "chaos.faultline.dev/v1", "kind": "Experiment", "metadata": {"name": "x"},
         "spec": {"containers": [{"name": "a"}, {"name": "b"}]}}
        """;
    var result =
        merge(custom, "{\"spec\": {\"containers\": [{\"name\": \"b\", \"image\": \"i\"}]}}");
    assertThat(result.at("/spec/containers").toString())
        .isEqualTo("[{\"name\":\"b\",\"image\":\"i\"}]");
  }

  @Test
  void malformedDirectivesAreRejected() {
    assertThatThrownBy(() -> merge(POD, "{\"spec\": {\"volumes\": [{\"$patch\": \"delete\"}]}}"))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> assertThat(e.getMessage()).contains("does not contain declared merge key: name"));
    assertThatThrownBy(() -> merge(POD, "{\"spec\": {\"volumes\": [{\"emptyDir\": {}}]}}"))
        .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.status()).isEqualTo(422));
    assertThatThrownBy(
            () -> merge(POD, "{\"metadata\": {\"labels\": {\"$patch\": \"frobnicate\"}}}"))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> assertThat(e.getMessage()).startsWith("Unknown patch type: \"frobnicate\""));
    assertThatThrownBy(() -> merge(POD, "{\"metadata\": {\"$setElementOrder/finalizers\": \"a\"}}"))
        .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(
            () ->
                merge(
                    POD,
                    """
                    {"spec": {"$setElementOrder/containers": [{"name": "app"}, {"name": "log"}],
                              "containers": [{"name": "log"}, {"name": "app"}]}}
                    """))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> assertThat(e.getMessage()).contains("doesn't match $setElementOrder list"));
  }

  @Test
  void listsOfListsAreNotSupported() {
    String node =
        """
        {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n"}, "spec": {"podCIDRs": ["10.0.0.0/24"]}}
        """;
    assertThatThrownBy(() -> merge(node, "{\"spec\": {\"podCIDRs\": [[\"x\"]]}}"))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> assertThat(e.getMessage()).isEqualTo("lists of lists are not supported"));
  }

  @Test
  void theOriginalIsNotChanged() throws Exception {
    var original = json(POD);
    var copy = original.deepCopy();
    StrategicMerge.apply(
        original,
        Json.MAPPER.readTree(
            "{\"spec\": {\"containers\": [{\"name\": \"app\", \"image\": \"x\"}]}}"),
        StrategicSchema.forObject("", "Pod"));
    assertThat(original).isEqualTo(copy);
  }
}
