package dev.faultline.attack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the {@code manifest} of a {@code k8s.manifest} step: one or more YAML documents (JSON is
 * YAML too), each one Kubernetes object with {@code apiVersion}, {@code kind} and {@code
 * metadata.name}. Errors name the document (counting from 1) and the line, so a person finds the
 * mistake in the step's text.
 */
final class ManifestDocuments {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_ALIASES = 50;

  private ManifestDocuments() {}

  /**
   * One object of the manifest.
   *
   * @param document its position among the documents, from 1
   * @param line the line its document starts on, from 1
   * @param namespace {@code metadata.namespace}, empty when the document names none
   * @param body the object as JSON
   */
  record ManifestObject(
      int document,
      int line,
      String apiVersion,
      String kind,
      String name,
      String namespace,
      ObjectNode body) {

    /** {@code document 2 (line 14)}, for messages. */
    String where() {
      return "document " + document + " (line " + line + ")";
    }

    /** The API group of {@link #apiVersion}: empty for the core group. */
    String group() {
      int slash = apiVersion.indexOf('/');
      return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
  }

  /**
   * Parses the manifest.
   *
   * @throws AttackException naming the document and line of the first problem
   */
  static List<ManifestObject> parse(String text) throws AttackException {
    if (text == null || text.isBlank()) {
      throw new AttackException("the manifest is empty: give at least one Kubernetes object");
    }
    var settings =
        LoadSettings.builder()
            .setSchema(new CoreSchema())
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowDuplicateKeys(false)
            .build();
    var objects = new ArrayList<ManifestObject>();
    int document = 0;
    try {
      for (Node node : new Compose(settings).composeAllFromString(text)) {
        document++;
        if (node instanceof ScalarNode scalar && scalar.getValue().isBlank()) {
          continue; // an empty document, such as after a trailing ---
        }
        int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
        Object value;
        try {
          value = new StandardConstructor(settings).constructSingleDocument(Optional.of(node));
        } catch (MarkedYamlEngineException e) {
          throw syntax(document, e);
        }
        objects.add(object(document, line, node, value));
      }
    } catch (MarkedYamlEngineException e) {
      throw syntax(document + 1, e);
    } catch (YamlEngineException e) {
      throw new AttackException(
          "manifest document " + (document + 1) + ": " + firstLine(e.getMessage()), false, e);
    }
    if (objects.isEmpty()) {
      throw new AttackException("the manifest has no objects: every document is empty");
    }
    return List.copyOf(objects);
  }

  private static ManifestObject object(int document, int line, Node node, Object value)
      throws AttackException {
    String where = "manifest document " + document + " (line " + line + ")";
    if (!(node instanceof MappingNode) || !(value instanceof Map<?, ?>)) {
      throw new AttackException(where + ": expected a Kubernetes object (a mapping)");
    }
    JsonNode tree = toJson(value, Collections.newSetFromMap(new IdentityHashMap<>()), where);
    ObjectNode body = (ObjectNode) tree;
    String apiVersion = text(body.path("apiVersion"));
    String kind = text(body.path("kind"));
    JsonNode metadata = body.path("metadata");
    String name = text(metadata.path("name"));
    if (apiVersion.isEmpty()) {
      throw new AttackException(where + ": apiVersion is missing");
    }
    if (kind.isEmpty()) {
      throw new AttackException(where + ": kind is missing");
    }
    if (kind.equals("List") || kind.endsWith("List") && body.has("items")) {
      throw new AttackException(
          where + ": " + kind + " is not supported; write one document per object");
    }
    if (name.isEmpty()) {
      throw new AttackException(
          where
              + ": metadata.name is missing ("
              + kind
              + "); rollback must find the object again, so generateName is not supported");
    }
    return new ManifestObject(
        document, line, apiVersion, kind, name, text(metadata.path("namespace")), body);
  }

  private static JsonNode toJson(Object value, Set<Object> open, String where)
      throws AttackException {
    if ((value instanceof Map<?, ?> || value instanceof List<?>) && !open.add(value)) {
      throw new AttackException(where + ": an alias refers to a node that contains it");
    }
    JsonNode json;
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = JSON.createObjectNode();
      for (var entry : map.entrySet()) {
        object.set(String.valueOf(entry.getKey()), toJson(entry.getValue(), open, where));
      }
      json = object;
    } else if (value instanceof List<?> list) {
      var array = JSON.createArrayNode();
      for (Object item : list) {
        array.add(toJson(item, open, where));
      }
      json = array;
    } else if (value instanceof byte[] bytes) {
      json = JSON.getNodeFactory().binaryNode(bytes);
    } else {
      json = JSON.valueToTree(value);
    }
    open.remove(value);
    return json;
  }

  private static AttackException syntax(int document, MarkedYamlEngineException e) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    String at =
        mark.map(m -> " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")")
            .orElse("");
    String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext() + ": ";
    return new AttackException(
        "manifest document " + document + at + ": " + context + problem, false, e);
  }

  private static String text(JsonNode node) {
    return node.isString() ? node.asString().strip() : "";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid YAML";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
