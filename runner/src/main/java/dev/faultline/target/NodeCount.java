package dev.faultline.target;

/**
 * How many matched and selected pods run on one node.
 *
 * @param node the node's name; empty for pods that are not scheduled yet
 */
public record NodeCount(String node, int matched, int selected) {}
