package dev.faultline.target;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a name fully matches any of some regexes, remembering the answer per name. Meant for
 * names that repeat across many pods (workloads, containers, namespaces), where a map lookup on a
 * string with a cached hash is several times cheaper than running the regexes again. Not
 * thread-safe, like the {@link Matcher}s it reuses.
 */
final class NameFilter {
  private final Matcher[] matchers;
  private final Map<String, Boolean> decided = new HashMap<>();

  private NameFilter(Matcher[] matchers) {
    this.matchers = matchers;
  }

  /** A filter for one regex; {@code field} names it in errors. */
  static NameFilter of(String field, String regex) {
    return new NameFilter(new Matcher[] {compile(field, regex)});
  }

  /**
   * A filter for a list of regexes; errors name the entry, e.g. {@code containers[1]}.
   *
   * @throws InvalidTargetException if a regex does not compile
   */
  static NameFilter anyOf(String field, List<String> regexes) {
    var matchers = new Matcher[regexes.size()];
    for (int i = 0; i < matchers.length; i++) {
      matchers[i] = compile(field + "[" + i + "]", regexes.get(i));
    }
    return new NameFilter(matchers);
  }

  /**
   * A single reusable matcher, for names that rarely repeat such as pod names.
   *
   * @throws InvalidTargetException if the regex does not compile
   */
  static Matcher compile(String field, String regex) {
    try {
      return Pattern.compile(regex).matcher("");
    } catch (PatternSyntaxException e) {
      throw new InvalidTargetException(field, "invalid regex: " + e.getDescription(), e);
    }
  }

  boolean matches(String name) {
    Boolean known = decided.get(name);
    if (known == null) {
      known = compute(name);
      decided.put(name, known);
    }
    return known;
  }

  private boolean compute(String name) {
    for (Matcher matcher : matchers) {
      if (matcher.reset(name).matches()) {
        return true;
      }
    }
    return false;
  }
}
