/**
 * The live cluster snapshot: compact, immutable views of the pods (and disruption budgets) that
 * target resolution reads, kept current by informers, with a version counter the UI polls once per
 * frame instead of reacting to every event.
 */
package dev.faultline.cluster.snapshot;
