package dev.faultline.export.chaostoolkit;

import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exporter;
import dev.faultline.export.LoopScheduleWarnings;
import dev.faultline.format.JsonText;
import dev.faultline.model.AttackStep;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.WaitStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an experiment as a Chaos Toolkit experiment (JSON) using chaostoolkit-kubernetes:
 *
 * <ul>
 *   <li>steady-state hypothesis: the probes that run once before any attack (checked before the
 *       method only) and the continuous probes (checked during the method);
 *   <li>method: the other steps in an order that respects {@code after}; waits become pauses,
 *       parallel branches background activities, a fault with a duration is undone in the method
 *       when its duration is over;
 *   <li>rollbacks: the undo of every lasting fault, in reverse order.
 * </ul>
 *
 * The kubeconfig context of each activity of a multi-cluster experiment is kept as {@link
 * ContextSecrets} says. Everything the format cannot say is a {@link
 * dev.faultline.export.ConversionWarning}. The mapping table is in docs/export.md.
 */
public final class ChaosToolkitExporter implements Exporter {
  @Override
  public ExportFormat format() {
    return ExportFormat.CHAOS_TOOLKIT;
  }

  @Override
  public ExportResult export(Experiment experiment, ExportOptions options) {
    var log = new ExportLog();
    var doc = new LinkedHashMap<String, Object>();
    doc.put("version", "1.0.0");
    doc.put("title", experiment.metadata().name());
    doc.put("description", description(experiment));
    if (!experiment.metadata().labels().isEmpty()) {
      doc.put(
          "tags",
          experiment.metadata().labels().entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .toList());
    }
    if (experiment.spec().safety() != null) {
      log.warn(
          "spec.safety",
          "Chaos Toolkit has no namespace policy or time limit; the safety block is not kept");
    }
    if (experiment.spec().context() != null) {
      log.warn(
          "spec.context",
          "the kubeconfig context is not kept: chaostoolkit-kubernetes uses the current context"
              + " (or KUBERNETES_CONTEXT)");
    }
    var order = new StepOrder(experiment.spec().steps());
    List<String> baseline = baselineProbes(experiment, order);
    var configuration = new LinkedHashMap<String, Object>();
    var method = new ArrayList<Map<String, Object>>();
    var rollbacks = new ArrayList<Map<String, Object>>();
    var contexts = new ContextSecrets(log);
    new MethodWriter(experiment, order, baseline, log, contexts)
        .write(method, rollbacks, configuration);
    List<Map<String, Object>> hypothesis = hypothesisProbes(experiment, baseline, log, contexts);
    if (!contexts.secrets().isEmpty()) {
      doc.put("secrets", contexts.secrets());
    }
    if (!configuration.isEmpty()) {
      doc.put("configuration", configuration);
    }
    if (!hypothesis.isEmpty()) {
      boolean continuous = !experiment.spec().probes().isEmpty();
      String strategy =
          !continuous
              ? "before-method-only"
              : baseline.isEmpty() ? "during-method-only" : "continuous";
      doc.put("runtime", Map.of("hypothesis", Map.of("strategy", strategy)));
      var ssh = new LinkedHashMap<String, Object>();
      ssh.put("title", experiment.metadata().name() + " is in its steady state");
      ssh.put("probes", hypothesis);
      doc.put("steady-state-hypothesis", ssh);
    }
    doc.put("method", method);
    if (!rollbacks.isEmpty()) {
      doc.put("rollbacks", rollbacks.reversed());
    }
    return new ExportResult(
        JsonText.write(doc),
        LoopScheduleWarnings.with(log.warnings(), experiment, "Chaos Toolkit"));
  }

  private static String description(Experiment experiment) {
    String given = experiment.metadata().description();
    return given != null && !given.isBlank()
        ? given
        : "Faultline experiment "
            + experiment.metadata().name()
            + " with "
            + experiment.spec().steps().size()
            + (experiment.spec().steps().size() == 1 ? " step" : " steps")
            + ", exported for the Chaos Toolkit.";
  }

  /**
   * The probe steps that run once before anything else happens: no {@code until}, and every step
   * before them is such a probe too. They describe the steady state, so they become the hypothesis.
   */
  static List<String> baselineProbes(Experiment experiment, StepOrder order) {
    var baseline = new ArrayList<String>();
    for (Step step : order.steps()) {
      if (step instanceof ProbeStep probe
          && probe.until() == null
          && baseline.containsAll(order.ancestors(step.id()))) {
        baseline.add(step.id());
      }
    }
    return baseline;
  }

  private static List<Map<String, Object>> hypothesisProbes(
      Experiment experiment, List<String> baseline, ExportLog log, ContextSecrets contexts) {
    var probes = new ArrayList<Map<String, Object>>();
    List<Step> steps = experiment.spec().steps();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof ProbeStep probe && baseline.contains(probe.id())) {
        String path = "spec.steps[" + i + "]";
        if (probe.retries() != null && probe.retries() > 0) {
          log.warn(
              path + ".retries",
              "chaoslib checks a hypothesis probe once; "
                  + probe.retries()
                  + " retries are not kept");
        }
        if (probe.initialDelay() != null) {
          log.warn(path + ".initialDelay", "a hypothesis probe cannot wait before it runs");
        }
        if (!experiment.spec().probes().isEmpty()) {
          log.warn(
              path,
              "with the continuous probes the whole hypothesis is checked before, during and"
                  + " after the method, so this probe that ran once before the attacks is too");
        }
        ProbeActivities.map(
                probe.id(),
                probe.probe(),
                target(experiment, probe.target()),
                probe.with(),
                path,
                log)
            .ifPresent(
                activity -> {
                  contexts.apply(activity, ClusterContexts.ofStep(experiment.spec(), probe), path);
                  probes.add(activity);
                });
      }
    }
    List<ContinuousProbe> continuous = experiment.spec().probes();
    for (int i = 0; i < continuous.size(); i++) {
      ContinuousProbe probe = continuous.get(i);
      String path = "spec.probes[" + i + "]";
      Optional<Map<String, Object>> mapped =
          ProbeActivities.map(
              probe.id(),
              probe.probe(),
              target(experiment, probe.target()),
              probe.with(),
              path,
              log);
      if (mapped.isEmpty()) {
        continue;
      }
      contexts.apply(mapped.get(), ClusterContexts.ofProbe(experiment.spec(), probe), path);
      probes.add(mapped.get());
      log.warn(
          path,
          "checked with the whole hypothesis every --hypothesis-frequency seconds of chaos run"
              + " (default 1), not every "
              + probe.effectiveInterval()
              + (probe.haltAfter() == null
                  ? "; a failure marks the run deviated instead of only being charted"
                  : "; haltAfter "
                      + probe.haltAfter()
                      + " becomes the first failure (with chaos run --fail-fast it stops the run)")
              + (probe.from() != null || probe.to() != null
                  ? "; it runs for the whole method, not from/to the given steps"
                  : "")
              + (probe.initialDelay() != null ? "; initialDelay is not kept" : ""));
    }
    return probes;
  }

  static dev.faultline.model.Target target(Experiment experiment, String name) {
    return name == null ? null : experiment.spec().targets().get(name);
  }

  /** Writes the method and the rollbacks. One per export. */
  private static final class MethodWriter {
    private final Experiment experiment;
    private final StepOrder order;
    private final List<String> baseline;
    private final ExportLog log;
    private final List<String> uncheckedProbes = new ArrayList<>();
    private final WaitPauses waits;
    private final ContextSecrets contexts;

    MethodWriter(
        Experiment experiment,
        StepOrder order,
        List<String> baseline,
        ExportLog log,
        ContextSecrets contexts) {
      this.experiment = experiment;
      this.order = order;
      this.baseline = baseline;
      this.log = log;
      this.contexts = contexts;
      this.waits = new WaitPauses(order);
    }

    void write(
        List<Map<String, Object>> method,
        List<Map<String, Object>> rollbacks,
        Map<String, Object> configuration) {
      List<Step> steps = order.steps().stream().filter(s -> !baseline.contains(s.id())).toList();
      var background = new ArrayList<String>();
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        String path = path(step);
        boolean concurrent =
            i + 1 < steps.size() && !order.ancestors(steps.get(i + 1).id()).contains(step.id());
        switch (step) {
          case WaitStep wait -> waits.waiting(wait, path);
          case GateStep gate ->
              log.warn(
                  path,
                  "the gate '"
                      + gate.gate()
                      + "' is left out: a Chaos Toolkit run does not stop for a person");
          case AttackStep attack -> {
            var mapped = AttackActions.map(attack, target(experiment, attack.target()), path, log);
            if (mapped.isEmpty()) {
              continue;
            }
            var action = mapped.get().action();
            var undo = mapped.get().undo();
            // The undo acts where the fault is: the rollback must not land in another cluster.
            String context = ClusterContexts.ofStep(experiment.spec(), attack);
            contexts.apply(action, context, path);
            if (undo != null) {
              contexts.apply(undo, context, path);
            }
            configuration.putAll(mapped.get().configuration());
            if (attack.stopWhen() != null) {
              log.warn(path + ".stopWhen", "the fault cannot end early on a probe's failures");
            }
            if (undo == null || attack.duration() == null) {
              add(method, step, action, concurrent, background, 0);
            } else {
              // The fault ends after its duration: undone in the method then. Next to a
              // parallel branch the undo waits in the background, so the branch goes on.
              double seconds = Seconds.of(attack.duration()).doubleValue();
              add(method, step, action, false, background, 0);
              var timedUndo = new LinkedHashMap<>(undo);
              if (concurrent) {
                pause(timedUndo, "before", seconds);
              } else {
                pause(action, "after", seconds);
              }
              add(method, step, timedUndo, concurrent, background, 0);
            }
            if (undo != null) {
              rollbacks.add(undo);
            }
          }
          case ProbeStep probe -> {
            Optional<Map<String, Object>> mapped =
                ProbeActivities.map(
                    probe.id(),
                    probe.probe(),
                    target(experiment, probe.target()),
                    probe.with(),
                    path,
                    log);
            if (mapped.isEmpty()) {
              continue;
            }
            contexts.apply(mapped.get(), ClusterContexts.ofStep(experiment.spec(), probe), path);
            double initialDelay =
                probe.initialDelay() == null ? 0 : Seconds.of(probe.initialDelay()).doubleValue();
            if (probe.until() != null) {
              log.warn(
                  path + ".until",
                  "runs once: chaoslib cannot repeat a probe until it is "
                      + probe.until().keyword()
                      + " within "
                      + probe.timeout());
            } else if (probe.retries() != null && probe.retries() > 0) {
              log.warn(path + ".retries", probe.retries() + " retries are not kept");
            }
            uncheckedProbes.add(probe.id());
            add(method, step, mapped.get(), concurrent, background, initialDelay);
          }
        }
      }
      waits.trailing(method, log);
      if (!uncheckedProbes.isEmpty()) {
        log.warn(
            "spec.steps",
            "chaoslib records the result of a probe in the method without checking its"
                + " tolerance, so these no longer fail the run: "
                + String.join(", ", uncheckedProbes));
      }
      if (!background.isEmpty()) {
        log.warn(
            "spec.steps",
            "parallel branches become background activities ("
                + String.join(", ", background)
                + "): chaoslib joins them only at the end of the method, so steps after a"
                + " join no longer wait for them");
      }
    }

    /**
     * Appends an activity of a step, paused before for the waits the step comes after (and its own
     * {@code extraPause}, a probe's initial delay).
     */
    private void add(
        List<Map<String, Object>> method,
        Step step,
        Map<String, Object> activity,
        boolean concurrent,
        List<String> background,
        double extraPause) {
      double before = waits.takeFor(step, !concurrent) + extraPause;
      if (before > 0) {
        pause(activity, "before", before);
      }
      if (concurrent) {
        activity.put("background", true);
        background.add(String.valueOf(activity.get("name")));
      }
      method.add(activity);
    }

    private String path(Step step) {
      return "spec.steps[" + experiment.spec().steps().indexOf(step) + "]";
    }

    static void pause(Map<String, Object> activity, String when, double seconds) {
      WaitPauses.pause(activity, when, seconds);
    }
  }
}
