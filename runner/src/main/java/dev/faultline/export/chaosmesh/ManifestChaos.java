package dev.faultline.export.chaosmesh;

import dev.faultline.export.ConversionWarning;
import dev.faultline.format.DocMap;
import dev.faultline.format.DocNode;
import dev.faultline.format.Documents;
import dev.faultline.format.Syntax;
import dev.faultline.format.SyntaxException;
import dev.faultline.model.AttackStep;
import dev.faultline.model.NamespacePolicy;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code k8s.manifest} step whose manifest is one Chaos Mesh chaos object becomes that chaos as a
 * Workflow template: its spec embedded, its {@code duration} turned into the template's {@code
 * deadline} (the step's duration wins, the fault deadline stands in for neither), its namespace
 * kept in the selector, a numeric {@code value} written as the string the CRD wants. A spec Chaos
 * Mesh's admission would refuse is the user's, not ours: it is {@link Refused} with the broken
 * rule.
 */
final class ManifestChaos {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ManifestChaos() {}

  /** The chaos template, or empty when the manifest is something else. */
  static Optional<ObjectNode> template(
      AttackStep step,
      ObjectNode template,
      String at,
      String workflowNamespace,
      NamespacePolicy policy,
      Supplier<String> faultDeadline,
      List<ConversionWarning> warnings)
      throws Refused {
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
    if (deadline.isEmpty()) {
      // Without a deadline the template would never end and neither would its branch.
      deadline = faultDeadline.get();
    }
    valueAsString(spec);
    valueAsString(spec.path("target"));
    String namespace = object.path("metadata").path("namespace").asString("");
    JsonNode selector = spec.path("selector");
    if (selector.isObject() && selector.path("namespaces").isEmpty()) {
      // Without one, Chaos Mesh looks in the namespace the chaos lives in: the workflow's.
      ((ObjectNode) selector)
          .putArray("namespaces")
          .add(namespace.isEmpty() ? workflowNamespace : namespace);
    }
    for (JsonNode selected : selector.path("namespaces")) {
      if (!policy.permits(selected.asString(""))) {
        throw new Refused(
            "the manifest's chaos acts in namespace '"
                + selected.asString("")
                + "', which spec.safety.namespaces does not permit");
      }
    }
    template.put("templateType", kind);
    template.put("deadline", deadline);
    template.set(key, spec);
    admit(template);
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

  /** YAML reads {@code value: 50} as a number; the CRD declares a string. */
  private static void valueAsString(JsonNode selectorSpec) {
    if (selectorSpec instanceof ObjectNode object
        && object.path("value").isNumber()
        && object.path("value").canConvertToExactIntegral()) {
      object.put("value", object.path("value").asString());
    }
  }

  /** Checks the template alone as a one-template workflow, as the webhook would. */
  private static void admit(ObjectNode template) throws Refused {
    ObjectNode workflow = JSON.createObjectNode();
    ObjectNode spec = workflow.putObject("spec");
    spec.put("entry", template.path("name").asString());
    spec.putArray("templates").add(template);
    List<WorkflowAdmission.Violation> violations = WorkflowAdmission.check(workflow);
    if (!violations.isEmpty()) {
      throw new Refused(
          "the manifest breaks Chaos Mesh's admission rules: "
              + violations.stream()
                  .map(v -> v.toString().replaceFirst("^spec\\.templates\\[0\\]\\.?", ""))
                  .toList());
    }
  }
}
