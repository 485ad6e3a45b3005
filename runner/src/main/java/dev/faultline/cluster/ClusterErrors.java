package dev.faultline.cluster;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns client failures into one sentence that names the server and the cause. */
public final class ClusterErrors {

  private ClusterErrors() {}

  /**
   * Describes a failed call to {@code server}.
   *
   * @param server the API server URL, as shown to the user
   * @param failure what the client threw
   * @return {@code "cannot reach https://10.0.0.1:6443: connection refused"}, {@code "https://...:
   *     unauthorized (401), the credentials were rejected"} and the like
   */
  public static String describe(String server, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k && k.getCode() > 0) {
        return server + ": " + http(k);
      }
    }
    return "cannot reach " + server + ": " + network(failure);
  }

  private static String http(KubernetesClientException e) {
    String detail = detail(e.getStatus());
    return switch (e.getCode()) {
      case 401 -> "unauthorized (401), the credentials were rejected";
      case 403 -> "forbidden (403)" + (detail.isEmpty() ? "" : ": " + detail);
      default -> "HTTP " + e.getCode() + (detail.isEmpty() ? "" : ": " + detail);
    };
  }

  private static String detail(Status status) {
    if (status == null) {
      return "";
    }
    String message = status.getMessage();
    if (message == null || message.isBlank()) {
      message = status.getReason();
    }
    return message == null ? "" : message.strip();
  }

  private static String network(Throwable failure) {
    Throwable deepest = failure;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      deepest = t;
      switch (t) {
        case UnknownHostException e -> {
          return "unknown host " + beforeColon(e.getMessage());
        }
        case NoRouteToHostException e -> {
          return "no route to host";
        }
        case ConnectException e -> {
          String message = lower(e.getMessage());
          return message.contains("refused") ? "connection refused" : message;
        }
        case SocketTimeoutException e -> {
          return "connection timed out";
        }
        case TimeoutException e -> {
          return "connection timed out";
        }
        case SSLException e -> {
          return "TLS handshake failed: " + KubeconfigFiles.firstLine(root(e).getMessage(), e);
        }
        case CertificateException e -> {
          return "TLS handshake failed: " + KubeconfigFiles.firstLine(e.getMessage(), e);
        }
        default -> {}
      }
    }
    return KubeconfigFiles.firstLine(deepest.getMessage(), deepest);
  }

  private static Throwable root(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root;
  }

  private static String beforeColon(String message) {
    if (message == null) {
      return "";
    }
    int colon = message.indexOf(':');
    return colon < 0 ? message : message.substring(0, colon);
  }

  private static String lower(String message) {
    return message == null || message.isBlank()
        ? "connection failed"
        : message.strip().toLowerCase(Locale.ROOT);
  }
}
