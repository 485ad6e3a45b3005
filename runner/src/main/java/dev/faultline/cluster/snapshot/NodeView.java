package dev.faultline.cluster.snapshot;

import java.util.Map;

/** A node, for node selectors ({@code topology.kubernetes.io/zone=zone-a}) and per-node counts. */
public record NodeView(
    String name, Map<String, String> labels, boolean unschedulable, boolean ready) {}
