package dev.faultline.attack;

import java.util.Map;
import java.util.Objects;

/**
 * One change an attack makes to one object, and everything needed to undo it. A fault is written to
 * the rollback journal before it is applied, so it must be self-contained: a later process ({@code
 * faultline cleanup} after a crash) rolls it back with nothing but this record and a client.
 *
 * @param id unique within the run, e.g. {@code freeze#2}
 * @param runId the run that made it
 * @param stepId the attack step that made it
 * @param attackId the attack type, which names the executor that can roll it back
 * @param context kubeconfig context (or {@code faultline-sandbox}) the fault lives in
 * @param object the object changed
 * @param action what is done, for people: {@code SIGSTOP /java/ in shop/checkout-1 [app]}
 * @param reversible {@code false} for faults nothing can undo (a deleted pod, a killed process):
 *     the engine marks them done right after they are applied and never calls rollback
 * @param data executor-specific facts for rollback, captured by prepare (e.g. the replica count
 *     before a scale), as strings so the journal stays plain JSON
 */
public record Fault(
    String id,
    String runId,
    String stepId,
    String attackId,
    String context,
    ObjectRef object,
    String action,
    boolean reversible,
    Map<String, String> data) {

  public Fault {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(attackId, "attackId");
    Objects.requireNonNull(object, "object");
    context = context == null ? "" : context;
    action = action == null ? "" : action;
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** A value of {@link #data()}, or the fallback. */
  public String data(String key, String fallback) {
    return data.getOrDefault(key, fallback);
  }
}
