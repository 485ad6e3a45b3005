/**
 * Target resolution: which pods and containers a target selects in a {@link
 * dev.faultline.cluster.snapshot.ClusterSnapshot}, how many of them the blast radius hits, and what
 * to warn about. {@link dev.faultline.target.TargetResolver} is the entry point for the live
 * preview and for the run, which re-resolves at start and reports the {@link
 * dev.faultline.target.TargetResolution#diff difference}. Works on snapshot views only, never on
 * the Kubernetes client.
 */
package dev.faultline.target;
