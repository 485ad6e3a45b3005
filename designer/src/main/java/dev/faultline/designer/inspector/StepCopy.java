package dev.faultline.designer.inspector;

import dev.faultline.model.AttackStep;
import dev.faultline.model.GateStep;
import dev.faultline.model.Params;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.StopWhen;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.Until;
import dev.faultline.model.WaitStep;

/** Copies of steps with one field changed, for the inspector's edits. */
final class StepCopy {
  private StepCopy() {}

  static Step withParams(Step step, Params with) {
    return switch (step) {
      case AttackStep a -> a.toBuilder().with(with).build();
      case ProbeStep p -> p.toBuilder().with(with).build();
      default -> step;
    };
  }

  static Step withTarget(Step step, String target) {
    return switch (step) {
      case AttackStep a -> a.toBuilder().target(target).build();
      case ProbeStep p -> p.toBuilder().target(target).build();
      default -> step;
    };
  }

  static AttackStep withDuration(AttackStep a, TimeSpan duration) {
    return a.toBuilder().duration(duration).build();
  }

  static AttackStep withStopWhen(AttackStep a, StopWhen stopWhen) {
    return a.toBuilder().stopWhen(stopWhen).build();
  }

  /**
   * A probe with another mode. Retries only mean something for a probe that runs once, so they go
   * when it starts to repeat.
   */
  static ProbeStep withUntil(ProbeStep p, Until until) {
    return p.toBuilder().until(until).retries(until == null ? p.retries() : null).build();
  }

  static ProbeStep withTimeout(ProbeStep p, TimeSpan timeout) {
    return p.toBuilder().timeout(timeout).build();
  }

  static ProbeStep withInterval(ProbeStep p, TimeSpan interval) {
    return p.toBuilder().interval(interval).build();
  }

  static ProbeStep withInitialDelay(ProbeStep p, TimeSpan initialDelay) {
    return p.toBuilder().initialDelay(initialDelay).build();
  }

  static ProbeStep withRetries(ProbeStep p, Integer retries) {
    return p.toBuilder().retries(retries).build();
  }

  static WaitStep withDuration(WaitStep w, TimeSpan duration) {
    return new WaitStep(w.id(), w.after(), duration, w.extras());
  }

  static GateStep withQuestion(GateStep g, String question) {
    return new GateStep(g.id(), g.after(), question, g.timeout(), g.onTimeout(), g.extras());
  }

  static GateStep withTimeout(GateStep g, TimeSpan timeout) {
    return new GateStep(g.id(), g.after(), g.gate(), timeout, g.onTimeout(), g.extras());
  }

  static GateStep withOnTimeout(GateStep g, GateStep.OnTimeout onTimeout) {
    return new GateStep(g.id(), g.after(), g.gate(), g.timeout(), onTimeout, g.extras());
  }

  static TimeSpan span(Object value) {
    return value == null ? null : TimeSpan.of(value.toString());
  }

  static String text(TimeSpan span) {
    return span == null ? null : span.text();
  }
}
