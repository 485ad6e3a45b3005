package dev.faultline.sandbox.demo;

import java.time.Duration;
import java.util.List;

/**
 * What the active faults do to one request: wait {@code delay}, then answer {@code abortStatus} if
 * it is not zero, else serve normally; the matching layers' {@code rewrites} change the request and
 * the answer, and the service's clock is off by {@code clockOffset}.
 *
 * @param rewrites the rewrites of the layers that matched the request, in layer order, each with
 *     the match that says which answers (by status) it applies to
 */
record FaultDecision(
    Duration delay, int abortStatus, List<Rewrite> rewrites, Duration clockOffset) {
  static final FaultDecision NONE = new FaultDecision(Duration.ZERO, 0, List.of(), Duration.ZERO);

  /** One matching layer's rewrite. */
  record Rewrite(RequestMatch match, HttpRewrite rewrite) {}

  FaultDecision(Duration delay, int abortStatus) {
    this(delay, abortStatus, List.of(), Duration.ZERO);
  }

  FaultDecision {
    rewrites = List.copyOf(rewrites);
  }

  boolean aborted() {
    return abortStatus != 0;
  }

  /** The path the service sees: the last rewrite that replaces it wins. */
  String path(String requested) {
    String path = requested;
    for (Rewrite r : rewrites) {
      path = r.rewrite().path().isEmpty() ? path : r.rewrite().path();
    }
    return path;
  }

  /** The method the service sees. */
  String method(String requested) {
    String method = requested;
    for (Rewrite r : rewrites) {
      method = r.rewrite().method().isEmpty() ? method : r.rewrite().method();
    }
    return method;
  }
}
