package dev.faultline.model.cron;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** One of the five fields of a cron expression: its range, its names and how to parse it. */
enum CronField {
  MINUTE("minute", 0, 59, List.of()),
  HOUR("hour", 0, 23, List.of()),
  DAY_OF_MONTH("day of month", 1, 31, List.of()),
  MONTH(
      "month",
      1,
      12,
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
  // 7 is Sunday too, as in Vixie cron and Chaos Mesh (robfig/cron); folded onto 0 after parsing.
  DAY_OF_WEEK("day of week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

  private final String title;
  private final int min;
  private final int max;
  private final List<String> names;

  CronField(String title, int min, int max, List<String> names) {
    this.title = title;
    this.min = min;
    this.max = max;
    this.names = names;
  }

  /**
   * Parses one field.
   *
   * @param text the field as written
   * @param start where the field starts in the whole expression, for error offsets
   */
  BitSet parse(String text, int start) {
    var bits = new BitSet(max + 1);
    int at = start;
    for (String item : text.split(",", -1)) {
      if (item.isEmpty()) {
        throw new CronSyntaxException(at, "empty list item in the " + title + " field");
      }
      parseItem(item, at, bits);
      at += item.length() + 1;
    }
    if (this == DAY_OF_WEEK && bits.get(7)) {
      bits.clear(7);
      bits.set(0);
    }
    return bits;
  }

  private void parseItem(String item, int at, BitSet bits) {
    int slash = item.indexOf('/');
    String range = slash < 0 ? item : item.substring(0, slash);
    int step = 1;
    if (slash >= 0) {
      String stepText = item.substring(slash + 1);
      step = number(stepText, at + slash + 1, "step");
      if (step < 1) {
        throw new CronSyntaxException(at + slash + 1, "a step must be 1 or more");
      }
    }
    int low;
    int high;
    if (range.equals("*") || range.equals("?")) {
      low = min;
      high = max;
    } else {
      int dash = range.indexOf('-');
      if (dash >= 0) {
        low = value(range.substring(0, dash), at);
        high = value(range.substring(dash + 1), at + dash + 1);
        if (high < low) {
          throw new CronSyntaxException(
              at, "the range " + range + " runs backwards; write the smaller " + title + " first");
        }
      } else {
        low = value(range, at);
        // "5/15" means from 5 to the end every 15, as in Vixie cron.
        high = slash >= 0 ? max : low;
      }
    }
    for (int v = low; v <= high; v += step) {
      bits.set(v);
    }
  }

  private int value(String text, int at) {
    int index = names.indexOf(text.toUpperCase(Locale.ROOT));
    if (index >= 0) {
      return index + (this == MONTH ? 1 : 0);
    }
    int value = number(text, at, title);
    if (value < min || value > max) {
      throw new CronSyntaxException(
          at, title + " " + value + " is out of range " + min + "-" + max);
    }
    return value;
  }

  private int number(String text, int at, String what) {
    if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 6) {
      String hint = names.isEmpty() ? "" : " or a name such as " + names.getFirst();
      throw new CronSyntaxException(
          at, "'" + text + "' is not a valid " + what + " (expected a number" + hint + ")");
    }
    return Integer.parseInt(text);
  }
}
