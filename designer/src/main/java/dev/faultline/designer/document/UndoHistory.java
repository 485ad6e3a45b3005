package dev.faultline.designer.document;

import dev.faultline.model.Experiment;
import dev.faultline.model.edit.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Snapshots of an experiment with undo and redo, merging of successive same-field edits, and a
 * saved mark for the dirty flag. Plain Java, no JavaFX: {@link ExperimentDocument} makes it
 * observable.
 *
 * <p>Snapshots, not inverse edits: the model is immutable and shares structure, so a snapshot is
 * cheap, and undo restores exactly what was there (including unknown fields).
 */
public final class UndoHistory {

  /** Enough for a long session; the oldest steps fall off first. */
  static final int DEFAULT_LIMIT = 1_000;

  private record Entry(String description, String mergeKey, Experiment after) {}

  private final int limit;
  private Experiment base;
  private final List<Entry> entries = new ArrayList<>();

  /** How many entries are applied: {@code entries[0..applied)}; the rest can be redone. */
  private int applied;

  /** The value of {@link #applied} when the document was saved; -1 when that state is gone. */
  private int savedAt;

  /** A merge may extend the top entry only until something else happens (undo, save, …). */
  private boolean topOpenForMerge;

  private long revision;

  public UndoHistory(Experiment initial) {
    this(initial, DEFAULT_LIMIT);
  }

  UndoHistory(Experiment initial, int limit) {
    this.base = Objects.requireNonNull(initial, "initial");
    this.limit = limit;
  }

  /** The experiment as it is now. */
  public Experiment current() {
    return applied == 0 ? base : entries.get(applied - 1).after();
  }

  /**
   * Applies {@code edit}. Returns false (and records nothing) when it changes nothing.
   *
   * @throws dev.faultline.model.edit.EditRefused when the edit does not fit; nothing changes
   */
  public boolean apply(Edit edit) {
    Experiment before = current();
    Experiment after = edit.apply(before);
    if (after.equals(before)) {
      return false;
    }
    // Whatever was undone is gone once something new happens.
    entries.subList(applied, entries.size()).clear();
    if (savedAt > applied) {
      savedAt = -1;
    }
    String key = edit.mergeKey();
    if (topOpenForMerge
        && key != null
        && applied > 0
        && key.equals(entries.get(applied - 1).mergeKey())
        && savedAt != applied) {
      Entry top = entries.get(applied - 1);
      entries.set(applied - 1, new Entry(top.description(), key, after));
    } else {
      entries.add(new Entry(edit.description(), key, after));
      applied++;
      if (entries.size() > limit) {
        base = entries.removeFirst().after();
        applied--;
        savedAt = savedAt > 0 ? savedAt - 1 : -1;
      }
    }
    topOpenForMerge = true;
    revision++;
    return true;
  }

  public boolean canUndo() {
    return applied > 0;
  }

  public boolean canRedo() {
    return applied < entries.size();
  }

  /** What undo would take back, e.g. {@code Move 3 Steps}. */
  public Optional<String> undoDescription() {
    return canUndo() ? Optional.of(entries.get(applied - 1).description()) : Optional.empty();
  }

  /** What redo would do again. */
  public Optional<String> redoDescription() {
    return canRedo() ? Optional.of(entries.get(applied).description()) : Optional.empty();
  }

  public boolean undo() {
    if (!canUndo()) {
      return false;
    }
    applied--;
    topOpenForMerge = false;
    revision++;
    return true;
  }

  public boolean redo() {
    if (!canRedo()) {
      return false;
    }
    applied++;
    topOpenForMerge = false;
    revision++;
    return true;
  }

  /** Ends typing merges: the next edit is its own undo step even with the same key. */
  public void closeMerge() {
    topOpenForMerge = false;
  }

  /** Records that the current state is what the file holds. */
  public void markSaved() {
    savedAt = applied;
    topOpenForMerge = false;
  }

  /**
   * Records that {@code saved} is what the file holds: the state a background save wrote while the
   * user may have gone on editing. Compared by identity, since equal content reached by other edits
   * was not what was written; when that state is no longer in the history, nothing is.
   */
  public void markSaved(Experiment saved) {
    topOpenForMerge = false;
    if (saved == base) {
      savedAt = 0;
      return;
    }
    savedAt = -1;
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).after() == saved) {
        savedAt = i + 1;
      }
    }
  }

  /** Records that no state of this history is what the file holds (a restored recovery copy). */
  public void markUnsaved() {
    savedAt = -1;
    topOpenForMerge = false;
  }

  /** Whether the current state differs from the last saved one. */
  public boolean isDirty() {
    return savedAt != applied;
  }

  /** Changes on every apply, undo and redo; views compare it to skip work. */
  public long revision() {
    return revision;
  }
}
