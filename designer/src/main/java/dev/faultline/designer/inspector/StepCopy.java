package dev.faultline.designer.inspector;

import dev.faultline.model.AttackStep;
import dev.faultline.model.GateStep;
import dev.faultline.model.Params;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.Until;
import dev.faultline.model.WaitStep;

/**
 * Copies of steps with one field changed, for the inspector's edits. The records have many
 * components; spelling each copy out once here keeps the field definitions readable.
 */
final class StepCopy {
  private StepCopy() {}

  static Step withParams(Step step, Params with) {
    return switch (step) {
      case AttackStep a ->
          new AttackStep(a.id(), a.after(), a.attack(), a.target(), with, a.duration(), a.extras());
      case ProbeStep p ->
          new ProbeStep(
              p.id(),
              p.after(),
              p.probe(),
              p.target(),
              with,
              p.until(),
              p.timeout(),
              p.interval(),
              p.initialDelay(),
              p.retries(),
              p.extras());
      default -> step;
    };
  }

  static Step withTarget(Step step, String target) {
    return switch (step) {
      case AttackStep a ->
          new AttackStep(a.id(), a.after(), a.attack(), target, a.with(), a.duration(), a.extras());
      case ProbeStep p ->
          new ProbeStep(
              p.id(),
              p.after(),
              p.probe(),
              target,
              p.with(),
              p.until(),
              p.timeout(),
              p.interval(),
              p.initialDelay(),
              p.retries(),
              p.extras());
      default -> step;
    };
  }

  static AttackStep withDuration(AttackStep a, TimeSpan duration) {
    return new AttackStep(
        a.id(), a.after(), a.attack(), a.target(), a.with(), duration, a.extras());
  }

  /**
   * A probe with another mode. Retries only mean something for a probe that runs once, so they go
   * when it starts to repeat.
   */
  static ProbeStep withUntil(ProbeStep p, Until until) {
    return new ProbeStep(
        p.id(),
        p.after(),
        p.probe(),
        p.target(),
        p.with(),
        until,
        p.timeout(),
        p.interval(),
        p.initialDelay(),
        until == null ? p.retries() : null,
        p.extras());
  }

  static ProbeStep withTimeout(ProbeStep p, TimeSpan timeout) {
    return new ProbeStep(
        p.id(),
        p.after(),
        p.probe(),
        p.target(),
        p.with(),
        p.until(),
        timeout,
        p.interval(),
        p.initialDelay(),
        p.retries(),
        p.extras());
  }

  static ProbeStep withInterval(ProbeStep p, TimeSpan interval) {
    return new ProbeStep(
        p.id(),
        p.after(),
        p.probe(),
        p.target(),
        p.with(),
        p.until(),
        p.timeout(),
        interval,
        p.initialDelay(),
        p.retries(),
        p.extras());
  }

  static ProbeStep withInitialDelay(ProbeStep p, TimeSpan initialDelay) {
    return new ProbeStep(
        p.id(),
        p.after(),
        p.probe(),
        p.target(),
        p.with(),
        p.until(),
        p.timeout(),
        p.interval(),
        initialDelay,
        p.retries(),
        p.extras());
  }

  static ProbeStep withRetries(ProbeStep p, Integer retries) {
    return new ProbeStep(
        p.id(),
        p.after(),
        p.probe(),
        p.target(),
        p.with(),
        p.until(),
        p.timeout(),
        p.interval(),
        p.initialDelay(),
        retries,
        p.extras());
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
