package dev.faultline.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes {@code ${env:NAME}} in probe parameters with environment variables, at call time.
 * Values are never kept beyond one call: {@link Resolved} holds them for that call and can scrub
 * them from messages, so a secret that an error message repeats (a URL with a token) does not reach
 * events, logs or reports.
 */
public final class Secrets {
  static final Pattern PLACEHOLDER = dev.faultline.catalog.EnvPlaceholders.PATTERN;

  private final UnaryOperator<String> environment;
  private final List<String> used = new ArrayList<>(2);

  /** A variable that a parameter names but the environment does not have. */
  public static final class MissingSecretException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String name;

    MissingSecretException(String name) {
      super("environment variable " + name + " is not set", null, false, false);
      this.name = name;
    }

    /** The variable that is not set. */
    public String name() {
      return name;
    }
  }

  private Secrets(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  /** One call's substitutions; create one per call. */
  public static Secrets forCall(UnaryOperator<String> environment) {
    return new Secrets(environment);
  }

  /** Whether the text names any variable. */
  static boolean hasPlaceholders(String text) {
    return dev.faultline.catalog.EnvPlaceholders.in(text);
  }

  /** The text with every placeholder replaced by its variable's value. */
  public String resolve(String text) throws MissingSecretException {
    if (!hasPlaceholders(text)) {
      return text;
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    var out = new StringBuilder(text.length() + 32);
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = environment.apply(name);
      if (value == null) {
        throw new MissingSecretException(name);
      }
      if (!value.isEmpty()) {
        used.add(value);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The message with every value substituted in this call replaced by {@code ***}. */
  public String scrub(String message) {
    String out = message == null ? "" : message;
    for (String value : used) {
      out = out.replace(value, "***");
    }
    return out;
  }
}
