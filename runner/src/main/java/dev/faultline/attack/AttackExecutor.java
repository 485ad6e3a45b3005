package dev.faultline.attack;

import dev.faultline.cluster.AccessCheck;
import java.util.List;

/**
 * Causes and undoes one attack type of the catalog (the executor for {@link #attackId()}).
 *
 * <p>The lifecycle, driven by the engine (see Steadybit's action kit for the model):
 *
 * <ol>
 *   <li>{@link #accessNeeds} and {@link #prerequisites}: asked by the run's preflight, before
 *       anything is applied; an unmet prerequisite or a denied permission ends the run untouched.
 *   <li>{@link #prepare}: works out the faults from the request and the cluster, reading only. It
 *       captures in each {@link Fault#data()} what rollback will need (e.g. the replica count now).
 *   <li>The engine writes each fault to the rollback journal (fsync'd) — only then —
 *   <li>{@link #apply}: makes the change. Objects it changes carry the annotations of {@code
 *       dev.faultline.safety.FaultAnnotations} so leftovers can be found in the cluster.
 *   <li>{@link #status}: polled while the fault lasts.
 *   <li>{@link #rollback}: undoes it. Must be idempotent and must work from the fault alone (a
 *       later process rolls back the faults of a crashed run). An object that is gone counts as
 *       rolled back.
 * </ol>
 *
 * <p>Executors are stateless and thread-safe; the engine may run several steps of the same type at
 * once. A new attack type is one descriptor in the catalog plus one executor registered in {@link
 * AttackExecutors}.
 */
public interface AttackExecutor {
  /** The descriptor id this executor runs, e.g. {@code k8s.pod.delete}. */
  String attackId();

  /**
   * The API permissions a run of this step needs, checked by the preflight before anything is
   * applied. Namespaces come from the request's target; an empty namespace means cluster scope.
   */
  List<AccessCheck> accessNeeds(AttackRequest request);

  /**
   * What must be true before this step can run, beyond permissions: an operator the attack hands
   * its fault to is installed, the parameters fit together. Called by the run's preflight for every
   * attack step, before the permission check and before anything is applied (dry runs too), so a
   * missing prerequisite stops the run while the cluster is still untouched instead of failing a
   * step halfway through it.
   *
   * <p>The request carries no pod resolution yet ({@link AttackRequest#pods()} is {@code null}).
   * Must not change the cluster. The default has no prerequisites.
   *
   * @return one sentence per unmet prerequisite, saying what is missing and what to do about it
   *     (the engine prefixes the step id); empty when everything is in place
   */
  default List<String> prerequisites(AttackRequest request, AttackContext context) {
    return List.of();
  }

  /**
   * Works out the faults this step would make, without side effects. An empty list is allowed
   * (nothing selected); the engine reports it.
   *
   * @throws AttackException when the request cannot be carried out (bad manifest, object missing)
   */
  List<Fault> prepare(AttackRequest request, AttackContext context) throws AttackException;

  /** Applies one prepared fault. Called only after the fault is in the journal. */
  void apply(Fault fault, AttackContext context) throws AttackException;

  /**
   * What the fault is doing now. Must not throw; API errors give {@link FaultStatus.State#UNKNOWN}.
   */
  FaultStatus status(Fault fault, AttackContext context);

  /**
   * Undoes one fault. Idempotent; succeeds when the object is gone. Throws a {@linkplain
   * AttackException#retryable() retryable} exception when the cluster cannot be reached, so the
   * engine retries with backoff.
   */
  void rollback(Fault fault, AttackContext context) throws AttackException;
}
