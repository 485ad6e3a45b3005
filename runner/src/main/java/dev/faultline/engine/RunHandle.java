package dev.faultline.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Controls a run in progress. Every method returns at once and may be called from any thread (the
 * FX thread included); effects show up as {@link RunEvent}s.
 */
public final class RunHandle {
  private final Run run;

  RunHandle(Run run) {
    this.run = run;
  }

  public String runId() {
    return run.runId();
  }

  /** Ends the run: running steps are interrupted, every fault is rolled back, verdict aborted. */
  public void cancel(String by) {
    run.halt("cancelled by " + by);
  }

  /** The emergency stop: like cancel, said louder in the reports. */
  public void emergencyStop(String by) {
    run.halt("emergency stop by " + by);
  }

  /** Starts no new steps until {@link #resume}; running steps and applied faults stay. */
  public void pause(String by) {
    run.pause(by);
  }

  public void resume(String by) {
    run.resume(by);
  }

  /** Approves a waiting gate; false when no gate of that id is waiting. */
  public boolean approve(String gateStepId, String by) {
    return run.gates().answer(gateStepId, true, by);
  }

  /** Rejects a waiting gate, which aborts the run; false when no gate of that id is waiting. */
  public boolean reject(String gateStepId, String by) {
    return run.gates().answer(gateStepId, false, by);
  }

  /** The gate steps waiting for an answer now. */
  public Set<String> waitingGates() {
    return run.gates().waitingIds();
  }

  /** Adds a note to the run's timeline (game days: "alert fired in #oncall"). */
  public void addNote(String author, String text) {
    run.note(author, text);
  }

  /** Completes after the last event was delivered to the listeners. */
  public CompletableFuture<RunResult> result() {
    return run.result();
  }

  /** Waits for the end of the run. */
  public Optional<RunResult> await(Duration timeout) throws InterruptedException {
    try {
      return Optional.of(result().get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the run crashed", e.getCause());
    }
  }
}
