package dev.faultline.export.chaosmesh;

import dev.faultline.export.ConversionWarning;
import dev.faultline.format.DocMap;
import dev.faultline.format.DocNode;
import dev.faultline.format.Documents;
import dev.faultline.format.Syntax;
import dev.faultline.format.SyntaxException;
import dev.faultline.model.AttackStep;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code k8s.manifest} step whose manifest is one Chaos Mesh chaos object becomes that chaos as a
 * Workflow template: its spec embedded, its {@code duration} turned into the template's {@code
 * deadline} (the step's duration wins), its namespace kept in the selector.
 */
final class ManifestChaos {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ManifestChaos() {}

  /** The chaos template, or empty when the manifest is something else. */
  static Optional<ObjectNode> template(
      AttackStep step, ObjectNode template, String at, List<ConversionWarning> warnings) {
    Object text = step.with().get("manifest").orElse(null);
    if (!(text instanceof String manifest)) {
      return Optional.empty();
    }
    DocNode root;
    try {
      root = Documents.parse(manifest, Syntax.YAML, step.id());
    } catch (SyntaxException e) {
      return Optional.empty();
    }
    if (!(root instanceof DocMap)) {
      return Optional.empty();
    }
    JsonNode object = JSON.valueToTree(root.toPlain());
    String kind = object.path("kind").asString("");
    String key = WorkflowAdmission.CHAOS_KEYS.get(kind);
    if (key == null
        || !object.path("apiVersion").asString("").startsWith("chaos-mesh.org/")
        || !object.path("spec").isObject()) {
      return Optional.empty();
    }
    ObjectNode spec = ((ObjectNode) object.path("spec")).deepCopy();
    String deadline =
        step.duration() != null ? step.duration().text() : spec.path("duration").asString("");
    spec.remove("duration");
    String namespace = object.path("metadata").path("namespace").asString("");
    JsonNode selector = spec.path("selector");
    if (!namespace.isEmpty() && selector.isObject() && selector.path("namespaces").isEmpty()) {
      ((ArrayNode) ((ObjectNode) selector).putArray("namespaces")).add(namespace);
    }
    template.put("templateType", kind);
    if (!deadline.isEmpty()) {
      template.put("deadline", deadline);
    }
    template.set(key, spec);
    warnings.add(
        ConversionWarning.at(
            at + ".with.manifest",
            step.id()
                + ": the manifest's "
                + kind
                + " becomes the template itself, without its metadata; an import reads it back as"
                + " a Chaos Mesh attack, not as a manifest"));
    return Optional.of(template);
  }
}
