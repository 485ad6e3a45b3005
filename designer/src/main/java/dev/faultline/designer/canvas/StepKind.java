package dev.faultline.designer.canvas;

import dev.faultline.model.AttackStep;
import dev.faultline.model.GateStep;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.WaitStep;

/** The four kinds of step, which decide a card's accent colour and its fallback icon. */
public enum StepKind {
  ATTACK("Attack", "process-signal"),
  PROBE("Probe", "http-check"),
  WAIT("Wait", "wait"),
  GATE("Gate", "gate");

  private final String word;
  private final String fallbackIcon;

  StepKind(String word, String fallbackIcon) {
    this.word = word;
    this.fallbackIcon = fallbackIcon;
  }

  public static StepKind of(Step step) {
    return switch (step) {
      case AttackStep a -> ATTACK;
      case ProbeStep p -> PROBE;
      case WaitStep w -> WAIT;
      case GateStep g -> GATE;
    };
  }

  /** "Attack", "Probe", …: how the kind is named in accessible descriptions. */
  public String word() {
    return word;
  }

  /** The icon drawn when the step's descriptor names none (waits and gates, unknown types). */
  public String fallbackIcon() {
    return fallbackIcon;
  }
}
