package dev.faultline.engine;

import dev.faultline.attack.AttackContext;
import dev.faultline.attack.AttackException;
import dev.faultline.attack.AttackExecutor;
import dev.faultline.attack.AttackExecutors;
import dev.faultline.attack.Fault;
import dev.faultline.safety.RollbackJournal;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults of one run that may still need undoing, in the order they were applied, backed by the
 * rollback journal. A fault enters the ledger as soon as it is journaled — before it is applied —
 * so one interrupted half-way is still rolled back (rollback is idempotent).
 */
final class FaultLedger {
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final RollbackJournal journal;
  private final AttackExecutors attacks;

  /** The attack context of the cluster a fault lives in, by the fault's context name. */
  private final java.util.function.Function<String, AttackContext> contexts;

  private final String runId;
  private final EventBus bus;
  private final List<Fault> open = new ArrayList<>();

  FaultLedger(
      RollbackJournal journal,
      AttackExecutors attacks,
      java.util.function.Function<String, AttackContext> contexts,
      String runId,
      EventBus bus) {
    this.journal = journal;
    this.attacks = attacks;
    this.contexts = contexts;
    this.runId = runId;
    this.bus = bus;
  }

  /**
   * Journals then applies a fault.
   *
   * @return false when the target vanished since prepare: nothing was changed, the run goes on
   */
  boolean apply(Fault fault) throws AttackException, IOException {
    AttackExecutor executor = executor(fault);
    journal.record(fault);
    synchronized (open) {
      open.add(fault);
    }
    try {
      executor.apply(fault, contexts.apply(fault.context()));
    } catch (dev.faultline.attack.TargetGoneException gone) {
      forget(fault);
      journal.markDone(fault, "gone");
      bus.emit(
          t ->
              new RunEvent.NoteAdded(
                  runId, t, "faultline", "skipped " + fault.action() + ": " + gone.getMessage()));
      return false;
    } catch (AttackException | RuntimeException e) {
      bus.emit(t -> new RunEvent.FaultFailed(runId, t, fault, message(e)));
      throw e instanceof AttackException a
          ? a
          : new AttackException(fault.object().display() + ": " + message(e), false, e);
    }
    bus.emit(t -> new RunEvent.FaultApplied(runId, t, fault));
    if (!fault.reversible()) {
      forget(fault);
      journal.markDone(fault, "irreversible");
    }
    return true;
  }

  FaultStatusView status(Fault fault) {
    return new FaultStatusView(
        fault, executor(fault).status(fault, contexts.apply(fault.context())));
  }

  record FaultStatusView(Fault fault, dev.faultline.attack.FaultStatus status) {}

  /** Rolls back the given faults (one step's) in reverse order. */
  int rollBack(List<Fault> faults, Duration deadline) {
    var reversed = new ArrayList<>(faults);
    java.util.Collections.reverse(reversed);
    long until = System.nanoTime() + deadline.toNanos();
    int left = 0;
    for (Fault fault : reversed) {
      if (isOpen(fault) && !rollBackOne(fault, until)) {
        left++;
      }
    }
    return left;
  }

  /** Rolls back everything still open, newest first; returns how many stay open. */
  int rollBackAll(Duration deadline) {
    List<Fault> all;
    synchronized (open) {
      all = List.copyOf(open);
    }
    return rollBack(all, deadline);
  }

  int openCount() {
    synchronized (open) {
      return open.size();
    }
  }

  private boolean isOpen(Fault fault) {
    synchronized (open) {
      return open.contains(fault);
    }
  }

  private void forget(Fault fault) {
    synchronized (open) {
      open.remove(fault);
    }
  }

  /**
   * One fault, retried with backoff while the failure is retryable and time is left. Interrupts are
   * noted and ignored until the end: a cancelled run must still roll back.
   */
  private boolean rollBackOne(Fault fault, long untilNanos) {
    boolean interrupted = Thread.interrupted();
    Duration backoff = FIRST_BACKOFF;
    try {
      while (true) {
        try {
          executor(fault).rollback(fault, contexts.apply(fault.context()));
          forget(fault);
          journal.markDone(fault, "rolled-back");
          bus.emit(t -> new RunEvent.FaultRolledBack(runId, t, fault));
          return true;
        } catch (AttackException | RuntimeException | IOException e) {
          boolean retryable = !(e instanceof AttackException a) || a.retryable();
          boolean timeLeft = System.nanoTime() + backoff.toNanos() < untilNanos;
          boolean willRetry = retryable && timeLeft;
          bus.emit(t -> new RunEvent.RollbackFailed(runId, t, fault, message(e), willRetry));
          if (!willRetry) {
            return false;
          }
        }
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException e) {
          interrupted = true;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private AttackExecutor executor(Fault fault) {
    return attacks
        .find(fault.attackId())
        .orElseThrow(() -> new IllegalStateException("no executor for " + fault.attackId()));
  }

  static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
