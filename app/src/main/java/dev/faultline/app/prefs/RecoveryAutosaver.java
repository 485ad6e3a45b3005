package dev.faultline.app.prefs;

import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.UiTaskExecutor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;

/**
 * Keeps a recovery copy of a document's unsaved changes: at most once per interval after a change,
 * the text is taken on the FX thread and written off it to the document's {@link
 * RecoveryStore.Slot}. When the document becomes clean (saved, reverted by undo, or replaced by
 * another file) the copy is deleted; {@link #close()} deletes it when the window closes cleanly.
 *
 * <p>Writes and deletes of one autosaver never overlap: the next waits for the last to finish, so a
 * late write can never resurrect a copy that was just deleted. Use on the FX thread.
 */
public final class RecoveryAutosaver {

  /** How often a document being edited is copied at most. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  private static final System.Logger LOG = System.getLogger(RecoveryAutosaver.class.getName());

  private final ExperimentDocument document;
  private final RecoveryStore.Slot slot;
  private final UiTaskExecutor tasks;
  private final DelayScheduler scheduler;
  private final Duration interval;
  private final ChangeListener<Number> onChange = (revision, before, now) -> documentChanged();
  private final ReadOnlyObjectWrapper<Throwable> lastFailure =
      new ReadOnlyObjectWrapper<>(this, "lastFailure");

  private Runnable cancelScheduled;
  private boolean busy;

  /** The step to run after the one in flight: null none, empty a delete, present a write. */
  private Optional<RecoverySnapshot> queued;

  private boolean copyMayExist;
  private boolean closed;

  /**
   * Starts watching {@code document} at once.
   *
   * @param slot where this document's copy goes ({@link RecoveryStore#newSlot()})
   * @param scheduler {@link DelayScheduler#fx()} in the app
   */
  public RecoveryAutosaver(
      ExperimentDocument document,
      RecoveryStore.Slot slot,
      UiTaskExecutor tasks,
      DelayScheduler scheduler,
      Duration interval) {
    this.document = Objects.requireNonNull(document, "document");
    this.slot = Objects.requireNonNull(slot, "slot");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.interval = Objects.requireNonNull(interval, "interval");
    document.revisionProperty().addListener(onChange);
    documentChanged();
  }

  private void documentChanged() {
    if (closed) {
      return;
    }
    if (document.isDirty()) {
      if (cancelScheduled == null) {
        cancelScheduled = scheduler.schedule(interval, this::writeNow);
      }
    } else {
      cancelSchedule();
      if (copyMayExist) {
        submit(Optional.empty());
      }
    }
  }

  private void writeNow() {
    cancelScheduled = null;
    if (closed || !document.isDirty()) {
      return;
    }
    // Taken now, on the FX thread: the document may change while the write runs.
    RecoverySnapshot snapshot = RecoverySnapshot.of(document);
    submit(Optional.of(snapshot));
  }

  /** Stops watching and deletes the copy: the document was saved or closed on purpose. */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    document.revisionProperty().removeListener(onChange);
    cancelSchedule();
    submit(Optional.empty());
  }

  private void cancelSchedule() {
    if (cancelScheduled != null) {
      cancelScheduled.run();
      cancelScheduled = null;
    }
  }

  /** Writes {@code snapshot}, or deletes the copy when empty; after the step in flight, if any. */
  private void submit(Optional<RecoverySnapshot> snapshot) {
    if (busy) {
      queued = snapshot; // only the latest state matters
      return;
    }
    busy = true;
    copyMayExist = true; // until a delete has finished, a copy may be on disk
    tasks.execute(
        () -> {
          if (snapshot.isPresent()) {
            slot.save(snapshot.get());
          } else {
            slot.discard();
          }
          return snapshot;
        },
        done -> finished(snapshot.isEmpty(), null),
        failure -> finished(false, failure));
  }

  private void finished(boolean deleted, Throwable failure) {
    busy = false;
    lastFailure.set(failure);
    if (failure != null) {
      LOG.log(System.Logger.Level.WARNING, "Could not update the recovery copy", failure);
    }
    if (deleted) {
      copyMayExist = false;
    }
    Optional<RecoverySnapshot> next = queued;
    queued = null;
    if (next != null) {
      submit(next);
    }
  }

  /** The last write or delete that failed ({@code null} after a success), for the status bar. */
  public ReadOnlyObjectProperty<Throwable> lastFailureProperty() {
    return lastFailure.getReadOnlyProperty();
  }
}
