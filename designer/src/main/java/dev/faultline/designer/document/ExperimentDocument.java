package dev.faultline.designer.document;

import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.model.Metadata;
import dev.faultline.model.Spec;
import dev.faultline.model.edit.Edit;
import dev.faultline.model.edit.EditRefused;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The experiment being designed: its content with undo history, the file it belongs to, and whether
 * it has unsaved changes. The one place views change the experiment, always through an {@link
 * Edit}.
 *
 * <p>Lives on the FX thread. Listeners of {@link #experimentProperty()} must not edit in turn: such
 * a re-entrant edit throws, because it would interleave two gestures in the history.
 */
public final class ExperimentDocument {

  static final String UNTITLED = "Untitled";

  static final String TEXT_FIRST =
      "The text view has changes that do not parse yet: fix them, or discard them there, first.";

  private UndoHistory history;
  private boolean notifying;

  private final ReadOnlyObjectWrapper<Experiment> experiment =
      new ReadOnlyObjectWrapper<>(this, "experiment");
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
  private final ReadOnlyObjectWrapper<Syntax> syntax =
      new ReadOnlyObjectWrapper<>(this, "syntax", Syntax.YAML);
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
  private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText");
  private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText");
  private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
  private final ReadOnlyStringWrapper displayName =
      new ReadOnlyStringWrapper(this, "displayName", UNTITLED);
  private final ReadOnlyStringWrapper unparsedText =
      new ReadOnlyStringWrapper(this, "unparsedText");

  /** Whether {@link #unparsedText} is what the file holds (it was opened or saved as such). */
  private boolean unparsedTextSaved;

  /** Starts with a new, empty, untitled experiment. */
  public ExperimentDocument() {
    reset(blank(), null, Syntax.YAML, false);
  }

  /** A new experiment with nothing in it: what File › New shows. */
  public static Experiment blank() {
    return new Experiment(
        new Metadata("new-experiment", null, null, null),
        new Spec(null, null, null, null, null, null),
        null,
        null);
  }

  /** Replaces everything with a new, untitled experiment; the history starts over. */
  public void newDocument() {
    reset(blank(), null, Syntax.YAML, false);
  }

  /**
   * Shows {@code content} read from {@code path}; the history starts over and the document is
   * clean.
   */
  public void open(Experiment content, Path path) {
    reset(content, Objects.requireNonNull(path, "path"), Syntax.of(path), false);
  }

  /**
   * Shows {@code content} restored from a recovery file: it belongs to {@code path} (or is untitled
   * when {@code null}) but is not saved there, so the document starts dirty.
   */
  public void restore(Experiment content, Path path) {
    reset(content, path, path == null ? Syntax.YAML : Syntax.of(path), true);
  }

  /**
   * Shows {@code content} imported from another tool's file: untitled, so Save asks where to write
   * it, and unsaved from the start, so closing asks first; titled {@code name} ({@code Imported
   * from workflow.yaml}) until it is saved.
   */
  public void openImported(Experiment content, String name) {
    reset(content, null, Syntax.YAML, true);
    displayName.set(Objects.requireNonNull(name, "name"));
  }

  /**
   * Shows a file that does not parse: its text stays editable in the text view (and is what Save
   * writes) until it parses; the canvas shows an empty experiment meanwhile.
   */
  public void openUnparsed(String text, Path path) {
    reset(blank(), Objects.requireNonNull(path, "path"), Syntax.of(path), false);
    unparsedText.set(Objects.requireNonNull(text, "text"));
    unparsedTextSaved = true;
    publish();
  }

  /**
   * Shows {@code content} that came from somewhere other than a file (the cluster catalog): the
   * document is clean and untitled, so Save asks for a file, and {@code origin} names it in the
   * title until then.
   */
  public void openFrom(Experiment content, String origin) {
    reset(content, null, Syntax.YAML, false);
    named(origin);
  }

  /**
   * Shows YAML from somewhere other than a file that does not parse, like {@link #openUnparsed},
   * untitled and named {@code origin}.
   */
  public void openUnparsedFrom(String text, String origin) {
    reset(blank(), null, Syntax.YAML, false);
    unparsedText.set(Objects.requireNonNull(text, "text"));
    named(origin);
  }

  private void named(String origin) {
    displayName.set(Objects.requireNonNull(origin, "origin"));
    publish();
  }

  /**
   * Records text typed in the text view that does not parse (or {@code null} once it does): it is
   * kept, counts as an unsaved change and is what Save writes, so no typing is ever lost.
   */
  public void setUnparsedText(String text) {
    guard();
    if (!Objects.equals(text, unparsedText.get())) {
      unparsedText.set(text);
      unparsedTextSaved = false;
      publish();
    }
  }

  /** Text of the text view that does not parse yet; {@code null} when the experiment is current. */
  public ReadOnlyStringProperty unparsedTextProperty() {
    return unparsedText.getReadOnlyProperty();
  }

  /** {@link #unparsedTextProperty()} as an optional. */
  public Optional<String> unparsedText() {
    return Optional.ofNullable(unparsedText.get());
  }

  private void reset(Experiment content, Path path, Syntax newSyntax, boolean unsaved) {
    guard();
    unparsedText.set(null);
    unparsedTextSaved = false;
    history = new UndoHistory(content);
    if (unsaved) {
      history.markUnsaved();
    }
    file.set(path);
    syntax.set(newSyntax);
    displayName.set(path == null ? UNTITLED : name(path));
    publish();
  }

  /**
   * Applies {@code edit} as one undo step.
   *
   * @return empty when applied (or when it changed nothing), else why it was refused
   * @throws IllegalStateException when called from a listener of this document
   */
  public Optional<String> edit(Edit edit) {
    guard();
    if (unparsedText.get() != null) {
      // Applying it would throw away the text; the user fixes or discards the text first.
      return Optional.of(TEXT_FIRST);
    }
    try {
      if (history.apply(edit)) {
        publish();
      }
      return Optional.empty();
    } catch (EditRefused refused) {
      return Optional.of(refused.getMessage());
    }
  }

  /** Ends a run of merging edits (typing in one field): the next edit is its own undo step. */
  public void closeMerge() {
    history.closeMerge();
  }

  public void undo() {
    guard();
    if (unparsedText.get() == null && history.undo()) {
      publish();
    }
  }

  public void redo() {
    guard();
    if (unparsedText.get() == null && history.redo()) {
      publish();
    }
  }

  /**
   * What Save writes, taken on the FX thread before the background write: the experiment and the
   * unparsed text of this moment.
   *
   * @param experiment the content to write when {@code unparsedText} is {@code null}
   * @param unparsedText text of the text view that does not parse; written verbatim when present
   */
  public record Snapshot(Experiment experiment, String unparsedText) {}

  /** The content to save now. */
  public Snapshot snapshot() {
    return new Snapshot(experiment.get(), unparsedText.get());
  }

  /** Records a successful save of the current state to {@code path}. */
  public void markSaved(Path path) {
    markSaved(path, snapshot());
  }

  /**
   * Records that {@code saved} was written to {@code path}. Edits made while the write ran stay
   * unsaved changes.
   */
  public void markSaved(Path path, Snapshot saved) {
    guard();
    if (saved.experiment() == experiment.get() && saved.unparsedText() == null) {
      history.markSaved();
    } else {
      history.markSaved(saved.experiment());
    }
    unparsedTextSaved =
        unparsedText.get() != null && unparsedText.get().equals(saved.unparsedText());
    file.set(Objects.requireNonNull(path, "path"));
    syntax.set(Syntax.of(path));
    displayName.set(name(path));
    publish();
  }

  private void guard() {
    if (notifying) {
      throw new IllegalStateException(
          "the document was changed from one of its own listeners; edit in response to the"
              + " user instead");
    }
  }

  private void publish() {
    notifying = true;
    try {
      experiment.set(history.current());
      dirty.set(history.isDirty() || (unparsedText.get() != null && !unparsedTextSaved));
      canUndo.set(unparsedText.get() == null && history.canUndo());
      canRedo.set(unparsedText.get() == null && history.canRedo());
      undoText.set(history.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
      redoText.set(history.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
      revision.set(revision.get() + 1);
    } finally {
      notifying = false;
    }
  }

  private static String name(Path path) {
    Path name = path.getFileName();
    return name == null ? path.toString() : name.toString();
  }

  /** The experiment as it is now. */
  public Experiment experiment() {
    return experiment.get();
  }

  public ReadOnlyObjectProperty<Experiment> experimentProperty() {
    return experiment.getReadOnlyProperty();
  }

  /** The file this document was opened from or saved to; empty when untitled. */
  public Optional<Path> file() {
    return Optional.ofNullable(file.get());
  }

  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  /** YAML or JSON: how the document is saved and shown in the text view. */
  public ReadOnlyObjectProperty<Syntax> syntaxProperty() {
    return syntax.getReadOnlyProperty();
  }

  public Syntax syntax() {
    return syntax.get();
  }

  public boolean isDirty() {
    return dirty.get();
  }

  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** {@code Undo Move 3 Steps}, or just {@code Undo} when there is nothing to undo. */
  public ReadOnlyStringProperty undoTextProperty() {
    return undoText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty redoTextProperty() {
    return redoText.getReadOnlyProperty();
  }

  /** Increases on every change of content or file; views compare it to skip work. */
  public ReadOnlyLongProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }

  /** The file name, or {@code Untitled}. */
  public ReadOnlyStringProperty displayNameProperty() {
    return displayName.getReadOnlyProperty();
  }
}
