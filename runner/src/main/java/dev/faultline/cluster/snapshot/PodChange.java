package dev.faultline.cluster.snapshot;

/**
 * One pod's change in a live snapshot, for consumers that patch a previous result instead of
 * recomputing it ({@link ClusterSnapshot#podChangesSince}).
 *
 * @param before the pod as it was, {@code null} when it was added
 * @param after the pod as it is, {@code null} when it was deleted
 */
public record PodChange(PodView before, PodView after) {}
