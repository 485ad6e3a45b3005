/**
 * Probe executors: one per probe type of the catalog. A probe checks the system and gives a {@link
 * dev.faultline.probe.ProbeSample}; the engine decides what the samples mean (once, until, or
 * continuous with a tolerance) and {@link dev.faultline.probe.ProbeScheduler} keeps many of them on
 * time.
 */
package dev.faultline.probe;
