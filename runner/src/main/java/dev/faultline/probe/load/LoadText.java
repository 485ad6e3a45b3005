package dev.faultline.probe.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How load numbers read in sample messages: {@code p50 3.2 ms, p95 9.1 ms, p99 14 ms, 0.2 % errors
 * (2 × 503), 99.8 req/s (window 5 s) — p99 over 10 ms}.
 */
final class LoadText {
  private LoadText() {}

  /** The numbers of a window or a whole load, then what they break, if anything. */
  static String describe(WindowStats stats, String span, List<String> violations) {
    return describe(stats, span, violations, String::valueOf);
  }

  /** The same, with statuses named by {@code statusName} ({@code 3 × UNAVAILABLE} for gRPC). */
  static String describe(
      WindowStats stats,
      String span,
      List<String> violations,
      java.util.function.IntFunction<String> statusName) {
    var text = new StringBuilder(160);
    if (stats.requests() == 0) {
      text.append("no requests finished");
    } else {
      if (stats.latencies() > 0) {
        text.append("p50 ")
            .append(millis(stats.p50()))
            .append(", p95 ")
            .append(millis(stats.p95()))
            .append(", p99 ")
            .append(millis(stats.p99()))
            .append(", ");
      } else {
        text.append("no answers, ");
      }
      text.append(percent(stats.errorPercent())).append(" errors");
      List<String> why = errorParts(stats, statusName);
      if (!why.isEmpty()) {
        text.append(" (").append(String.join(", ", why)).append(')');
      }
      text.append(", ").append(rate(stats.throughput()));
    }
    text.append(" (").append(span).append(')');
    if (stats.notSent() > 0) {
      text.append("; client saturated: ")
          .append(stats.notSent())
          .append(stats.notSent() == 1 ? " request" : " requests")
          .append(" not sent, every connection busy and a timeout's worth waiting;")
          .append(" raise maxConnections if the server can take more");
    } else if (stats.waited() > 0 && stats.servicedP99Micros() * 2 < stats.p99Micros()) {
      // Worth saying only when waiting for a connection is what made the p99.
      text.append("; ")
          .append(stats.waited())
          .append(" waited for a free connection (p99 once sent ")
          .append(millis(Duration.ofNanos(stats.servicedP99Micros() * 1000)))
          .append(')');
    }
    if (!violations.isEmpty()) {
      text.append(" \u2014 ").append(String.join(", ", violations));
    }
    return text.toString();
  }

  private static List<String> errorParts(
      WindowStats stats, java.util.function.IntFunction<String> statusName) {
    var parts = new ArrayList<String>();
    for (Map.Entry<Integer, Long> e : stats.unexpectedStatuses().entrySet()) {
      parts.add(e.getValue() + " \u00d7 " + statusName.apply(e.getKey()));
    }
    if (stats.timeouts() > 0) {
      parts.add(stats.timeouts() + (stats.timeouts() == 1 ? " timeout" : " timeouts"));
    }
    if (stats.failures() > 0) {
      parts.add(stats.failures() + " failed: " + stats.failure());
    }
    if (stats.notSent() > 0) {
      parts.add(stats.notSent() + " not sent");
    }
    return parts;
  }

  /** {@code 0.35 ms}, {@code 3.4 ms}, {@code 14 ms}, {@code 1.2 s}. */
  static String millis(Duration duration) {
    double ms = duration.toNanos() / 1e6;
    if (ms >= 1000) {
      return decimals(ms / 1000, ms >= 10_000 ? 1 : 2) + " s";
    }
    if (ms >= 10) {
      return Math.round(ms) + " ms";
    }
    if (ms >= 1) {
      return trim(String.format(Locale.ROOT, "%.1f", ms)) + " ms";
    }
    return String.format(Locale.ROOT, "%.2f ms", ms);
  }

  /** {@code 0.2 %}, {@code 0.05 %}, {@code 100 %}. */
  static String percent(double value) {
    if (value == 0 || value >= 10) {
      return trim(String.format(Locale.ROOT, "%.1f", value)) + " %";
    }
    return trim(String.format(Locale.ROOT, value < 0.1 ? "%.2f" : "%.1f", value)) + " %";
  }

  /** {@code 99.8 req/s}. */
  static String rate(double perSecond) {
    return trim(String.format(Locale.ROOT, "%.1f", perSecond)) + " req/s";
  }

  /** {@code 5 s}, {@code 1.5 s}, {@code 2 m 30 s}. */
  static String span(long nanos) {
    double seconds = nanos / 1e9;
    if (seconds >= 120) {
      long whole = Math.round(seconds);
      return whole / 60 + " m" + (whole % 60 == 0 ? "" : " " + whole % 60 + " s");
    }
    return trim(String.format(Locale.ROOT, "%.1f", seconds)) + " s";
  }

  /** {@code 10–15 s}: a window's place in the load. */
  static String range(long fromNanos, long toNanos) {
    return trim(String.format(Locale.ROOT, "%.1f", fromNanos / 1e9))
        + "\u2013"
        + trim(String.format(Locale.ROOT, "%.1f", toNanos / 1e9))
        + " s";
  }

  /** {@code value} with at most {@code places} decimals, trailing zeros dropped. */
  private static String decimals(double value, int places) {
    String text = String.format(Locale.ROOT, "%." + places + "f", value);
    if (text.contains(".")) {
      text = text.replaceAll("0+$", "");
      text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
    return text;
  }

  private static String trim(String number) {
    return number.endsWith(".0") ? number.substring(0, number.length() - 2) : number;
  }
}
