package dev.faultline.chaos;

import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunResult;
import dev.faultline.engine.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end of a run started from Java: the verdict, how each step ended and what happened to the
 * faults, with every {@link RunEvent} for anything more.
 *
 * @param experiment the experiment's name
 * @param context the kubeconfig context it ran against
 * @param steps every step of the experiment, in the order the run listed them
 * @param faultsApplied faults that were put in place
 * @param faultsRolledBack faults that were rolled back
 */
public record ChaosResult(
    String experiment,
    String context,
    RunResult run,
    List<StepResult> steps,
    int faultsApplied,
    int faultsRolledBack) {

  public ChaosResult {
    steps = List.copyOf(steps);
  }

  /** Summarises a finished run's events. */
  public static ChaosResult of(String experiment, String context, RunResult run) {
    Map<String, StepResult> steps = new LinkedHashMap<>();
    int applied = 0;
    int rolledBack = 0;
    for (RunEvent event : run.events()) {
      switch (event) {
        case RunEvent.RunStarted started ->
            started
                .stepIds()
                .forEach(
                    id -> steps.put(id, new StepResult(id, StepResult.Status.NOT_REACHED, "")));
        case RunEvent.StepSucceeded done ->
            steps.put(
                done.stepId(),
                new StepResult(done.stepId(), StepResult.Status.SUCCEEDED, done.message()));
        case RunEvent.StepFailed failed ->
            steps.put(
                failed.stepId(),
                new StepResult(failed.stepId(), StepResult.Status.FAILED, failed.message()));
        case RunEvent.StepSkipped skipped ->
            steps.put(
                skipped.stepId(),
                new StepResult(skipped.stepId(), StepResult.Status.SKIPPED, skipped.reason()));
        case RunEvent.FaultApplied ignored -> applied++;
        case RunEvent.FaultRolledBack ignored -> rolledBack++;
        default -> {}
      }
    }
    return new ChaosResult(
        experiment, context, run, List.copyOf(steps.values()), applied, rolledBack);
  }

  /** How the run ended. */
  public Verdict verdict() {
    return run.verdict();
  }

  /** Whether the hypothesis held: every step succeeded and nothing halted the run. */
  public boolean passed() {
    return run.verdict() == Verdict.PASSED;
  }

  /** Faults that could not be rolled back and wait in the journal for {@code faultline cleanup}. */
  public int faultsLeftOpen() {
    return run.faultsLeftOpen();
  }

  /** The steps that failed. */
  public List<StepResult> failedSteps() {
    return steps.stream().filter(s -> s.status() == StepResult.Status.FAILED).toList();
  }

  /**
   * A report for a test failure: the verdict and why, each step that did not succeed, and faults
   * left open.
   */
  public String summary() {
    var text =
        new StringBuilder("experiment '")
            .append(experiment)
            .append("' on ")
            .append(context)
            .append(": ")
            .append(run.verdict().word());
    if (run.reason() != null && !run.reason().isBlank()) {
      text.append(" (").append(run.reason()).append(')');
    }
    for (StepResult step : steps) {
      if (step.status() != StepResult.Status.SUCCEEDED) {
        text.append("\n  ").append(step.stepId()).append(": ").append(step.status().word());
        if (!step.message().isBlank()) {
          text.append(": ").append(step.message());
        }
      }
    }
    text.append("\n  faults applied ")
        .append(faultsApplied)
        .append(", rolled back ")
        .append(faultsRolledBack);
    if (run.faultsLeftOpen() > 0) {
      text.append(", LEFT OPEN ").append(run.faultsLeftOpen()).append(" (run faultline cleanup)");
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return summary();
  }
}
