package dev.faultline.probe;

import java.util.function.Consumer;

/**
 * A probe whose step lasts instead of answering at once: {@code load.http} sends load for its
 * duration, {@code k8s.ready} waits until its target is ready. The engine treats it like any probe
 * except in three places:
 *
 * <ul>
 *   <li>a step without {@code until} calls {@link #run} once; the samples it hands to {@code
 *       progress} are reported like any probe's (charts, reports), and the sample it returns
 *       decides the step;
 *   <li>dry runs call {@link #check} instead of {@link #sample()}: it must neither load nor wait;
 *   <li>the probe is closed as soon as it is done: when its step ends, or when a continuous probe
 *       stops at its {@code to} step, not only at the end of the run.
 * </ul>
 *
 * In {@code spec.probes} and in steps with {@code until}, {@link #sample()} is called as for any
 * probe. {@link #close()} must be idempotent.
 */
public interface LastingProbe extends PreparedProbe {
  /**
   * Runs the probe's step: loads, waits, and so on, as long as it takes.
   *
   * @param progress receives samples along the way, on the calling thread
   * @return the sample that decides the step
   * @throws InterruptedException when the run stops the step
   */
  ProbeSample run(Consumer<ProbeSample> progress) throws InterruptedException;

  /**
   * Checks once that the probe could run (the target answers, the objects can be read), without
   * loading or waiting: what a dry run shows.
   */
  ProbeSample check() throws InterruptedException;
}
