package dev.faultline.designer.inspector;

import dev.faultline.model.Experiment;
import dev.faultline.model.Metadata;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Safety;
import dev.faultline.model.Spec;
import dev.faultline.model.edit.Edit;
import dev.faultline.model.edit.ReplaceExperiment;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The fields of the experiment form, shown when no step is selected. */
final class ExperimentFields {
  private ExperimentFields() {}

  static List<InspectorField> about() {
    return List.of(
        field(
                "metadata.name",
                "name",
                FieldEditor.TEXT,
                e -> e.metadata().name(),
                ExperimentFields::withName)
            .required(true)
            .build(),
        field(
                "metadata.description",
                "description",
                FieldEditor.PROSE,
                e -> e.metadata().description(),
                (e, v) ->
                    withMetadata(
                        e,
                        new Metadata(
                            e.metadata().name(),
                            string(v),
                            e.metadata().labels(),
                            e.metadata().extras())))
            .prompt("What the experiment shows, for the report")
            .build(),
        field(
                "metadata.labels",
                "labels",
                FieldEditor.MAP,
                e -> e.metadata().labels().isEmpty() ? null : e.metadata().labels(),
                (e, v) ->
                    withMetadata(
                        e,
                        new Metadata(
                            e.metadata().name(),
                            e.metadata().description(),
                            map(v),
                            e.metadata().extras())))
            .prompt("team: payments")
            .help("One \u201ckey: value\u201d per line.")
            .build(),
        field(
                "spec.context",
                "context",
                FieldEditor.MONOSPACE,
                e -> e.spec().context(),
                ExperimentFields::withContext)
            .prompt("the context picked when running")
            .help("The kubeconfig context the experiment runs against.")
            .build());
  }

  static List<InspectorField> safety() {
    return List.of(
        field(
                "spec.safety.namespaces.allow",
                "allowed namespaces",
                FieldEditor.COMMA_LIST,
                e -> nullIfEmpty(policy(e).allow()),
                (e, v) ->
                    withPolicy(
                        e, new NamespacePolicy(list(v), policy(e).deny(), policy(e).extras())))
            .prompt("every namespace not denied")
            .build(),
        field(
                "spec.safety.namespaces.deny",
                "denied namespaces",
                FieldEditor.COMMA_LIST,
                e -> policy(e).deny(),
                (e, v) ->
                    withPolicy(
                        e,
                        new NamespacePolicy(
                            policy(e).allow(), v == null ? null : list(v), policy(e).extras())))
            .prompt("default: " + String.join(", ", NamespacePolicy.DEFAULT_DENY))
            .help("Never touched, whatever a target selects.")
            .build(),
        field(
                "spec.safety.maxDuration",
                "max duration",
                FieldEditor.DURATION,
                e -> StepCopy.text(e.spec().effectiveSafety().maxDuration()),
                (e, v) -> {
                  Safety s = e.spec().effectiveSafety();
                  return withSafety(e, new Safety(s.namespaces(), StepCopy.span(v), s.extras()));
                })
            .prompt("no limit")
            .help("The run is stopped and rolled back when it lasts longer.")
            .build());
  }

  static InspectorField.Builder field(
      String path,
      String label,
      FieldEditor editor,
      Function<Experiment, Object> read,
      BiFunction<Experiment, Object, Experiment> change) {
    BiFunction<Experiment, Object, Edit> write =
        (e, v) -> new ReplaceExperiment(change.apply(e, v), "Edit " + label, "experiment/" + path);
    return InspectorField.builder(path, label, editor).read(read).write(write).path(e -> path);
  }

  private static Experiment withName(Experiment e, Object v) {
    Metadata m = e.metadata();
    return withMetadata(e, new Metadata(string(v), m.description(), m.labels(), m.extras()));
  }

  private static Experiment withMetadata(Experiment e, Metadata metadata) {
    return new Experiment(metadata, e.spec(), e.layout(), e.extras());
  }

  private static Experiment withContext(Experiment e, Object v) {
    Spec s = e.spec();
    return e.withSpec(
        new Spec(
            s.safety(),
            string(v),
            s.targets(),
            s.steps(),
            s.probes(),
            s.extras(),
            s.loop(),
            s.schedule(),
            s.notifications()));
  }

  private static NamespacePolicy policy(Experiment e) {
    return e.spec().effectiveSafety().effectiveNamespaces();
  }

  private static Experiment withPolicy(Experiment e, NamespacePolicy policy) {
    Safety s = e.spec().effectiveSafety();
    boolean isDefault =
        policy.allow().isEmpty() && policy.deny() == null && policy.extras().isEmpty();
    return withSafety(e, new Safety(isDefault ? null : policy, s.maxDuration(), s.extras()));
  }

  /** Safety left at its defaults leaves the file instead of writing an empty block. */
  private static Experiment withSafety(Experiment e, Safety safety) {
    Spec s = e.spec();
    boolean isDefault =
        safety.namespaces() == null && safety.maxDuration() == null && safety.extras().isEmpty();
    return e.withSpec(
        new Spec(
            isDefault ? null : safety,
            s.context(),
            s.targets(),
            s.steps(),
            s.probes(),
            s.extras(),
            s.loop(),
            s.schedule(),
            s.notifications()));
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> map(Object value) {
    return value == null ? Map.of() : (Map<String, String>) value;
  }

  private static List<String> nullIfEmpty(List<String> list) {
    return list.isEmpty() ? null : list;
  }
}
