package dev.faultline.model;

import java.util.Set;
import java.util.regex.Pattern;

/** The rules for step ids, shared by validation and by the designer's new and pasted steps. */
public final class StepId {
  /** Letters, digits, {@code - _ .}; starts and ends with a letter or digit; at most 63 long. */
  public static final Pattern PATTERN =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?");

  private StepId() {}

  public static boolean isValid(String id) {
    return id != null && PATTERN.matcher(id).matches();
  }

  /**
   * {@code base} if free, else {@code base-2}, {@code base-3}, … : the first id not in {@code
   * taken}. A trailing {@code -N} of {@code base} is replaced rather than extended, so copying
   * {@code kill-2} gives {@code kill-3}, not {@code kill-2-2}.
   */
  public static String unique(String base, Set<String> taken) {
    if (!taken.contains(base)) {
      return base;
    }
    String stem = base.replaceFirst("-\\d+$", "");
    for (int n = 2; ; n++) {
      String candidate = stem + "-" + n;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }
}
