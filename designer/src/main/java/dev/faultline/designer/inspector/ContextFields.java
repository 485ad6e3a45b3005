package dev.faultline.designer.inspector;

import dev.faultline.model.ClusterContexts;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Spec;
import dev.faultline.model.Target;
import dev.faultline.model.edit.EditRefused;
import dev.faultline.model.edit.PutTarget;
import dev.faultline.model.edit.ReplaceExperiment;
import dev.faultline.validate.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code context} fields of a multi-cluster experiment: which kubeconfig context's cluster a
 * target lives in, or a probe reads. Empty means the run's context. The suggestions are the
 * kubeconfig's context names (which the app supplies off the FX thread) and any the experiment
 * already names, so a context used elsewhere in the file is one pick away.
 */
final class ContextFields {
  static final String RUN_CONTEXT = "the run's context";

  private final Supplier<List<String>> kubeContexts;

  /**
   * @param kubeContexts the kubeconfig's context names now; read on every refresh
   */
  ContextFields(Supplier<List<String>> kubeContexts) {
    this.kubeContexts = kubeContexts;
  }

  /** A target's context: {@code spec.targets.<name>.context}. */
  InspectorField target(String name) {
    return builder()
        .help(
            "The kubeconfig context of the cluster this target lives in. Empty: the run's"
                + " context. Attacks on the target act there.")
        .prompt(RUN_CONTEXT)
        .read(e -> target(e, name) == null ? null : target(e, name).context())
        .write(
            (e, value) -> {
              Target t = target(e, name);
              if (t == null) {
                throw new EditRefused("The target \u201c" + name + "\u201d no longer exists.");
              }
              return new PutTarget(
                  name,
                  t.withContext(string(value)),
                  "Edit context",
                  "target/" + name + "/context");
            })
        .path(e -> ProblemPaths.targetField(name, "context"))
        .build();
  }

  /** A probe step's context; its prompt names its target's, which it reads by default. */
  InspectorField probeStep(StepFields fields) {
    return builder()
        .help(
            "The kubeconfig context of the cluster this probe reads. Empty: its target's, else"
                + " the run's.")
        .prompt(e -> fields.step(e) instanceof ProbeStep p ? follows(e.spec(), p.target()) : "")
        .read(e -> fields.step(e) instanceof ProbeStep p ? p.context() : null)
        .write(
            fields.replacing(
                "context",
                ProbeStep.class,
                (p, value) -> p.toBuilder().context(string(value)).build()))
        .path(e -> ProblemPaths.stepField(e, fields.id(), "context"))
        .build();
  }

  /** A continuous probe's context: {@code spec.probes[i].context}. */
  InspectorField continuousProbe(String id) {
    return InspectorField.builder("probes." + id + ".context", id, FieldEditor.SUGGEST)
        .choices(this::suggestions)
        .help(
            "The kubeconfig context of the cluster the continuous probe \u201c"
                + id
                + "\u201d reads. Empty: its target's, else the run's.")
        .prompt(e -> probe(e, id) == null ? "" : follows(e.spec(), probe(e, id).target()))
        .read(e -> probe(e, id) == null ? null : probe(e, id).context())
        .write((e, value) -> withProbeContext(e, id, string(value)))
        .path(e -> probePath(e, id))
        .build();
  }

  private InspectorField.Builder builder() {
    return InspectorField.builder("context", "context", FieldEditor.SUGGEST)
        .choices(this::suggestions);
  }

  /** The kubeconfig's contexts, then those the file names that the kubeconfig lacks. */
  private List<String> suggestions(Experiment experiment) {
    var names = new LinkedHashSet<String>(kubeContexts.get());
    names.addAll(ClusterContexts.named(experiment.spec()));
    if (experiment.spec().context() != null) {
      names.add(experiment.spec().context());
    }
    return new ArrayList<>(names);
  }

  /** What an empty probe context means: its target's context, or the run's. */
  static String follows(Spec spec, String targetName) {
    if (targetName == null || !spec.targets().containsKey(targetName)) {
      return RUN_CONTEXT;
    }
    String context = ClusterContexts.ofTarget(spec, targetName);
    return context == null
        ? RUN_CONTEXT + " (as target " + targetName + ")"
        : context + " (target " + targetName + "'s)";
  }

  private static ReplaceExperiment withProbeContext(Experiment e, String id, String context) {
    ContinuousProbe old = probe(e, id);
    if (old == null) {
      throw new EditRefused("The probe \u201c" + id + "\u201d no longer exists.");
    }
    List<ContinuousProbe> probes =
        e.spec().probes().stream()
            .map(p -> p.id().equals(id) ? p.toBuilder().context(context).build() : p)
            .toList();
    Spec s = e.spec();
    Spec spec =
        new Spec(
            s.safety(),
            s.context(),
            s.targets(),
            s.steps(),
            probes,
            s.extras(),
            s.loop(),
            s.schedule(),
            s.notifications());
    return new ReplaceExperiment(e.withSpec(spec), "Edit context", "probe/" + id + "/context");
  }

  private static Target target(Experiment e, String name) {
    return e.spec().targets().get(name);
  }

  private static ContinuousProbe probe(Experiment e, String id) {
    return e.spec().probes().stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
  }

  private static String probePath(Experiment e, String id) {
    List<ContinuousProbe> probes = e.spec().probes();
    for (int i = 0; i < probes.size(); i++) {
      if (probes.get(i).id().equals(id)) {
        return Paths.child(Paths.index("spec.probes", i), "context");
      }
    }
    return null;
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }
}
