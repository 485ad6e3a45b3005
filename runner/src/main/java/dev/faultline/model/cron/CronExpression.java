package dev.faultline.model.cron;

import dev.faultline.model.TimeSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed cron expression: five fields ({@code minute hour day-of-month month day-of-week}) with
 * lists, ranges, steps and names, a macro ({@code @hourly}, {@code @daily}...) or a fixed interval
 * ({@code @every 5m}, as in Chaos Mesh).
 *
 * <p>Day of month and day of week combine as in Vixie cron: when both are restricted (neither is
 * {@code *} or {@code ?}) a day matches when <em>either</em> matches; otherwise both must.
 *
 * <p>Daylight-saving changes, in the zone given to {@link #next}: a local time that does not exist
 * (spring forward) fires once at the end of the gap; a local time that exists twice (fall back)
 * fires once, at its first occurrence, unless the hour field is {@code *}, in which case the
 * schedule is read as an interval and fires in both occurrences.
 */
public final class CronExpression {
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");
  private static final String EVERY = "@every";
  // Long enough for "29 Feb on a Monday"-style expressions, which can wait 28 years.
  private static final int SEARCH_DAYS = 366 * 29;

  private final String text;
  private final Duration every;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet days;
  private final BitSet months;
  private final BitSet weekdays;
  private final boolean dayRestricted;
  private final boolean weekdayRestricted;
  private final boolean hourWildcard;

  private CronExpression(String text, Duration every, List<BitSet> fields, List<String> raw) {
    this.text = text;
    this.every = every;
    if (fields == null) {
      minutes = hours = days = months = weekdays = null;
      dayRestricted = weekdayRestricted = hourWildcard = false;
      return;
    }
    minutes = fields.get(0);
    hours = fields.get(1);
    days = fields.get(2);
    months = fields.get(3);
    weekdays = fields.get(4);
    hourWildcard = isWildcard(raw.get(1));
    dayRestricted = !isWildcard(raw.get(2));
    weekdayRestricted = !isWildcard(raw.get(4));
  }

  private static boolean isWildcard(String field) {
    return field.startsWith("*") || field.startsWith("?");
  }

  /**
   * Parses an expression.
   *
   * @throws CronSyntaxException with the offset of the offending part
   */
  public static CronExpression parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new CronSyntaxException(0, "the cron expression is empty; try '0 * * * *' (hourly)");
    }
    int lead = expression.length() - expression.stripLeading().length();
    String text = expression.strip();
    if (text.startsWith("@")) {
      return macro(expression, text, lead);
    }
    String[] parts = text.split("\\s+");
    if (parts.length != 5) {
      throw new CronSyntaxException(
          lead,
          "a cron expression has 5 fields (minute hour day-of-month month day-of-week), not "
              + parts.length
              + "; try '0 */2 * * *'");
    }
    var fields = new java.util.ArrayList<BitSet>();
    int at = lead;
    for (int i = 0; i < 5; i++) {
      at = expression.indexOf(parts[i], at);
      fields.add(CronField.values()[i].parse(parts[i], at));
      at += parts[i].length();
    }
    return new CronExpression(expression, null, fields, List.of(parts));
  }

  private static CronExpression macro(String expression, String text, int lead) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith(EVERY)) {
      String span = text.substring(EVERY.length()).strip();
      Optional<Duration> every = TimeSpan.parse(span);
      if (span.isEmpty() || every.isEmpty()) {
        throw new CronSyntaxException(
            lead + EVERY.length() + 1, "@every needs a duration such as '@every 5m'");
      }
      if (every.get().compareTo(Duration.ofSeconds(1)) < 0) {
        throw new CronSyntaxException(lead + EVERY.length() + 1, "@every must be 1s or more");
      }
      return new CronExpression(expression, every.get(), null, null);
    }
    String fields = MACROS.get(lower);
    if (fields == null) {
      throw new CronSyntaxException(
          lead,
          "unknown macro '"
              + text
              + "'; use @yearly, @monthly, @weekly, @daily, @hourly or @every DURATION");
    }
    CronExpression parsed = parse(fields);
    return new CronExpression(expression, null, parsed.fieldList(), List.of(fields.split(" ")));
  }

  private List<BitSet> fieldList() {
    return List.of(minutes, hours, days, months, weekdays);
  }

  /** The expression as written. */
  public String text() {
    return text;
  }

  /** The fixed interval of an {@code @every} expression. */
  public Optional<Duration> every() {
    return Optional.ofNullable(every);
  }

  /**
   * The first firing strictly after {@code after}, or empty when the expression never fires (such
   * as {@code 0 0 30 2 *}). An {@code @every} expression fires {@code every} after {@code after}.
   */
  public Optional<Instant> next(Instant after, ZoneId zone) {
    if (every != null) {
      return Optional.of(after.plus(every));
    }
    ZoneRules rules = zone.getRules();
    LocalDate day = LocalDate.ofInstant(after, zone).minusDays(1);
    for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
      if (!matchesDay(day)) {
        continue;
      }
      Optional<Instant> first = firstOnDay(day, rules, after);
      if (first.isPresent()) {
        return first;
      }
    }
    return Optional.empty();
  }

  /** Whether the expression fires at all (searching from {@code from} on). */
  public boolean firesEver(Instant from) {
    return next(from, ZoneOffset.UTC).isPresent();
  }

  private boolean matchesDay(LocalDate day) {
    if (!months.get(day.getMonthValue())) {
      return false;
    }
    boolean dom = days.get(day.getDayOfMonth());
    boolean dow = weekdays.get(day.getDayOfWeek().getValue() % 7);
    if (dayRestricted && weekdayRestricted) {
      return dom || dow;
    }
    return dom && dow;
  }

  // The earliest firing on a local day: local times are in order, but a repeated hour can put a
  // later local time before an earlier one's second occurrence, so take the minimum.
  private Optional<Instant> firstOnDay(LocalDate day, ZoneRules rules, Instant after) {
    Instant best = null;
    for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
      for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
        LocalDateTime local = day.atTime(h, m);
        for (Instant candidate : instants(local, rules)) {
          if (candidate.isAfter(after) && (best == null || candidate.isBefore(best))) {
            best = candidate;
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private List<Instant> instants(LocalDateTime local, ZoneRules rules) {
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(local);
      return List.of(gap.getInstant());
    }
    Instant first = local.toInstant(offsets.getFirst());
    if (offsets.size() == 2 && hourWildcard) {
      return List.of(first, local.toInstant(offsets.get(1)));
    }
    return List.of(first);
  }

  /** The expression as written. */
  @Override
  public String toString() {
    return text;
  }
}
