/**
 * Attack executors: one per attack type of the catalog, each with the lifecycle prepare → apply →
 * status → rollback ({@link dev.faultline.attack.AttackExecutor}). The engine owns ordering,
 * journaling and rollback; executors only know how to cause and undo one kind of fault.
 */
package dev.faultline.attack;
