package dev.faultline.validate;

import dev.faultline.catalog.Param;
import dev.faultline.catalog.StatusCodes;
import dev.faultline.model.LabelSelector;
import dev.faultline.model.LabelSelectorException;
import dev.faultline.model.TimeSpan;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one parameter value against its descriptor. Returns the problem, with an offset into the
 * value when the mistake has a position (regex, jq, selector). Reused by the inspector's forms.
 */
public final class ParamCheck {
  private ParamCheck() {}

  /** A problem with a value: the message, and where in the value it is (0 for the whole). */
  public record Issue(String message, int offset) {
    static Optional<Issue> of(String message) {
      return Optional.of(new Issue(message, 0));
    }
  }

  public static Optional<Issue> check(Param param, Object value) {
    if (value == null) {
      return param.required() ? Issue.of("'" + param.name() + "' needs a value") : Optional.empty();
    }
    return switch (param.type()) {
      case STRING, TEXT ->
          scalarText(value).isPresent() ? Optional.empty() : expected(param, "text", value);
      case INTEGER -> integer(param, value);
      case NUMBER -> number(param, value);
      case BOOLEAN ->
          value instanceof Boolean ? Optional.empty() : expected(param, "true or false", value);
      case DURATION ->
          textual(
              param,
              value,
              t ->
                  TimeSpan.parse(t).isPresent() ? Optional.empty() : Issue.of(TimeSpan.problem(t)));
      case ENUM ->
          textual(
              param,
              value,
              t ->
                  param.allowed().contains(t)
                      ? Optional.empty()
                      : Issue.of(
                          "'"
                              + t
                              + "' is not a valid "
                              + param.name()
                              + "; use one of "
                              + String.join(", ", param.allowed())
                              + Suggestions.didYouMean(t, param.allowed())));
      case REGEX ->
          textual(
              param, value, t -> RegexCheck.check(t).map(e -> new Issue(e.message(), e.index())));
      case JQ ->
          textual(
              param,
              value,
              t ->
                  JqCheck.check(t)
                      .map(e -> new Issue("invalid jq: " + e.message(), Math.max(0, e.index()))));
      case URL -> textual(param, value, ParamCheck::url);
      case LABEL_SELECTOR -> textual(param, value, ParamCheck::selector);
      case STATUS_CODES -> textual(param, value, ParamCheck::statusCodes);
      case STRING_LIST ->
          value instanceof List<?> list && list.stream().allMatch(i -> scalarText(i).isPresent())
              ? Optional.empty()
              : expected(param, "a list of text values", value);
      case STRING_MAP ->
          value instanceof Map<?, ?> map
                  && map.values().stream().allMatch(i -> scalarText(i).isPresent())
              ? Optional.empty()
              : expected(param, "a mapping of names to text values", value);
    };
  }

  private static Optional<Issue> integer(Param param, Object value) {
    if (!(value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte)) {
      return expected(param, "a whole number", value);
    }
    Number number = (Number) value;
    return range(param, number.doubleValue(), String.valueOf(number));
  }

  private static Optional<Issue> number(Param param, Object value) {
    if (!(value instanceof Number number)) {
      return expected(param, "a number", value);
    }
    return range(param, number.doubleValue(), String.valueOf(value));
  }

  private static Optional<Issue> range(Param param, double value, String text) {
    boolean low = param.min() != null && value < param.min();
    boolean high = param.max() != null && value > param.max();
    if (!low && !high) {
      return Optional.empty();
    }
    String bounds =
        param.max() == null
            ? "at least " + plain(param.min())
            : param.min() == null
                ? "at most " + plain(param.max())
                : "from " + plain(param.min()) + " to " + plain(param.max());
    return Issue.of("'" + param.name() + "' is " + text + "; it must be " + bounds);
  }

  private static String plain(double bound) {
    return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
  }

  private static Optional<Issue> url(String text) {
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        return Issue.of("'" + text + "' is not an http or https URL");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        return Issue.of("URL '" + text + "' has no host");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of(
          new Issue("invalid URL '" + text + "': " + e.getReason(), Math.max(0, e.getIndex())));
    }
  }

  private static Optional<Issue> selector(String text) {
    try {
      LabelSelector.parse(text);
      return Optional.empty();
    } catch (LabelSelectorException e) {
      return Optional.of(new Issue("invalid label selector: " + e.getMessage(), e.index()));
    }
  }

  private static Optional<Issue> statusCodes(String text) {
    try {
      StatusCodes.parse(text);
      return Optional.empty();
    } catch (StatusCodes.InvalidStatusCodesException e) {
      return Optional.of(new Issue(e.getMessage(), e.offset()));
    }
  }

  /** Checks a value given as text; lists and mappings are reported as the wrong type. */
  private static Optional<Issue> textual(
      Param param, Object value, java.util.function.Function<String, Optional<Issue>> check) {
    return scalarText(value).map(check).orElseGet(() -> expected(param, "a single value", value));
  }

  private static Optional<String> scalarText(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean
        ? Optional.of(String.valueOf(value))
        : Optional.empty();
  }

  private static Optional<Issue> expected(Param param, String what, Object value) {
    return Issue.of("'" + param.name() + "' must be " + what + ", not " + describe(value));
  }

  static String describe(Object value) {
    return switch (value) {
      case String s -> "the text '" + s + "'";
      case Boolean b -> b.toString();
      case Number n -> "the number " + n;
      case List<?> l -> "a list";
      case Map<?, ?> m -> "a mapping";
      default -> String.valueOf(value);
    };
  }
}
