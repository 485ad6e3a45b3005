package dev.faultline.engine;

import dev.faultline.attack.Fault;
import dev.faultline.safety.RollbackJournal;
import java.util.ArrayList;
import java.util.List;

/** A journal that keeps faults in memory and writes what it is told to the execution log. */
final class RecordingJournal implements RollbackJournal {
  private final ExecutionLog log;
  private final List<Fault> open = new ArrayList<>();
  volatile boolean closed;

  RecordingJournal(ExecutionLog log) {
    this.log = log;
  }

  @Override
  public synchronized void record(Fault fault) {
    log.add("journal " + fault.id());
    open.add(fault);
  }

  @Override
  public synchronized void markDone(Fault fault, String outcome) {
    log.add("done " + fault.id() + " " + outcome);
    open.remove(fault);
  }

  @Override
  public synchronized List<Fault> open() {
    return List.copyOf(open);
  }

  @Override
  public void close() {
    closed = true;
  }
}
