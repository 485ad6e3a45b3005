package dev.faultline.cluster;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns client failures into words: one line that names the server and the cause ({@link
 * #describe}), or a {@link ClusterProblem} that also names the context and says what to do ({@link
 * #explain}).
 */
public final class ClusterErrors {

  static final String UNREACHABLE_ADVICE =
      "Check that the cluster is running and that this machine can reach it (VPN, proxy,"
          + " firewall), or choose another context";
  static final String TIMEOUT_ADVICE =
      "The API server may be down or overloaded, or a VPN or firewall is dropping the connection;"
          + " check the network and try again";
  static final String TLS_ADVICE =
      "The server's certificate does not match the kubeconfig (certificate-authority-data, server"
          + " name); get a fresh kubeconfig for this cluster";
  static final String UNAUTHORIZED_ADVICE =
      "The credentials are missing, wrong or expired: log in again (for example aws sso login,"
          + " gcloud auth login or az login) or get a fresh kubeconfig, then reconnect";
  static final String ANONYMOUS_ADVICE =
      "No credentials were sent (the server saw system:anonymous): check the user's token,"
          + " client certificate or credential plugin in the kubeconfig";

  /** The API server's RBAC denial: {@code User "alice" cannot list resource "pods" in ...}. */
  private static final Pattern DENIAL =
      Pattern.compile(
          "User \"([^\"]*)\" cannot (\\S+) resource \"([^\"]*)\""
              + "(?: in API group \"([^\"]*)\")?"
              + "(?: in the namespace \"([^\"]*)\"| at the cluster scope)?");

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
    return explain("", server, failure).summary();
  }

  /**
   * Explains a failed call: what happened, in the context of {@code context}, and what to do.
   *
   * @param context the kubeconfig context, or {@code ""} when unknown
   * @param server the API server URL, as shown to the user
   * @param failure what the client threw
   */
  public static ClusterProblem explain(String context, String server, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k && k.getCode() > 0) {
        return http(context, server, k);
      }
    }
    return network(context, server, failure);
  }

  /**
   * The problem of a server that did not answer within {@code waited}.
   *
   * @param context the kubeconfig context, or {@code ""} when unknown
   * @param server the API server URL
   * @param waited how long it was given
   */
  public static ClusterProblem timeout(String context, String server, Duration waited) {
    return new ClusterProblem(
        ClusterProblem.Kind.TIMEOUT,
        context,
        server,
        "cannot reach " + server + ": no answer within " + seconds(waited),
        TIMEOUT_ADVICE);
  }

  private static ClusterProblem http(String context, String server, KubernetesClientException e) {
    String detail = detail(e.getStatus());
    return switch (e.getCode()) {
      case 401 ->
          new ClusterProblem(
              ClusterProblem.Kind.UNAUTHORIZED,
              context,
              server,
              server + ": unauthorized (401), the credentials were rejected",
              UNAUTHORIZED_ADVICE);
      case 403 -> forbidden(context, server, e, detail);
      default ->
          new ClusterProblem(
              ClusterProblem.Kind.HTTP,
              context,
              server,
              server + ": HTTP " + e.getCode() + (detail.isEmpty() ? "" : ": " + detail),
              e.getCode() >= 500
                  ? "The API server reported an error of its own; try again later"
                  : "");
    };
  }

  private static ClusterProblem forbidden(
      String context, String server, KubernetesClientException e, String detail) {
    Optional<Denial> denial = Denial.parse(detail);
    String what = detail;
    if (what.isEmpty() && e.getResourcePlural() != null) {
      what =
          "on "
              + e.getResourcePlural()
              + (e.getNamespace() == null ? "" : " in namespace " + e.getNamespace());
    }
    String advice;
    if (denial.isPresent() && denial.get().user().equals("system:anonymous")) {
      advice = ANONYMOUS_ADVICE;
    } else if (denial.isPresent()) {
      Denial d = denial.get();
      advice =
          "RBAC does not allow user \""
              + d.user()
              + "\" to "
              + d.verb()
              + " "
              + d.resource()
              + d.where()
              + "; ask a cluster admin for a Role or ClusterRole binding that allows it, or use a"
              + " context with more rights";
    } else {
      advice =
          "RBAC does not allow this request; ask a cluster admin for the permission, or use a"
              + " context with more rights";
    }
    return new ClusterProblem(
        ClusterProblem.Kind.FORBIDDEN,
        context,
        server,
        server + ": forbidden (403)" + (what.isEmpty() ? "" : ": " + what),
        advice);
  }

  /**
   * The parts of an RBAC denial message.
   *
   * @param user who was denied
   * @param verb what they may not do: {@code list}, {@code delete}, {@code create}
   * @param resource on what: {@code pods}, {@code pods/eviction}
   * @param group the API group; {@code ""} for the core group
   * @param namespace where; {@code ""} at the cluster scope
   */
  record Denial(String user, String verb, String resource, String group, String namespace) {

    static Optional<Denial> parse(String message) {
      Matcher m = DENIAL.matcher(message);
      if (!m.find()) {
        return Optional.empty();
      }
      return Optional.of(
          new Denial(
              m.group(1),
              m.group(2),
              m.group(3),
              m.group(4) == null ? "" : m.group(4),
              m.group(5) == null ? "" : m.group(5)));
    }

    /** {@code " in namespace shop"}, or {@code " cluster-wide"}. */
    String where() {
      String resourceGroup = group.isEmpty() ? "" : " (API group " + group + ")";
      return resourceGroup + (namespace.isEmpty() ? " cluster-wide" : " in namespace " + namespace);
    }
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

  private static ClusterProblem network(String context, String server, Throwable failure) {
    Throwable deepest = failure;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      deepest = t;
      ClusterProblem found =
          switch (t) {
            case UnknownHostException e ->
                unreachable(context, server, "unknown host " + beforeColon(e.getMessage()));
            case NoRouteToHostException e -> unreachable(context, server, "no route to host");
            case ConnectException e -> connect(context, server, lower(e.getMessage()));
            case SocketTimeoutException e -> timedOut(context, server);
            case TimeoutException e -> timedOut(context, server);
            case SSLException e ->
                tls(context, server, KubeconfigFiles.firstLine(root(e).getMessage(), e));
            case CertificateException e ->
                tls(context, server, KubeconfigFiles.firstLine(e.getMessage(), e));
            default ->
                t.getClass().getSimpleName().contains("Timeout") ? timedOut(context, server) : null;
          };
      if (found != null) {
        return found;
      }
    }
    return unreachable(context, server, KubeconfigFiles.firstLine(deepest.getMessage(), deepest));
  }

  private static ClusterProblem connect(String context, String server, String message) {
    if (message.contains("timed out")) {
      return timedOut(context, server);
    }
    return unreachable(
        context, server, message.contains("refused") ? "connection refused" : message);
  }

  private static ClusterProblem unreachable(String context, String server, String cause) {
    return new ClusterProblem(
        ClusterProblem.Kind.UNREACHABLE,
        context,
        server,
        "cannot reach " + server + ": " + cause,
        UNREACHABLE_ADVICE);
  }

  private static ClusterProblem timedOut(String context, String server) {
    return new ClusterProblem(
        ClusterProblem.Kind.TIMEOUT,
        context,
        server,
        "cannot reach " + server + ": connection timed out",
        TIMEOUT_ADVICE);
  }

  private static ClusterProblem tls(String context, String server, String cause) {
    return new ClusterProblem(
        ClusterProblem.Kind.TLS,
        context,
        server,
        "cannot reach " + server + ": TLS handshake failed: " + cause,
        TLS_ADVICE);
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

  /** {@code "5 s"}, or {@code "300 ms"} below whole seconds. */
  static String seconds(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
