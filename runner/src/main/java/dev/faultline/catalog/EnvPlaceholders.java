package dev.faultline.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${env:NAME}} placeholders probe parameters may hold for secrets: a run fills them from
 * its environment at call time; exports must say that the other tool will not.
 */
public final class EnvPlaceholders {
  /** {@code ${env:NAME}}; group 1 is the name. */
  public static final Pattern PATTERN = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

  private EnvPlaceholders() {}

  /** The variable names the text refers to, in order. */
  public static List<String> names(String text) {
    var names = new ArrayList<String>();
    if (in(text)) {
      Matcher matcher = PATTERN.matcher(text);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /** Whether the text names any environment variable. */
  public static boolean in(String text) {
    return text != null && text.contains("${env:");
  }
}
