package dev.faultline.export.chaosmesh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The rules Chaos Mesh's admission webhook applies to a {@code Workflow} beyond its CRD schema
 * ({@code api/v1alpha1/workflow_webhook.go} and {@code common_webhook.go}, as collected in
 * external-formats.md §4.1): the entry and every child exist, template names are unique DNS-1123
 * subdomains, Suspend has a deadline, each template type carries what belongs to it and nothing
 * else, chaos inside a workflow ends by {@code deadline} (never {@code duration}), {@code value}
 * fits its {@code mode}, NetworkChaos's direction rules and container-kill's container names.
 * Cycles among children are refused too: Chaos Mesh would never finish such a workflow.
 *
 * <p>The exporter checks its own output (a violation is a bug of ours), the importer refuses a
 * document the cluster would refuse, and tests check exports with it.
 */
public final class WorkflowAdmission {
  /** A broken rule: where ({@code spec.templates[2].deadline}) and which rule. */
  public record Violation(String path, String rule) {
    @Override
    public String toString() {
      return path + ": " + rule;
    }
  }

  /** Template types whose templates embed a chaos spec, with the key of that spec. */
  static final Map<String, String> CHAOS_KEYS = chaosKeys();

  private static final Set<String> COMPOSITE = Set.of("Serial", "Parallel");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern GO_DURATION = GoDurations.WHOLE;
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");

  private WorkflowAdmission() {}

  private static Map<String, String> chaosKeys() {
    var keys = new LinkedHashMap<String, String>();
    for (String kind :
        List.of(
            "PodChaos",
            "NetworkChaos",
            "StressChaos",
            "HTTPChaos",
            "IOChaos",
            "DNSChaos",
            "TimeChaos",
            "JVMChaos",
            "KernelChaos",
            "BlockChaos",
            "AWSChaos",
            "GCPChaos",
            "AzureChaos")) {
      String stem = kind.substring(0, kind.length() - "Chaos".length());
      keys.put(kind, stem.toLowerCase(java.util.Locale.ROOT) + "Chaos");
    }
    keys.put("PhysicalMachineChaos", "physicalmachineChaos");
    return Map.copyOf(keys);
  }

  /** Every rule {@code workflow} (a whole {@code Workflow} object) breaks; empty when admitted. */
  public static List<Violation> check(JsonNode workflow) {
    var violations = new ArrayList<Violation>();
    JsonNode spec = workflow.path("spec");
    JsonNode templates = spec.path("templates");
    if (!templates.isArray() || templates.isEmpty()) {
      violations.add(new Violation("spec.templates", "a workflow needs at least one template"));
      return violations;
    }
    var byName = new HashMap<String, JsonNode>();
    for (int i = 0; i < templates.size(); i++) {
      JsonNode template = templates.get(i);
      String at = "spec.templates[" + i + "]";
      String name = template.path("name").asString("");
      if (!DNS_SUBDOMAIN.matcher(name).matches() || name.length() > 253) {
        violations.add(
            new Violation(
                at + ".name",
                "template name '"
                    + name
                    + "' is not a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')"));
      }
      if (byName.putIfAbsent(name, template) != null) {
        violations.add(new Violation(at + ".name", "template name '" + name + "' is not unique"));
      }
      template(template, at, violations);
    }
    String entry = spec.path("entry").asString("");
    if (!byName.containsKey(entry)) {
      violations.add(new Violation("spec.entry", "entry '" + entry + "' does not name a template"));
    }
    for (int i = 0; i < templates.size(); i++) {
      JsonNode children = templates.get(i).path("children");
      for (int c = 0; c < children.size(); c++) {
        String child = children.get(c).asString("");
        if (!byName.containsKey(child)) {
          violations.add(
              new Violation(
                  "spec.templates[" + i + "].children[" + c + "]",
                  "child '" + child + "' does not name a template"));
        }
      }
    }
    if (violations.isEmpty()) {
      cycles(templates, byName, violations);
    }
    return violations;
  }

  private static void template(JsonNode template, String at, List<Violation> violations) {
    String type = template.path("templateType").asString("");
    if (template.has("deadline")
        && !GO_DURATION.matcher(template.path("deadline").asString("")).matches()) {
      violations.add(
          new Violation(at + ".deadline", "deadline must be a Go duration such as 30s or 1m30s"));
    }
    List<String> chaosCarried =
        CHAOS_KEYS.values().stream().filter(template::has).sorted().toList();
    if (COMPOSITE.contains(type)) {
      forbid(
          template,
          at,
          type,
          List.of("task", "conditionalBranches", "schedule", "statusCheck"),
          violations);
      chaosCarried.forEach(
          k -> violations.add(new Violation(at + "." + k, type + " must not carry chaos")));
    } else if (type.equals("Suspend")) {
      if (!template.has("deadline")) {
        violations.add(new Violation(at, "a Suspend template needs a deadline"));
      }
    } else if (type.equals("StatusCheck")) {
      forbid(template, at, type, List.of("children", "task", "schedule"), violations);
      chaosCarried.forEach(
          k -> violations.add(new Violation(at + "." + k, "StatusCheck must not carry chaos")));
      if (!template.path("statusCheck").isObject()) {
        violations.add(new Violation(at, "a StatusCheck template needs 'statusCheck'"));
      }
    } else if (CHAOS_KEYS.containsKey(type)) {
      forbid(
          template,
          at,
          type,
          List.of("children", "task", "conditionalBranches", "schedule"),
          violations);
      String key = CHAOS_KEYS.get(type);
      JsonNode chaos = template.path(key);
      if (!chaos.isObject()) {
        violations.add(new Violation(at, type + " needs its spec under '" + key + "'"));
        return;
      }
      if (chaos.has("duration")) {
        violations.add(
            new Violation(
                at + "." + key + ".duration",
                "chaos in a workflow ends by the template's deadline, not duration"));
      }
      chaosSpec(type, chaos, at + "." + key, violations);
    }
  }

  private static void forbid(
      JsonNode template, String at, String type, List<String> keys, List<Violation> violations) {
    for (String key : keys) {
      if (template.has(key)) {
        violations.add(new Violation(at + "." + key, type + " must not carry " + key));
      }
    }
  }

  /** The selector value rules, NetworkChaos's direction rules and container-kill's names. */
  private static void chaosSpec(String type, JsonNode spec, String at, List<Violation> violations) {
    modeValue(spec, at, violations);
    if (type.equals("PodChaos")
        && spec.path("action").asString("").equals("container-kill")
        && spec.path("containerNames").isEmpty()) {
      violations.add(new Violation(at + ".containerNames", "container-kill needs containerNames"));
    }
    if (type.equals("NetworkChaos")) {
      String direction = spec.path("direction").asString("to");
      boolean partition = spec.path("action").asString("").equals("partition");
      boolean external = !spec.path("externalTargets").isEmpty();
      if (!direction.equals("to") && !spec.has("target") && !(partition && external)) {
        violations.add(new Violation(at + ".target", "direction " + direction + " needs a target"));
      }
      if (!direction.equals("to") && external && !partition) {
        violations.add(
            new Violation(
                at + ".externalTargets",
                "externalTargets work with direction to only, except for partition"));
      }
      if (spec.has("target")) {
        modeValue(spec.path("target"), at + ".target", violations);
      }
    }
  }

  private static void modeValue(JsonNode selectorSpec, String at, List<Violation> violations) {
    String mode = selectorSpec.path("mode").asString("");
    JsonNode valueNode = selectorSpec.path("value");
    if (!valueNode.isMissingNode() && !valueNode.isNull() && !valueNode.isString()) {
      // asString would turn 50 into "50", but the CRD schema declares value a string.
      violations.add(
          new Violation(at + ".value", "value must be a string such as '50', not " + valueNode));
      return;
    }
    String value = valueNode.asString("");
    switch (mode) {
      case "fixed" -> {
        if (!INTEGER.matcher(value).matches() || Integer.parseInt(value) <= 0) {
          violations.add(
              new Violation(at + ".value", "mode fixed needs value, a whole number above 0"));
        }
      }
      case "fixed-percent", "random-max-percent" -> {
        if (!INTEGER.matcher(value).matches()
            || Integer.parseInt(value) <= 0
            || Integer.parseInt(value) > 100) {
          violations.add(
              new Violation(at + ".value", "mode " + mode + " needs value, a percentage 1..100"));
        }
      }
      case "one", "all" -> {}
      default ->
          violations.add(
              new Violation(
                  at + ".mode",
                  "mode '"
                      + mode
                      + "' is not one of one, all, fixed, fixed-percent, random-max-percent"));
    }
  }

  private static void cycles(
      JsonNode templates, Map<String, JsonNode> byName, List<Violation> violations) {
    var done = new HashSet<String>();
    for (int i = 0; i < templates.size(); i++) {
      String name = templates.get(i).path("name").asString("");
      if (!done.contains(name) && reachesItself(name, byName, new HashSet<>(), done)) {
        violations.add(
            new Violation(
                "spec.templates[" + i + "].children",
                "template '" + name + "' contains itself through its children"));
        return;
      }
    }
  }

  private static boolean reachesItself(
      String name, Map<String, JsonNode> byName, Set<String> path, Set<String> done) {
    if (path.contains(name)) {
      return true;
    }
    if (done.contains(name)) {
      return false;
    }
    path.add(name);
    for (JsonNode child : byName.get(name).path("children")) {
      if (reachesItself(child.asString(""), byName, path, done)) {
        return true;
      }
    }
    path.remove(name);
    done.add(name);
    return false;
  }
}
