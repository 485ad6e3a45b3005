package dev.faultline.probe.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP/1.1 request, encoded once and sent as it is for every request of a load: the same
 * method, path, headers and body each time.
 *
 * @param method upper-case method
 * @param bytes the request line, headers and body
 */
record RequestBytes(String method, byte[] bytes) {
  /** Headers the client writes itself; a load that sets them would send a broken request. */
  static final Set<String> RESERVED =
      Set.of("host", "content-length", "transfer-encoding", "connection", "upgrade", "expect");

  /**
   * Encodes a request for {@code target}.
   *
   * @throws IllegalArgumentException for a header name this client sets itself or a header with a
   *     line break (which would smuggle a second request)
   */
  static RequestBytes of(URI target, String method, Map<String, String> headers, String body) {
    String path =
        target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    String query = target.getRawQuery() == null ? "" : "?" + target.getRawQuery();
    var text = new StringBuilder(256);
    text.append(method).append(' ').append(path).append(query).append(" HTTP/1.1\r\n");
    text.append("Host: ").append(hostHeader(target)).append("\r\n");
    boolean agent = false;
    boolean accept = false;
    for (var header : headers.entrySet()) {
      String name = header.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (RESERVED.contains(lower)) {
        throw new IllegalArgumentException("header '" + name + "' is set by the load generator");
      }
      if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new IllegalArgumentException("'" + name + "' is not a valid header name");
      }
      String value = header.getValue();
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("header '" + name + "' has a line break in its value");
      }
      agent |= lower.equals("user-agent");
      accept |= lower.equals("accept");
      text.append(name).append(": ").append(value).append("\r\n");
    }
    if (!agent) {
      text.append("User-Agent: faultline-load\r\n");
    }
    if (!accept) {
      text.append("Accept: */*\r\n");
    }
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
      text.append("Content-Length: ").append(content.length).append("\r\n");
    }
    text.append("\r\n");
    byte[] head = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + content.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(content, 0, all, head.length, content.length);
    return new RequestBytes(method, all);
  }

  private static String hostHeader(URI target) {
    String host = target.getHost();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    int port = target.getPort();
    return port < 0 || port == 80 ? host : host + ":" + port;
  }
}
