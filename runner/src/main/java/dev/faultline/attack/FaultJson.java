package dev.faultline.attack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link Fault} in the rollback journal, which is also what the {@code
 * faultline.dev/fault} annotation on changed objects holds (one object, or an array when an object
 * carries several faults), so that either can roll a fault back. The fields are the record
 * components, so Jackson's default record serialization (as the attack executors write the
 * annotation) reads back here:
 *
 * <pre>{@code
 * {"id":"freeze#1","runId":"r-1","stepId":"freeze","attackId":"process.signal",
 *  "context":"kind-dev","object":{"apiVersion":"v1","kind":"Pod","namespace":"shop",
 *  "name":"checkout-1","container":"app"},"action":"SIGSTOP /java/","reversible":true,
 *  "data":{"signal":"SIGSTOP"}}
 * }</pre>
 *
 * <p>Reading ignores unknown fields (a newer Faultline may add some) and fails on missing required
 * ones with an {@link IllegalArgumentException} naming the field.
 */
public final class FaultJson {
  /** The mapper this form is written with; also fine for the journal's other lines. */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private FaultJson() {}

  /** The fault as a JSON object. */
  public static ObjectNode toNode(Fault fault) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", fault.id());
    node.put("runId", fault.runId());
    node.put("stepId", fault.stepId());
    node.put("attackId", fault.attackId());
    node.put("context", fault.context());
    ObjectNode object = node.putObject("object");
    ObjectRef ref = fault.object();
    object.put("apiVersion", ref.apiVersion());
    object.put("kind", ref.kind());
    object.put("namespace", ref.namespace());
    object.put("name", ref.name());
    object.put("container", ref.container());
    node.put("action", fault.action());
    node.put("reversible", fault.reversible());
    ObjectNode data = node.putObject("data");
    new java.util.TreeMap<>(fault.data()).forEach(data::put);
    return node;
  }

  /** The fault as one line of compact JSON (what the {@link FaultAnnotations#FAULT} holds). */
  public static String write(Fault fault) {
    return MAPPER.writeValueAsString(toNode(fault));
  }

  /** Several faults as a JSON array, as an annotation on an object with several faults holds. */
  public static String writeAll(List<Fault> faults) {
    var array = MAPPER.createArrayNode();
    faults.forEach(f -> array.add(toNode(f)));
    return MAPPER.writeValueAsString(array);
  }

  /**
   * Reads a fault from its JSON text.
   *
   * @throws IllegalArgumentException when the text is not JSON or lacks a required field
   */
  public static Fault read(String json) {
    try {
      return fromNode(MAPPER.readTree(json));
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "not a Faultline fault (bad JSON): " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads the faults of an annotation value: one fault object, or an array of them (an object
   * changed by several faults of a run).
   *
   * @throws IllegalArgumentException when the text is not faults
   */
  public static List<Fault> readAll(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "not a Faultline fault (bad JSON): " + e.getOriginalMessage(), e);
    }
    List<Fault> faults = new ArrayList<>();
    if (node != null && node.isArray()) {
      for (JsonNode element : node) {
        faults.add(fromNode(element));
      }
    } else {
      faults.add(fromNode(node));
    }
    return faults;
  }

  /**
   * Reads a fault from a JSON object.
   *
   * @throws IllegalArgumentException when a required field is missing
   */
  public static Fault fromNode(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a Faultline fault: expected a JSON object");
    }
    JsonNode object = node.path("object");
    if (!object.isObject()) {
      throw new IllegalArgumentException("not a Faultline fault: 'object' is missing");
    }
    Map<String, String> data = new LinkedHashMap<>();
    node.path("data").properties().forEach(e -> data.put(e.getKey(), e.getValue().asString()));
    return new Fault(
        required(node, "id"),
        required(node, "runId"),
        required(node, "stepId"),
        required(node, "attackId"),
        text(node, "context"),
        new ObjectRef(
            text(object, "apiVersion"),
            required(object, "kind"),
            text(object, "namespace"),
            required(object, "name"),
            text(object, "container")),
        text(node, "action"),
        !node.has("reversible") || node.path("reversible").asBoolean(true),
        data);
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isString() || value.stringValue().isEmpty()) {
      throw new IllegalArgumentException("not a Faultline fault: '" + field + "' is missing");
    }
    return value.stringValue();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asString();
  }
}
