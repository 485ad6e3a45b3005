package dev.faultline.export.chaosmesh;

import dev.faultline.model.TimeSpan;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go duration strings ({@code 90ms}, {@code 1.5s}, {@code 1h30m}) read as our durations. */
final class GoDurations {
  /**
   * Go's grammar: a sign, then {@code 0} or numbers ({@code 5}, {@code 1.5}, {@code .5}, {@code
   * 5.}) with units.
   */
  static final Pattern WHOLE =
      Pattern.compile("[-+]?(?:0|(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:ns|us|µs|μs|ms|s|m|h))+)");

  private static final Pattern PART =
      Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDurations() {}

  /**
   * The duration as we write it: the same text when our grammar has it ({@code 90s}, {@code
   * 1h30m}), else the value in our units ({@code 1.5s} → {@code 1s500ms}); empty when it is no Go
   * duration or finer than a millisecond.
   */
  static Optional<TimeSpan> timeSpan(String text) {
    if (TimeSpan.parse(text).isPresent()) {
      return Optional.of(TimeSpan.of(text));
    }
    if (!WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      nanos =
          nanos.add(
              new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS.get(part.group(2)))));
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Optional.empty(); // Go refuses it too: more than about 290 years
    }
    if (text.startsWith("-") && nanos.signum() != 0) {
      return Optional.empty(); // a negative duration has no Faultline counterpart
    }
    Duration duration = Duration.ofNanos(nanos.longValue());
    if (duration.toNanos() % 1_000_000 != 0) {
      return Optional.empty();
    }
    return Optional.of(TimeSpan.of(duration));
  }
}
