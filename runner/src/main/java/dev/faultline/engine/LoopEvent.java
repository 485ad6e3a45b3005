package dev.faultline.engine;

import java.time.Duration;

/**
 * What a looped run does between and around its iterations, for progress lines and the run view
 * ("loop 2 of 5"). Each iteration's own events go to the {@link RunListener}s as usual.
 */
public sealed interface LoopEvent {
  /** 1-based number of the loop this event is about. */
  int loop();

  /** How many loops are planned; {@code null} when the loop runs for a duration. */
  Integer planned();

  /** An iteration starts, as run {@code runId}. */
  record LoopStarted(int loop, Integer planned, String runId) implements LoopEvent {}

  /** An iteration ended: its faults are rolled back (or left open in the journal). */
  record LoopFinished(int loop, Integer planned, RunResult result) implements LoopEvent {}

  /** Waiting {@code pause} before loop {@code loop} starts; nothing is applied meanwhile. */
  record Pausing(int loop, Integer planned, Duration pause) implements LoopEvent {}
}
