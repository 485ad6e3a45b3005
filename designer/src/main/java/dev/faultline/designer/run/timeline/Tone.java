package dev.faultline.designer.run.timeline;

/** The colour role of a bar; the view maps each to a theme colour. */
public enum Tone {
  /** Running now. */
  ACCENT,
  SUCCESS,
  DANGER,
  /** Waiting for a person (a gate), or paused. */
  WARNING,
  /** Skipped, or a planned fault in a dry run. */
  NEUTRAL,
  /** A fault that was rolled back: its window, no longer alarming. */
  DANGER_MUTED
}
