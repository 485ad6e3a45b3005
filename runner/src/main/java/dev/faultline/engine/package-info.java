/**
 * The run engine: walks an experiment's step graph against a cluster, keeps probes on time,
 * enforces halt conditions and the run's time limit, and rolls back every fault it applied on any
 * end of the run. Results leave only as a stream of {@link dev.faultline.engine.RunEvent}s to
 * {@link dev.faultline.engine.RunListener}s.
 */
package dev.faultline.engine;
