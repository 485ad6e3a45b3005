/**
 * Attack executors: one per attack type of the catalog, each with the lifecycle prepare → apply →
 * status → rollback ({@link dev.faultline.attack.AttackExecutor}). The engine owns ordering,
 * journaling and rollback; executors only know how to cause and undo one kind of fault.
 *
 * <p>Conventions the built-in executors share:
 *
 * <ul>
 *   <li>A fault remembers the uid of its object; an object deleted or replaced under the same name
 *       after prepare makes apply throw {@link dev.faultline.attack.TargetGoneException} (nothing
 *       changed), status report {@code GONE} and rollback succeed.
 *   <li>Reversible faults mark their object with {@link dev.faultline.attack.FaultMarks} before
 *       changing it and unmark it after undoing it. An apply that fails part-way undoes what it did
 *       as far as it can before throwing; rollback is idempotent, so calling it after a failed
 *       apply is always safe.
 *   <li>Failures name the object and what was attempted; no connection, timeouts, 429 and 5xx are
 *       {@linkplain dev.faultline.attack.AttackException#retryable() retryable}, RBAC denials (403,
 *       with the verb and resource) are not.
 * </ul>
 */
package dev.faultline.attack;
