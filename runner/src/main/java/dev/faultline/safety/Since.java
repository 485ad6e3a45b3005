package dev.faultline.safety;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How long ago a run started, for {@code faultline runs} and the app's runs window. */
public final class Since {
  private Since() {}

  /** {@code 4m 10s ago (2026-12-03T12:01:05Z)}: relative, then absolute in UTC. */
  public static String describe(Instant start, Instant now) {
    return ago(Duration.between(start, now)) + " (" + start.truncatedTo(ChronoUnit.SECONDS) + ")";
  }

  /** {@code 12s ago}, {@code 4m 10s ago}, {@code 2h 5m ago}, {@code 3d ago}. */
  public static String ago(Duration elapsed) {
    long s = Math.max(0, elapsed.toSeconds());
    String text =
        s < 60
            ? s + "s"
            : s < 3600
                ? (s / 60) + "m " + (s % 60) + "s"
                : s < 86_400 ? (s / 3600) + "h " + (s % 3600 / 60) + "m" : (s / 86_400) + "d";
    return text + " ago";
  }
}
