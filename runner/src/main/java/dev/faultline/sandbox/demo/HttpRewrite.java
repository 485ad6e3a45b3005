package dev.faultline.sandbox.demo;

import java.util.Map;

/**
 * How a fault layer rewrites matching traffic, as HTTPChaos {@code replace} and {@code patch} do:
 * the request's path and method before the service sees them, and the answer's status, body and
 * headers after.
 *
 * @param path replaces the request path; empty: unchanged
 * @param method replaces the request method; empty: unchanged
 * @param status replaces the answer's status code; 0: unchanged
 * @param body replaces the answer's body; {@code null}: unchanged
 * @param headers replace these answer headers
 * @param addHeaders add these answer headers
 * @param mergePatch a JSON merge patch (RFC 7396) applied to a JSON answer; {@code null}: none
 */
public record HttpRewrite(
    String path,
    String method,
    int status,
    String body,
    Map<String, String> headers,
    Map<String, String> addHeaders,
    String mergePatch) {
  /** No rewrite. */
  public static final HttpRewrite NONE = new HttpRewrite("", "", 0, null, Map.of(), Map.of(), null);

  public HttpRewrite {
    path = path == null ? "" : path;
    method = method == null ? "" : method;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    addHeaders = addHeaders == null ? Map.of() : Map.copyOf(addHeaders);
  }

  /** Whether it changes anything. */
  public boolean isNone() {
    return equals(NONE);
  }
}
