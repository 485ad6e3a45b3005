package dev.faultline.safety;

import dev.faultline.cluster.AccessCheck;
import dev.faultline.cluster.ClusterErrors;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The RBAC preflight of a run: asks the API server, with one {@code SelfSubjectAccessReview} per
 * permission, whether the context's user may do everything the run needs, before anything is
 * applied. Read-only; reviews run concurrently (at most {@value #PARALLEL} at a time).
 */
public final class Preflight {
  /** Reviews in flight at once. */
  static final int PARALLEL = 8;

  private Preflight() {}

  /**
   * A permission the API server refused.
   *
   * @param reason the authorizer's reason, often empty for RBAC
   */
  public record Denial(AccessCheck check, String reason) {}

  /**
   * A permission that could not be checked (API unreachable, review API forbidden).
   *
   * @param message what went wrong, naming the context and what to do
   */
  public record Unchecked(AccessCheck check, String message) {}

  /**
   * What the preflight found.
   *
   * @param context the kubeconfig context checked
   * @param allowed the permissions granted
   * @param denied the permissions refused
   * @param unchecked the permissions that could not be checked
   */
  public record Result(
      String context, List<AccessCheck> allowed, List<Denial> denied, List<Unchecked> unchecked) {
    public Result {
      context = context == null ? "" : context;
      allowed = List.copyOf(allowed);
      denied = List.copyOf(denied);
      unchecked = List.copyOf(unchecked);
    }

    /** Whether every permission was checked and granted; a run may start only then. */
    public boolean ok() {
      return denied.isEmpty() && unchecked.isEmpty();
    }

    /**
     * One sentence per permission that is denied or could not be checked, empty when {@link #ok()}:
     * the form the engine's {@code RunEnvironment.AccessReview} returns, so a run fails closed on
     * both. E.g. {@code create pods/exec in shop is not allowed; ask your cluster admin for it}.
     */
    public List<String> messages() {
      List<String> messages = new ArrayList<>();
      for (Denial d : denied) {
        messages.add(
            d.check().display()
                + " is not allowed"
                + (d.reason().isEmpty() ? "" : " (" + d.reason() + ")")
                + "; ask your cluster admin for it");
      }
      for (Unchecked u : unchecked) {
        messages.add("could not check " + u.check().display() + ": " + u.message());
      }
      return messages;
    }

    /**
     * For people, empty when {@link #ok()}: e.g. {@code context prod-eu does not allow 2 operations
     * this run needs: create pods/exec in shop, patch apps/deployments in shop. Ask your cluster
     * admin for a Role (or ClusterRole) binding that grants them.}
     */
    public String message() {
      List<String> parts = new ArrayList<>();
      if (!denied.isEmpty()) {
        parts.add(
            "context "
                + context
                + " does not allow "
                + (denied.size() == 1 ? "an operation" : denied.size() + " operations")
                + " this run needs: "
                + denied.stream().map(d -> d.check().display()).collect(Collectors.joining(", "))
                + ". Ask your cluster admin for a Role (or ClusterRole) binding that grants "
                + (denied.size() == 1 ? "it" : "them")
                + ", or use a context with more rights.");
      }
      if (!unchecked.isEmpty()) {
        parts.add(
            "could not check "
                + unchecked.size()
                + " permission"
                + (unchecked.size() == 1 ? "" : "s")
                + " on context "
                + context
                + ": "
                + unchecked.getFirst().message());
      }
      return String.join(" ", parts);
    }
  }

  /**
   * Reviews each permission (duplicates once) against the client's cluster.
   *
   * @param context the context name, for messages
   */
  public static Result check(KubernetesClient client, String context, List<AccessCheck> checks)
      throws InterruptedException {
    Objects.requireNonNull(client, "client");
    List<AccessCheck> unique = List.copyOf(new LinkedHashSet<>(checks));
    List<AccessCheck> allowed = new ArrayList<>();
    List<Denial> denied = new ArrayList<>();
    List<Unchecked> unchecked = new ArrayList<>();
    if (unique.isEmpty()) {
      return new Result(context, allowed, denied, unchecked);
    }
    String server = String.valueOf(client.getMasterUrl());
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, unique.size()))) {
      List<Future<SelfSubjectAccessReview>> answers = new ArrayList<>();
      for (AccessCheck check : unique) {
        answers.add(pool.submit(() -> review(client, check)));
      }
      for (int i = 0; i < unique.size(); i++) {
        AccessCheck check = unique.get(i);
        try {
          SelfSubjectAccessReview answer = answers.get(i).get();
          var status = answer == null ? null : answer.getStatus();
          if (status != null && Boolean.TRUE.equals(status.getAllowed())) {
            allowed.add(check);
          } else if (status == null) {
            unchecked.add(new Unchecked(check, "the API server gave no answer"));
          } else {
            String reason = status.getReason() == null ? "" : status.getReason();
            if (status.getEvaluationError() != null && !status.getEvaluationError().isEmpty()) {
              reason += (reason.isEmpty() ? "" : "; ") + status.getEvaluationError();
            }
            denied.add(new Denial(check, reason));
          }
        } catch (ExecutionException e) {
          var problem = ClusterErrors.explain(context, server, e.getCause());
          unchecked.add(new Unchecked(check, problem.summary() + ". " + problem.advice()));
        }
      }
    }
    return new Result(context, allowed, denied, unchecked);
  }

  /**
   * The preflight in the form the engine's {@code RunEnvironment.AccessReview} takes: one sentence
   * per denied permission ({@code create pods/exec in shop is not allowed; ask your cluster admin
   * for it}), empty when all are allowed.
   *
   * @throws PreflightException when a permission could not be checked (fail closed)
   */
  public static List<String> denied(
      KubernetesClient client, String context, List<AccessCheck> checks)
      throws PreflightException, InterruptedException {
    Result result = check(client, context, checks);
    if (!result.unchecked().isEmpty()) {
      throw new PreflightException(result.unchecked().getFirst().message());
    }
    return result.messages();
  }

  /** Permissions could not be checked (the API was unreachable, or reviews are forbidden). */
  public static final class PreflightException extends Exception {
    public PreflightException(String message) {
      super(message);
    }
  }

  private static SelfSubjectAccessReview review(KubernetesClient client, AccessCheck check) {
    var attributes =
        new ResourceAttributesBuilder()
            .withVerb(check.verb())
            .withGroup(check.group())
            .withResource(check.resource())
            .withSubresource(check.subresource().isEmpty() ? null : check.subresource())
            .withNamespace(check.namespace().isEmpty() ? null : check.namespace())
            .build();
    SelfSubjectAccessReview review =
        new SelfSubjectAccessReviewBuilder()
            .withNewSpec()
            .withResourceAttributes(attributes)
            .endSpec()
            .build();
    return client.authorization().v1().selfSubjectAccessReview().create(review);
  }
}
