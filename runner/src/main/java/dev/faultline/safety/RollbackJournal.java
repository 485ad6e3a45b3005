package dev.faultline.safety;

import dev.faultline.attack.Fault;
import java.io.IOException;
import java.util.List;

/**
 * The durable record of a run's faults. The engine writes a fault here before it is applied and
 * marks it done once rolled back (or once applied, for faults nothing can undo). What is recorded
 * and not done after a crash is what {@code faultline cleanup} rolls back.
 */
public interface RollbackJournal extends AutoCloseable {
  /** Records a fault about to be applied; returns only when the record is durable (fsync'd). */
  void record(Fault fault) throws IOException;

  /**
   * Marks a fault done: rolled back, irreversible and applied, or never applied because applying it
   * failed before any change.
   *
   * @param outcome {@code rolled-back}, {@code irreversible}, {@code not-applied}, {@code gone}
   */
  void markDone(Fault fault, String outcome) throws IOException;

  /** The faults recorded and not done, in the order they were recorded. */
  List<Fault> open() throws IOException;

  /** Ends the run's use of the journal (the file stays while faults are open). */
  @Override
  void close() throws IOException;
}
