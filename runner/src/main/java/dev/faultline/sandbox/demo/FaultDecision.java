package dev.faultline.sandbox.demo;

import java.time.Duration;

/**
 * What the active faults do to one request: wait {@code delay}, then answer {@code abortStatus} if
 * it is not zero, else serve normally.
 */
record FaultDecision(Duration delay, int abortStatus) {
  static final FaultDecision NONE = new FaultDecision(Duration.ZERO, 0);

  boolean aborted() {
    return abortStatus != 0;
  }
}
