package dev.faultline.sandbox.api;

import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a server-side apply body: YAML (JSON is YAML too) into a JSON tree, with the YAML 1.2 core
 * schema. Non-string keys become strings, as sigs.k8s.io/yaml turns them into JSON object keys.
 */
final class YamlTree {
  private static final int MAX_ALIASES = 50;

  private YamlTree() {}

  static ObjectNode parseObject(String body) throws PatchException {
    var settings =
        LoadSettings.builder()
            .setSchema(new CoreSchema())
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowDuplicateKeys(true) // the last one wins, as in Go
            .build();
    Object loaded;
    try {
      loaded = new Load(settings).loadFromString(body);
    } catch (YamlEngineException e) {
      throw PatchException.badRequest("error decoding YAML: " + firstLine(e.getMessage()));
    }
    if (!(loaded instanceof Map<?, ?>)) {
      String what = loaded == null ? "an empty document" : "a " + kind(loaded);
      throw PatchException.badRequest("error decoding YAML: expected an object, found " + what);
    }
    return (ObjectNode) toJson(loaded, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /**
   * @param open the collections being converted, to refuse an alias to an enclosing node (which
   *     JSON cannot express and would otherwise recurse forever)
   */
  private static JsonNode toJson(Object value, Set<Object> open) throws PatchException {
    if ((value instanceof Map<?, ?> || value instanceof List<?>) && !open.add(value)) {
      throw PatchException.badRequest(
          "error decoding YAML: an alias refers to a node that contains it");
    }
    JsonNode json =
        switch (value) {
          case Map<?, ?> map -> {
            ObjectNode object = Json.MAPPER.createObjectNode();
            for (var entry : map.entrySet()) {
              object.set(String.valueOf(entry.getKey()), toJson(entry.getValue(), open));
            }
            yield object;
          }
          case List<?> list -> {
            ArrayNode array = Json.MAPPER.createArrayNode();
            for (Object item : list) {
              array.add(toJson(item, open));
            }
            yield array;
          }
          case null, default -> scalar(value);
        };
    open.remove(value);
    return json;
  }

  private static JsonNode scalar(Object value) throws PatchException {
    return switch (value) {
      case null -> Json.MAPPER.nullNode();
      case String text -> Json.MAPPER.getNodeFactory().stringNode(text);
      case Boolean bool -> Json.MAPPER.getNodeFactory().booleanNode(bool);
      case Integer number -> Json.MAPPER.getNodeFactory().numberNode(number);
      case Long number -> Json.MAPPER.getNodeFactory().numberNode(number);
      case BigInteger number -> Json.MAPPER.getNodeFactory().numberNode(number);
      case Double number when number.isNaN() || number.isInfinite() ->
          throw PatchException.badRequest(
              "error decoding YAML: " + number + " is not a JSON number");
      case Double number -> Json.MAPPER.getNodeFactory().numberNode(number);
      default -> Json.MAPPER.getNodeFactory().stringNode(String.valueOf(value));
    };
  }

  private static String kind(Object value) {
    return value instanceof List<?> ? "list" : "scalar";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid YAML";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
