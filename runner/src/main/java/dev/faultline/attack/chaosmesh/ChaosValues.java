package dev.faultline.attack.chaosmesh;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/** How Chaos Mesh writes values: percentages as strings, durations in Go's syntax. */
public final class ChaosValues {
  /** Go's duration syntax, signed, as TimeChaos's {@code timeOffset} takes it. */
  static final Pattern SIGNED_GO_DURATION =
      Pattern.compile("[-+]?(?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h))+");

  private ChaosValues() {}

  /** {@code 25} → {@code "25"}, {@code 12.5} → {@code "12.5"}: Chaos Mesh's string percentages. */
  public static String percent(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * A Go duration in one unit, the largest that divides it: {@code 90s}, {@code 1500ms}, {@code
   * 2h}. NetworkChaos's latency and jitter accept one unit only ({@code
   * ^[0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h)$}); other duration fields take it as well.
   */
  public static String goDuration(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    long[] sizes = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
    String[] units = {"h", "m", "s", "ms", "us", "ns"};
    for (int i = 0; i < sizes.length; i++) {
      if (nanos % sizes[i] == 0) {
        return nanos / sizes[i] + units[i];
      }
    }
    throw new AssertionError("unreachable: every duration is a whole number of nanoseconds");
  }
}
