package dev.faultline.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A duration as the user wrote it ({@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h30m}). The text
 * is kept so that a file saves back exactly as written; {@link #parse()} gives the value.
 *
 * <p>Grammar: one or more {@code <digits><unit>} parts, units {@code ms s m h} in decreasing order,
 * each at most once. {@code 0s} is allowed; negative durations are not.
 */
public record TimeSpan(String text) {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h))+");

  public TimeSpan {
    Objects.requireNonNull(text, "text");
  }

  public static TimeSpan of(String text) {
    return new TimeSpan(text);
  }

  /** The canonical text for a duration: the largest units that represent it exactly. */
  public static TimeSpan of(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration " + duration);
    }
    long millis = duration.toMillis();
    if (millis == 0) {
      return new TimeSpan("0s");
    }
    var text = new StringBuilder();
    long hours = millis / 3_600_000;
    long minutes = millis / 60_000 % 60;
    long seconds = millis / 1000 % 60;
    long rest = millis % 1000;
    if (hours > 0) text.append(hours).append('h');
    if (minutes > 0) text.append(minutes).append('m');
    if (seconds > 0) text.append(seconds).append('s');
    if (rest > 0) text.append(rest).append("ms");
    return new TimeSpan(text.toString());
  }

  /** The value, or empty when the text is not a valid duration. */
  public Optional<Duration> parse() {
    return parse(text);
  }

  /** Like {@link #parse()}, for code paths that run only after validation passed. */
  public Duration toDuration() {
    return parse().orElseThrow(() -> new IllegalStateException(problem(text)));
  }

  public boolean isValid() {
    return parse().isPresent();
  }

  public static Optional<Duration> parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    var matcher = PART.matcher(text);
    Duration total = Duration.ZERO;
    int lastRank = Integer.MAX_VALUE;
    try {
      while (matcher.find()) {
        long amount = Long.parseLong(matcher.group(1));
        int rank = rank(matcher.group(2));
        if (rank >= lastRank) {
          return Optional.empty(); // units out of order or repeated: "10s5m", "1s1s"
        }
        lastRank = rank;
        total = total.plus(unit(matcher.group(2)).multipliedBy(amount));
      }
    } catch (NumberFormatException | ArithmeticException tooLarge) {
      return Optional.empty();
    }
    return Optional.of(total);
  }

  /** A user-facing explanation of why {@code text} is not a duration. */
  public static String problem(String text) {
    return "'" + text + "' is not a duration; write a number and a unit: 500ms, 10s, 2m, 1h, 1m30s";
  }

  private static int rank(String unit) {
    return switch (unit) {
      case "h" -> 3;
      case "m" -> 2;
      case "s" -> 1;
      default -> 0;
    };
  }

  private static Duration unit(String unit) {
    return switch (unit) {
      case "h" -> Duration.ofHours(1);
      case "m" -> Duration.ofMinutes(1);
      case "s" -> Duration.ofSeconds(1);
      default -> Duration.ofMillis(1);
    };
  }

  @Override
  public String toString() {
    return text;
  }
}
