package dev.faultline.cluster;

import java.util.Objects;

/**
 * Why a call to a cluster failed, classified and in words for the user: what happened and what to
 * do about it. Made by {@link ClusterErrors}.
 *
 * @param kind what went wrong
 * @param context the kubeconfig context, or {@code ""} when unknown
 * @param server the API server URL
 * @param summary one line on what happened, naming the server: {@code "cannot reach
 *     https://10.0.0.1:6443: connection refused"}
 * @param advice what to do, as a sentence
 */
public record ClusterProblem(
    ClusterProblem.Kind kind, String context, String server, String summary, String advice) {

  /** The classes of failure, each with its own advice. */
  public enum Kind {
    /** No connection: refused, unknown host, no route. */
    UNREACHABLE,
    /** No answer in time: connect or request timeout. */
    TIMEOUT,
    /** The TLS handshake failed: certificate or protocol mismatch. */
    TLS,
    /** 401: credentials missing, wrong or expired. */
    UNAUTHORIZED,
    /** 403: RBAC denies the request. */
    FORBIDDEN,
    /** Any other HTTP error status. */
    HTTP
  }

  /** Checks the components. */
  public ClusterProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(advice, "advice");
  }

  /**
   * The whole message: {@code context "prod-eu": cannot reach https://...: connection refused.
   * Check that ...}.
   */
  public String message() {
    String prefix = context.isEmpty() ? "" : "context \"" + context + "\": ";
    return prefix + summary + (advice.isEmpty() ? "" : ". " + advice);
  }
}
