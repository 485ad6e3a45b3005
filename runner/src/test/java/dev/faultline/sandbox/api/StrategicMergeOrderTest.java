package dev.faultline.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * List order after a strategic merge, on cases from apimachinery's strategicpatch tests: pod
 * containers stand in for upstream's merging list of maps (merge key {@code name}), finalizers for
 * its merging list of scalars.
 */
class StrategicMergeOrderTest {
  private static List<String> containers(String stored, String specPatch) throws PatchException {
    var pod =
        Trees.json(
            "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"},"
                + " \"spec\": {\"containers\": "
                + stored
                + "}}");
    var result =
        StrategicMerge.apply(
            pod,
            Json.MAPPER.readTree("{\"spec\": " + specPatch + "}"),
            StrategicSchema.forObject("", "Pod"));
    var names = new ArrayList<String>();
    for (JsonNode container : result.at("/spec/containers")) {
      names.add(container.get("name").stringValue());
    }
    return names;
  }

  private static String finalizers(String stored, String metadataPatch) throws PatchException {
    var pod =
        Trees.json(
            "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\", \"finalizers\": "
                + stored
                + "}}");
    var result =
        StrategicMerge.apply(
            pod,
            Json.MAPPER.readTree("{\"metadata\": " + metadataPatch + "}"),
            StrategicSchema.forObject("", "Pod"));
    return result.at("/metadata/finalizers").toString();
  }

  @Test
  void newElementsGoBeforeServerOnlyOnes() throws Exception {
    // "nested patch merge with empty list"
    assertThat(
            containers(
                "[{\"name\": \"hello2\"}]",
                """
                {"$setElementOrder/containers": [{"name": "hello"}, {"name": "doesntexist"}],
                 "containers": [{"name": "hello"}]}
                """))
        .containsExactly("hello", "hello2");
  }

  @Test
  void addAnItemAndPreserveOrder() throws Exception {
    assertThat(
            containers(
                "[{\"name\": \"1\"}, {\"name\": \"2\"}]",
                """
                {"$setElementOrder/containers": [{"name": "3"}, {"name": "1"}, {"name": "2"}],
                 "containers": [{"name": "3"}]}
                """))
        .containsExactly("3", "1", "2");
  }

  @Test
  void addAndDeleteWithAServerOnlyElement() throws Exception {
    // "add map and delete map from merging list with conflict": 4 was added on the server.
    assertThat(
            containers(
                "[{\"name\": \"1\"}, {\"name\": \"4\"}]",
                """
                {"$setElementOrder/containers": [{"name": "2"}, {"name": "3"}],
                 "containers": [{"name": "2"}, {"name": "3"}, {"$patch": "delete", "name": "1"}]}
                """))
        .containsExactly("4", "2", "3");
  }

  @Test
  void setElementOrderNamingAnAbsentElement() throws Exception {
    assertThat(
            containers(
                "[{\"name\": \"1\"}, {\"name\": \"3\"}]",
                """
                {"$setElementOrder/containers": [{"name": "3"}, {"name": "2"}, {"name": "1"}],
                 "containers": [{"name": "3", "image": "x"}, {"name": "1", "image": "y"}]}
                """))
        .containsExactly("3", "1");
  }

  @Test
  void deleteOneAndReorder() throws Exception {
    assertThat(
            containers(
                "[{\"name\": \"a\"}, {\"name\": \"b\"}]",
                """
                {"$setElementOrder/containers": [{"name": "b"}],
                 "containers": [{"$patch": "delete", "name": "a"}]}
                """))
        .containsExactly("b");
  }

  @Test
  void reorderScalarsAroundServerOnlyOnes() throws Exception {
    assertThat(
            finalizers(
                "[\"1\", \"2\", \"7\", \"9\", \"8\", \"3\", \"4\"]",
                "{\"$setElementOrder/finalizers\": [\"2\", \"1\", \"4\", \"3\"]}"))
        .isEqualTo("[\"2\",\"1\",\"7\",\"9\",\"8\",\"4\",\"3\"]");
  }

  @Test
  void patchOrderWinsForScalars() throws Exception {
    assertThat(finalizers("[\"1\", \"2\", \"3\"]", "{\"finalizers\": [\"3\", \"1\", \"2\"]}"))
        .isEqualTo("[\"3\",\"1\",\"2\"]");
    assertThat(finalizers("[\"1\", \"2\", \"3\"]", "{\"finalizers\": [\"3\", \"1\"]}"))
        .isEqualTo("[\"2\",\"3\",\"1\"]");
  }

  @Test
  void deleteScalarsKeepingTheServerOnlyOne() throws Exception {
    assertThat(
            finalizers(
                "[\"1\", \"2\", \"3\", \"4\"]",
                """
                {"$setElementOrder/finalizers": ["1", "2"],
                 "$deleteFromPrimitiveList/finalizers": ["3"]}
                """))
        .isEqualTo("[\"1\",\"2\",\"4\"]");
  }
}
