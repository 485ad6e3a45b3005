/**
 * Chaos as code: runs an experiment built with {@code Experiment.named(...)} (or read from a file)
 * from Java, through the same engine, preflight, rollback journal and cleanup path as {@code
 * faultline run}. Start at {@link dev.faultline.chaos.ChaosRun}.
 */
package dev.faultline.chaos;
