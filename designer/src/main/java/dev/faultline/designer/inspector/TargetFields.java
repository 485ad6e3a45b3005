package dev.faultline.designer.inspector;

import dev.faultline.model.BlastRadius;
import dev.faultline.model.BlastRadius.Mode;
import dev.faultline.model.Experiment;
import dev.faultline.model.Keyword;
import dev.faultline.model.Target;
import dev.faultline.model.Topology;
import dev.faultline.model.edit.Edit;
import dev.faultline.model.edit.EditRefused;
import dev.faultline.model.edit.PutTarget;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The fields of the target editor for one named target: where to look, what to select and how much
 * of it to hit. Every edit is a {@link PutTarget} that merges per field while typing.
 */
final class TargetFields {

  private final String name;

  TargetFields(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  List<InspectorField> all() {
    return List.of(
        InspectorField.builder("namespaces", "namespaces", FieldEditor.COMMA_LIST)
            .prompt("shop, checkout")
            .help("Namespaces to look in, comma-separated.")
            .read(e -> target(e) == null ? null : emptyToNull(target(e).namespaces()))
            .write(put("namespaces", "namespaces", (t, v) -> TargetCopy.withNamespaces(t, list(v))))
            .path(e -> ProblemPaths.targetField(name, "namespaces"))
            .build(),
        InspectorField.builder("labelSelector", "label selector", FieldEditor.MONOSPACE)
            .prompt("app=checkout,tier in (web,api)")
            .help("Kubernetes label selector; empty selects every pod.")
            .read(e -> target(e) == null ? null : target(e).labelSelector())
            .write(
                put(
                    "label selector",
                    "labelSelector",
                    (t, v) -> TargetCopy.withLabelSelector(t, string(v))))
            .path(e -> ProblemPaths.targetField(name, "labelSelector"))
            .build(),
        InspectorField.builder("podName", "pod name", FieldEditor.MONOSPACE)
            .prompt("any name")
            .help("Regex the whole pod name must match.")
            .read(e -> target(e) == null ? null : target(e).podName())
            .write(put("pod name", "podName", (t, v) -> TargetCopy.withPodName(t, string(v))))
            .path(e -> ProblemPaths.targetField(name, "podName"))
            .build(),
        InspectorField.builder("containers", "containers", FieldEditor.COMMA_LIST)
            .prompt("all containers")
            .help("Regexes, comma-separated; a container is hit when its name matches any.")
            .read(e -> target(e) == null ? null : emptyToNull(target(e).containers()))
            .write(put("containers", "containers", (t, v) -> TargetCopy.withContainers(t, list(v))))
            .path(e -> ProblemPaths.targetField(name, "containers"))
            .build(),
        InspectorField.builder("blastRadius.mode", "blast radius", FieldEditor.CHOICE)
            .choices(Keyword.words(Mode.class))
            .help("How many of the matching pods are hit.")
            .read(e -> target(e) == null ? null : target(e).effectiveBlastRadius().mode().keyword())
            .write(put("blast radius", "blastRadius.mode", (t, v) -> withMode(t, string(v))))
            .path(e -> ProblemPaths.targetField(name, "blastRadius.mode"))
            .build(),
        InspectorField.builder("blastRadius.value", "value", FieldEditor.SPINNER)
            .range(1.0, null)
            .enabledWhen(
                e -> target(e) != null && target(e).effectiveBlastRadius().mode().takesValue())
            .read(e -> blastValue(e))
            .write(put("blast radius", "blastRadius.value", TargetFields::withValue))
            .path(e -> ProblemPaths.targetField(name, "blastRadius.value"))
            .build(),
        InspectorField.builder("blastRadius.topology.zones", "zones", FieldEditor.TEXT)
            .prompt("any node")
            .help(
                "Hit pods only in some zones: a number of zones (2), or one zone's name"
                    + " (eu-west-1a). Empty: pods on any node.")
            .read(e -> target(e) == null ? null : TopologyFields.zonesText(target(e)))
            .write(
                put(
                    "zones",
                    "blastRadius.topology.zones",
                    (t, v) -> TopologyFields.withZones(t, string(v))))
            .path(e -> ProblemPaths.targetField(name, "blastRadius.topology.zones"))
            .build(),
        InspectorField.builder(
                "blastRadius.topology.nodesPerZone", "nodes per zone", FieldEditor.TEXT)
            .prompt("all")
            .help("How many nodes of each chosen zone: a number (1: lose one node), or all.")
            .read(e -> target(e) == null ? null : TopologyFields.nodesText(target(e)))
            .write(
                put(
                    "nodes per zone",
                    "blastRadius.topology.nodesPerZone",
                    (t, v) -> TopologyFields.withNodes(t, string(v))))
            .path(e -> ProblemPaths.targetField(name, "blastRadius.topology.nodesPerZone"))
            .build(),
        InspectorField.builder("blastRadius.topology.key", "zone label", FieldEditor.MONOSPACE)
            .prompt(Topology.ZONE_KEY)
            .help("The node label that names a node's zone (region, rack, hostname...).")
            .enabledWhen(
                e ->
                    target(e) != null
                        && target(e).blastRadius() != null
                        && target(e).blastRadius().topology() != null)
            .read(e -> target(e) == null ? null : TopologyFields.keyText(target(e)))
            .write(
                put(
                    "zone label",
                    "blastRadius.topology.key",
                    (t, v) -> TopologyFields.withKey(t, string(v))))
            .path(e -> ProblemPaths.targetField(name, "blastRadius.topology.key"))
            .build());
  }

  /**
   * A new mode keeps the value when it still fits, else gets a sensible one, so picking "percent"
   * gives a valid target at once. {@code all} is the default and leaves the file.
   */
  static Target withMode(Target t, String word) {
    Mode mode = word == null ? Mode.ALL : Keyword.parse(Mode.class, word).orElse(Mode.ALL);
    BlastRadius old = t.blastRadius();
    if (mode == Mode.ALL
        && (old == null
            || old.seed() == null && old.extras().isEmpty() && old.topology() == null)) {
      return TargetCopy.withBlastRadius(t, null);
    }
    Integer value = null;
    if (mode.takesValue()) {
      Integer previous = old == null ? null : old.value();
      boolean fits = previous != null && previous >= mode.min() && previous <= mode.max();
      value = fits ? previous : mode == Mode.COUNT ? 1 : 50;
    }
    return TargetCopy.withBlastRadius(
        t,
        new BlastRadius(
            mode,
            value,
            old == null ? null : old.seed(),
            old == null ? null : old.extras(),
            old == null ? null : old.topology()));
  }

  private static Target withValue(Target t, Object value) {
    BlastRadius old = t.effectiveBlastRadius();
    Integer v =
        value == null ? null : (int) Math.min(Integer.MAX_VALUE, ((Number) value).longValue());
    return TargetCopy.withBlastRadius(
        t, new BlastRadius(old.mode(), v, old.seed(), old.extras(), old.topology()));
  }

  private Object blastValue(Experiment e) {
    Target t = target(e);
    if (t == null || t.blastRadius() == null || t.blastRadius().value() == null) {
      return null;
    }
    return t.blastRadius().value().longValue();
  }

  Target target(Experiment experiment) {
    return experiment.spec().targets().get(name);
  }

  private BiFunction<Experiment, Object, Edit> put(
      String label, String field, BiFunction<Target, Object, Target> change) {
    return (e, value) -> {
      Target t = target(e);
      if (t == null) {
        throw new EditRefused("The target \u201c" + name + "\u201d no longer exists.");
      }
      return new PutTarget(
          name, change.apply(t, value), "Edit " + label, "target/" + name + "/" + field);
    };
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }

  private static List<String> emptyToNull(List<String> list) {
    return list.isEmpty() ? null : list;
  }
}
