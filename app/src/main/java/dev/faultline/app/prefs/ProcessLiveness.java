package dev.faultline.app.prefs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Whether the Faultline process that wrote a recovery file is still running. */
@FunctionalInterface
interface ProcessLiveness {

  /**
   * Start times read by two processes may differ by rounding; more than this is another process.
   */
  Duration START_TOLERANCE = Duration.ofSeconds(2);

  /**
   * The operating system's answer. A live process with the same pid but another start time is a
   * different program that got the pid after ours died: then the file's owner is gone.
   */
  ProcessLiveness SYSTEM =
      (pid, startedAt) ->
          ProcessHandle.of(pid)
              .filter(ProcessHandle::isAlive)
              .map(handle -> sameStart(handle.info().startInstant(), startedAt))
              .orElse(false);

  /**
   * @param startedAt when the writer said it started; empty when it could not tell
   */
  boolean isRunning(long pid, Optional<Instant> startedAt);

  private static boolean sameStart(Optional<Instant> actual, Optional<Instant> recorded) {
    if (actual.isEmpty() || recorded.isEmpty()) {
      return true; // cannot tell: assume it is ours, never take a live instance's file
    }
    return Duration.between(actual.get(), recorded.get()).abs().compareTo(START_TOLERANCE) <= 0;
  }
}
