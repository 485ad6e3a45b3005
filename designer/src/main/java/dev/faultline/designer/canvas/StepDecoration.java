package dev.faultline.designer.canvas;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the live preview and a run add to one card: a short badge text ({@code "3/7"}) and the
 * step's state in the run. Either may be {@code null}; a card's picture depends on both, so they
 * are part of what the tile cache compares.
 *
 * @param badge the text of the pill in the card's top-right corner; {@code null} for none
 * @param state the step's state in the run shown; {@code null} when no run is shown
 */
record StepDecoration(String badge, StepRunState state) {

  private static final Pattern COUNT = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

  /** Whether the badge says that nothing would be hit ({@code "0/…"}): drawn as a warning. */
  boolean badgeHitsNothing() {
    return badge != null && badge.startsWith("0/");
  }

  /** Whether the card shows motion: a running step or a gate waiting for a person. */
  boolean animated() {
    return state == StepRunState.RUNNING || state == StepRunState.WAITING;
  }

  /** The badge in words: {@code "3 of 7 pods selected"} for a count, else the text itself. */
  static String badgeWords(String badge) {
    Matcher count = COUNT.matcher(badge);
    return count.matches()
        ? count.group(1) + " of " + count.group(2) + " pods selected"
        : badge.strip();
  }

  /** The state in words, as a screen reader says it and the card's chip shows it. */
  static String stateWords(StepRunState state) {
    return switch (state) {
      case PENDING -> "pending";
      case RUNNING -> "running";
      case WAITING -> "waiting for Continue";
      case SUCCEEDED -> "succeeded";
      case FAILED -> "failed";
      case SKIPPED -> "skipped";
    };
  }
}
