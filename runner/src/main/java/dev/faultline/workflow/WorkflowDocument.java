package dev.faultline.workflow;

import dev.faultline.export.ConversionWarning;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Chaos Mesh Workflow to run, as a JSON tree: read from YAML (a corpus file, the Chaos Mesh
 * exporter's output) and checked for what a run needs (kind, name, entry, templates).
 *
 * @param body the whole object, with {@code metadata.namespace} set
 * @param exportWarnings what the Chaos Mesh export of an experiment could not express (empty for a
 *     Workflow read as written); shown before and while it runs, never dropped
 */
public record WorkflowDocument(ObjectNode body, List<ConversionWarning> exportWarnings) {
  public static final String API_VERSION = "chaos-mesh.org/v1alpha1";
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  public WorkflowDocument {
    Objects.requireNonNull(body, "body");
    exportWarnings = exportWarnings == null ? List.of() : List.copyOf(exportWarnings);
  }

  /** A Workflow read as written. */
  public WorkflowDocument(ObjectNode body) {
    this(body, List.of());
  }

  /** The same Workflow, remembering what its export could not express. */
  public WorkflowDocument withExportWarnings(List<ConversionWarning> warnings) {
    return new WorkflowDocument(body, warnings);
  }

  public String name() {
    return body.path("metadata").path("name").asString();
  }

  public String namespace() {
    return body.path("metadata").path("namespace").asString();
  }

  /**
   * Reads one Workflow from YAML (or JSON) text.
   *
   * @param source names the text in messages (a file name)
   * @param namespace used when the document names none
   * @throws WorkflowException naming the source, line and column of a syntax error, or the field
   *     that is missing or wrong
   */
  public static WorkflowDocument parse(String text, String source, String namespace)
      throws WorkflowException {
    var settings =
        LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false).build();
    Object value;
    try {
      value = new Load(settings).loadFromString(text == null ? "" : text);
    } catch (MarkedYamlEngineException e) {
      String where =
          e.getProblemMark()
              .map(m -> source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
              .orElse(source);
      throw new WorkflowException(where + ": " + e.getProblem(), e);
    } catch (YamlEngineException e) {
      throw new WorkflowException(source + ": " + e.getMessage(), e);
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new WorkflowException(source + ": expected a Chaos Mesh Workflow object (a mapping)");
    }
    return of((ObjectNode) JSON.valueToTree(value), source, namespace);
  }

  /** Checks a Workflow tree (e.g. an exporter's output) and fills in the namespace. */
  public static WorkflowDocument of(JsonNode tree, String source, String namespace)
      throws WorkflowException {
    if (!(tree instanceof ObjectNode object)) {
      throw new WorkflowException(source + ": expected a Chaos Mesh Workflow object");
    }
    ObjectNode body = object.deepCopy();
    String kind = body.path("kind").asString("");
    if (!kind.equals("Workflow") || !body.path("apiVersion").asString("").equals(API_VERSION)) {
      throw new WorkflowException(
          source
              + ": kind/apiVersion is '"
              + kind
              + "'/'"
              + body.path("apiVersion").asString("")
              + "', expected Workflow/"
              + API_VERSION);
    }
    String name = body.path("metadata").path("name").asString("");
    if (!DNS_NAME.matcher(name).matches() || name.length() > 63) {
      throw new WorkflowException(
          source + ": metadata.name '" + name + "' is not a DNS-1123 label (a-z, 0-9, '-')");
    }
    JsonNode spec = body.path("spec");
    String entry = spec.path("entry").asString("");
    if (entry.isEmpty()) {
      throw new WorkflowException(source + ": spec.entry is missing");
    }
    if (!spec.path("templates").isArray() || spec.path("templates").isEmpty()) {
      throw new WorkflowException(source + ": spec.templates is missing or empty");
    }
    boolean found = false;
    int index = 0;
    for (JsonNode template : spec.path("templates")) {
      if (template.path("name").asString("").isEmpty()
          || template.path("templateType").asString("").isEmpty()) {
        throw new WorkflowException(
            source + ": spec.templates[" + index + "] needs a name and a templateType");
      }
      found |= template.path("name").asString().equals(entry);
      index++;
    }
    if (!found) {
      throw new WorkflowException(
          source + ": spec.entry '" + entry + "' names no template in spec.templates");
    }
    ObjectNode metadata = body.withObjectProperty("metadata");
    if (metadata.path("namespace").asString("").isEmpty()) {
      metadata.put("namespace", namespace == null || namespace.isEmpty() ? "default" : namespace);
    }
    for (String serverOwned : new String[] {"uid", "resourceVersion", "creationTimestamp"}) {
      metadata.remove(serverOwned);
    }
    body.remove("status");
    return new WorkflowDocument(body);
  }
}
