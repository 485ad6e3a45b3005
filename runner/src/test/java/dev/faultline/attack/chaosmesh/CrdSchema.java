package dev.faultline.attack.chaosmesh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks objects against the {@code openAPIV3Schema} of the real Chaos Mesh CRDs (test resource
 * {@code chaos-mesh/crds.yaml}), for the subset of OpenAPI v3 those schemas use: {@code type},
 * {@code required}, {@code enum}, {@code properties}, {@code additionalProperties}, {@code items},
 * {@code pattern}, {@code minimum}/{@code maximum} and the {@code int32}/{@code byte} formats. The
 * Workflow CRD ({@code chaos-mesh/workflow-crd.yaml}) is loaded too, for the exporter's tests. A
 * property the schema does not know is a problem too: the API server would silently prune it, so
 * the fault would not be what Faultline meant.
 */
public final class CrdSchema {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Map<String, JsonNode> schemas;

  private CrdSchema(Map<String, JsonNode> schemas) {
    this.schemas = schemas;
  }

  public static CrdSchema load() {
    var schemas = new HashMap<String, JsonNode>();
    for (String resource :
        List.of(
            "/chaos-mesh/crds.yaml",
            "/chaos-mesh/workflow-crd.yaml",
            "/chaos-mesh/schedule-crd.yaml")) {
      try (InputStream in = CrdSchema.class.getResourceAsStream(resource)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
          if (document == null) {
            continue; // the comment before the first ---
          }
          JsonNode crd = JSON.valueToTree(document);
          schemas.put(
              crd.path("spec").path("names").path("kind").asString(),
              crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema"));
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return new CrdSchema(schemas);
  }

  /**
   * The problems of an object of one of the six kinds or a Workflow, each with its path; empty when
   * valid.
   */
  public List<String> problems(JsonNode object) {
    JsonNode schema = schemas.get(object.path("kind").asString());
    if (schema == null) {
      return List.of("no CRD for kind " + object.path("kind"));
    }
    var problems = new ArrayList<String>();
    check(schema, object, "", problems);
    return problems;
  }

  private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
    String type = schema.path("type").asString("");
    if (!type.isEmpty() && !hasType(value, type)) {
      problems.add(path + ": expected " + type + ", got " + value);
      return;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : schema.get("enum")) {
        listed |= allowed.equals(value);
      }
      if (!listed) {
        problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
    if (schema.has("pattern")
        && value.isString()
        && !Pattern.compile(schema.get("pattern").asString()).matcher(value.asString()).find()) {
      problems.add(path + ": '" + value.asString() + "' does not match " + schema.get("pattern"));
    }
    if (value.isNumber()) {
      if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
        problems.add(path + ": " + value + " < minimum " + schema.get("minimum"));
      }
      if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
        problems.add(path + ": " + value + " > maximum " + schema.get("maximum"));
      }
      if ("int32".equals(schema.path("format").asString(""))
          && (value.asLong() > Integer.MAX_VALUE || value.asLong() < Integer.MIN_VALUE)) {
        problems.add(path + ": " + value + " is not an int32");
      }
    }
    if ("byte".equals(schema.path("format").asString("")) && value.isString()) {
      try {
        Base64.getDecoder().decode(value.asString());
      } catch (IllegalArgumentException e) {
        problems.add(path + ": not base64 (format byte): " + value);
      }
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asString())) {
          problems.add(path + ": missing required '" + required.asString() + "'");
        }
      }
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      boolean open =
          schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
              || (!properties.isObject() && !additional.isObject());
      for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String at = path + "." + field.getKey();
        if (properties.has(field.getKey())) {
          check(properties.get(field.getKey()), field.getValue(), at, problems);
        } else if (additional.isObject()) {
          check(additional, field.getValue(), at, problems);
        } else if (!open) {
          problems.add(at + ": not in the schema (the API server would drop it)");
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
      }
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isString();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
  }
}
