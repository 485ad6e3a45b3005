package dev.faultline.attack;

import dev.faultline.cluster.ClusterErrors;
import dev.faultline.cluster.ClusterProblem;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Turns client failures into {@link AttackException}s that name the object and what was being done,
 * and decides whether retrying may help: no connection, a timeout, 429 and 5xx are retryable; 401,
 * 403 (RBAC, named with the verb and resource the server reports) and other 4xx are not.
 */
public final class ClusterCalls {
  public static final int NOT_FOUND = 404;
  public static final int CONFLICT = 409;
  static final int TOO_MANY_REQUESTS = 429;

  private ClusterCalls() {}

  /**
   * The exception for a failed call.
   *
   * @param doing what was attempted, as a verb phrase: {@code "delete"}, {@code "scale"}
   */
  public static AttackException failure(
      AttackContext context, String doing, ObjectRef object, Throwable failure) {
    return failure(context, doing, object.display(), failure);
  }

  /**
   * The exception for a failed call on something that is not one object.
   *
   * @param subject what was acted on: {@code "the Deployments in shop"}
   */
  public static AttackException failure(
      AttackContext context, String doing, String subject, Throwable failure) {
    String server = server(context);
    ClusterProblem problem = ClusterErrors.explain(context.contextName(), server, failure);
    boolean retryable =
        switch (problem.kind()) {
          case UNREACHABLE, TIMEOUT -> true;
          case HTTP -> code(failure) == TOO_MANY_REQUESTS || code(failure) >= 500;
          case TLS, UNAUTHORIZED, FORBIDDEN -> false;
        };
    return new AttackException(
        "cannot " + doing + " " + subject + ": " + problem.message(), retryable, failure);
  }

  /** The exception for an interrupted wait; retryable, since nothing is known to have failed. */
  public static AttackException interrupted(
      String doing, ObjectRef object, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new AttackException(
        "interrupted while trying to " + doing + " " + object.display(), true, e);
  }

  /** The HTTP status of a client failure, 0 when there was no answer. */
  public static int code(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k && k.getCode() > 0) {
        return k.getCode();
      }
    }
    return 0;
  }

  public static boolean notFound(Throwable failure) {
    return code(failure) == NOT_FOUND;
  }

  private static String server(AttackContext context) {
    try {
      return String.valueOf(context.client().getMasterUrl());
    } catch (RuntimeException e) {
      return "the API server";
    }
  }
}
