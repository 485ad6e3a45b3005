package dev.faultline.report;

import dev.faultline.engine.RunEvent;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The kubeconfig contexts a run used, as its reports and summaries name them: the run's own first,
 * then those the experiment names, then any its events show (targets resolved and faults made in
 * another context), without duplicates or blanks. One entry for a single-cluster run.
 */
public final class RunContexts {
  private RunContexts() {}

  /**
   * @param experiment the experiment run, or {@code null} when only the events are known
   */
  public static List<String> of(List<RunEvent> events, Experiment experiment) {
    var names = new LinkedHashSet<String>();
    String run = "";
    for (RunEvent event : events) {
      if (event instanceof RunEvent.RunStarted started && started.context() != null) {
        run = started.context();
        break;
      }
    }
    add(names, run);
    if (experiment != null) {
      ClusterContexts.named(experiment.spec()).forEach(c -> add(names, c));
    }
    for (RunEvent event : events) {
      switch (event) {
        case RunEvent.TargetsResolved t -> add(names, t.context());
        case RunEvent.FaultApplied f -> add(names, f.fault().context());
        case RunEvent.FaultPlanned f -> add(names, f.fault().context());
        default -> {}
      }
    }
    return List.copyOf(names);
  }

  /** {@code context}, or the run's when it is blank (events of older runs name none). */
  static String orRun(String context, String runContext) {
    return context == null || context.isEmpty() ? runContext : context;
  }

  private static void add(LinkedHashSet<String> names, String context) {
    if (context != null && !context.isBlank()) {
      names.add(context);
    }
  }
}
