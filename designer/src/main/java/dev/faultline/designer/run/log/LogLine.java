package dev.faultline.designer.run.log;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One event of a run as a readable line of the log.
 *
 * @param nanos run time of the event
 * @param badge the short kind word shown as a badge: {@code STEP}, {@code FAULT}, {@code PROBE}…
 * @param stepId the step (or probe) the event belongs to; empty for run-wide events
 * @param message what happened, as a sentence
 * @param categories the filter kinds the line belongs to
 * @param sample whether it is a probe sample that is no failure and no change of state, hidden
 *     unless every sample is shown
 */
public record LogLine(
    long nanos,
    String badge,
    String stepId,
    String message,
    Set<LogCategory> categories,
    boolean sample) {

  public LogLine {
    categories = Set.copyOf(categories.isEmpty() ? EnumSet.of(LogCategory.STEPS) : categories);
  }

  /** Whether the line reports something that went wrong (styled as an error). */
  public boolean error() {
    return categories.contains(LogCategory.ERRORS);
  }

  /** Run time as {@code +01:02.345} (minutes may exceed 59; hours are shown past one hour). */
  public String time() {
    return elapsed(nanos);
  }

  /** The line as copied to the clipboard: time, badge, step and message, tab-separated. */
  public String copyText() {
    return time() + "\t" + badge + "\t" + stepId + "\t" + message;
  }

  /** Whether any column contains {@code lowerCaseNeedle} (already lower case), ignoring case. */
  public boolean matches(String lowerCaseNeedle) {
    return lowerCaseNeedle.isEmpty()
        || copyText().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
  }

  /** {@code +00:12.345} for 12.345 s; {@code +1:02:03.004} past an hour. */
  public static String elapsed(long nanos) {
    long millis = Math.max(0, nanos) / 1_000_000;
    long hours = millis / 3_600_000;
    long minutes = millis / 60_000 % 60;
    long seconds = millis / 1000 % 60;
    long rest = millis % 1000;
    return hours > 0
        ? String.format(Locale.ROOT, "+%d:%02d:%02d.%03d", hours, minutes, seconds, rest)
        : String.format(Locale.ROOT, "+%02d:%02d.%03d", minutes, seconds, rest);
  }
}
