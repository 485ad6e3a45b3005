package dev.faultline.sandbox.demo;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which requests a fault layer acts on, as HTTPChaos matches them: a path with {@code *} wildcards
 * ({@code /api/*}), a method, and for response rewrites the status code of the answer.
 *
 * @param path path pattern; empty or {@code *} for every path
 * @param method HTTP method; empty for every method
 * @param code status code the answer must have for the layer's rewrite to apply; 0 for any
 */
public record RequestMatch(String path, String method, int code) {
  /** Every request. */
  public static final RequestMatch ALL = new RequestMatch("", "", 0);

  public RequestMatch {
    path = path == null ? "" : path.strip();
    method = method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
  }

  /** Whether every request matches, whatever its path, method and answer. */
  public boolean all() {
    return (path.isEmpty() || path.equals("*")) && method.isEmpty() && code == 0;
  }

  boolean matches(String requestMethod, String requestPath) {
    boolean methodOk = method.isEmpty() || method.equalsIgnoreCase(requestMethod);
    boolean pathOk = path.isEmpty() || path.equals("*") || Pattern.matches(glob(path), requestPath);
    return methodOk && pathOk;
  }

  /** {@code /api/*} → {@code \Q/api/\E.*}: only {@code *} is special. */
  private static String glob(String pattern) {
    String[] parts = pattern.split("\\*", -1);
    var regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      regex.append(i == 0 ? "" : ".*").append(parts[i].isEmpty() ? "" : Pattern.quote(parts[i]));
    }
    return regex.toString();
  }

  boolean matchesStatus(int status) {
    return code == 0 || code == status;
  }
}
