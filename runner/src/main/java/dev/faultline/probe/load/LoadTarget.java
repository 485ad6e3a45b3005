package dev.faultline.probe.load;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The request a load sends, every time the same.
 *
 * @param uri where to send it, already resolved (cluster-internal names rewritten, secrets
 *     substituted); {@code http} goes over our own HTTP/1.1 client, {@code https} over the JDK's
 * @param tls for {@code https}: the TLS context, {@code null} for the JDK's default
 */
public record LoadTarget(
    URI uri, String method, Map<String, String> headers, String body, SSLContext tls) {
  public LoadTarget {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(method, "method");
    headers = Map.copyOf(headers);
  }

  boolean secure() {
    return "https".equalsIgnoreCase(uri.getScheme());
  }

  int port() {
    return uri.getPort() > 0 ? uri.getPort() : secure() ? 443 : 80;
  }
}
