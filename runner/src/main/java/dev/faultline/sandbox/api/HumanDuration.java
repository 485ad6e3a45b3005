package dev.faultline.sandbox.api;

import java.time.Duration;
import java.time.Instant;

/**
 * Ages as kubectl shows them: the thresholds of {@code HumanDuration} in
 * k8s.io/apimachinery/pkg/util/duration, so that "5m30s", "3h", "2d4h" and "400d" appear where a
 * real cluster would show them. About two or three significant figures, never more.
 */
final class HumanDuration {
  private static final long HOURS_PER_DAY = 24;
  private static final long HOURS_PER_YEAR = 24 * 365;

  private HumanDuration() {}

  /** {@code "<unknown>"} for a missing timestamp, as the printers' translateTimestampSince. */
  static String since(Instant then, Instant now) {
    return then == null ? "<unknown>" : format(Duration.between(then, now));
  }

  static String format(Duration d) {
    // Go truncates the float seconds towards zero; up to 2s in the future is clock skew, not an
    // error.
    long seconds = truncatedSeconds(d);
    if (seconds < -1) {
      return "<invalid>";
    }
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    }
    if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = seconds / 3600;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    }
    if (hours < 48) {
      return hours + "h";
    }
    if (hours < HOURS_PER_DAY * 8) {
      long h = hours % HOURS_PER_DAY;
      long days = hours / HOURS_PER_DAY;
      return h == 0 ? days + "d" : days + "d" + h + "h";
    }
    if (hours < HOURS_PER_YEAR * 2) {
      return hours / HOURS_PER_DAY + "d";
    }
    long years = hours / HOURS_PER_YEAR;
    if (hours < HOURS_PER_YEAR * 8) {
      long days = (hours / HOURS_PER_DAY) % 365;
      return days == 0 ? years + "y" : years + "y" + days + "d";
    }
    return years + "y";
  }

  private static long truncatedSeconds(Duration d) {
    long seconds = d.getSeconds(); // floors for negative durations
    return seconds < 0 && d.getNano() > 0 ? seconds + 1 : seconds;
  }
}
