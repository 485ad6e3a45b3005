package dev.faultline.validate;

import dev.faultline.model.AttackStep;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.Until;
import dev.faultline.model.WaitStep;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Durations parse; waits have one; {@code until} probes have a timeout that is longer than their
 * interval and fits in the run's {@code maxDuration}; intervals are not zero.
 */
final class DurationRule implements Rule {
  @Override
  public void check(Experiment experiment, ProblemSink sink) {
    Optional<Duration> maxRun =
        parse(experiment.spec().effectiveSafety().maxDuration(), "spec.safety.maxDuration", sink);
    List<Step> steps = experiment.spec().steps();
    for (int i = 0; i < steps.size(); i++) {
      int index = i;
      switch (steps.get(i)) {
        case AttackStep attack -> parse(attack.duration(), StepPaths.step(i, "duration"), sink);
        case WaitStep wait -> {
          if (wait.duration() == null) {
            sink.error(
                StepPaths.step(i, "wait"),
                "wait step '" + wait.id() + "' needs a duration, such as 'wait: 30s'");
          }
          parse(wait.duration(), StepPaths.step(i, "wait"), sink);
        }
        case GateStep gate -> parse(gate.timeout(), StepPaths.step(i, "timeout"), sink);
        case ProbeStep probe -> checkProbe(probe, index, maxRun, sink);
      }
    }
    List<ContinuousProbe> probes = experiment.spec().probes();
    for (int i = 0; i < probes.size(); i++) {
      positive(probes.get(i).interval(), StepPaths.probe(i, "interval"), sink);
      parse(probes.get(i).initialDelay(), StepPaths.probe(i, "initialDelay"), sink);
      Integer haltAfter = probes.get(i).haltAfter();
      if (haltAfter != null && haltAfter < 1) {
        sink.error(
            StepPaths.probe(i, "haltAfter"),
            "haltAfter must be 1 or more failures in a row; leave it out to only observe");
      }
    }
  }

  private static void checkProbe(
      ProbeStep probe, int i, Optional<Duration> maxRun, ProblemSink sink) {
    Optional<Duration> timeout = parse(probe.timeout(), StepPaths.step(i, "timeout"), sink);
    Optional<Duration> interval = positive(probe.interval(), StepPaths.step(i, "interval"), sink);
    parse(probe.initialDelay(), StepPaths.step(i, "initialDelay"), sink);
    if (probe.retries() != null && probe.retries() < 0) {
      sink.error(StepPaths.step(i, "retries"), "retries must be 0 or more");
    }
    if (probe.until() == null) {
      if (probe.interval() != null && probe.effectiveRetries() == 0) {
        sink.warning(
            StepPaths.step(i, "interval"),
            "'interval' only applies to 'until' probes and retries; this probe runs once");
      }
      return;
    }
    if (probe.retries() != null) {
      sink.warning(
          StepPaths.step(i, "retries"),
          "'retries' only applies to probes that run once; an 'until' probe repeats anyway");
    }

    String waitFor = probe.until() == Until.FAILING ? "fails" : "passes";
    if (probe.timeout() == null) {
      sink.error(
          StepPaths.step(i, "until"),
          "step '"
              + probe.id()
              + "' waits until the probe "
              + waitFor
              + " and needs a 'timeout' (at most how long to wait), such as 'timeout: 30s'");
      return;
    }
    if (timeout.isPresent() && timeout.get().isZero()) {
      sink.error(StepPaths.step(i, "timeout"), "timeout must be more than 0");
    }
    Duration every = interval.orElse(ProbeStep.DEFAULT_INTERVAL.toDuration());
    if (timeout.isPresent() && timeout.get().compareTo(every) < 0) {
      sink.warning(
          StepPaths.step(i, "timeout"),
          "timeout "
              + probe.timeout()
              + " is shorter than the interval "
              + probe.effectiveInterval()
              + "; the probe runs once");
    }
    if (timeout.isPresent() && maxRun.isPresent() && timeout.get().compareTo(maxRun.get()) > 0) {
      sink.warning(
          StepPaths.step(i, "timeout"),
          "timeout "
              + probe.timeout()
              + " is longer than spec.safety.maxDuration; the run stops first");
    }
  }

  private static Optional<Duration> positive(TimeSpan span, String path, ProblemSink sink) {
    Optional<Duration> value = parse(span, path, sink);
    if (value.isPresent() && value.get().isZero()) {
      sink.error(path, "an interval must be more than 0");
    }
    return value;
  }

  static Optional<Duration> parse(TimeSpan span, String path, ProblemSink sink) {
    if (span == null) {
      return Optional.empty();
    }
    Optional<Duration> value = span.parse();
    if (value.isEmpty()) {
      sink.error(path, TimeSpan.problem(span.text()));
    }
    return value;
  }
}
