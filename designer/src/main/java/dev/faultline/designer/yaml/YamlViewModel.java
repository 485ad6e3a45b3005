package dev.faultline.designer.yaml;

import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.model.edit.ReplaceExperiment;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The text view's logic: which text it shows, when typed text becomes an edit of the document, and
 * what is wrong with text that does not parse. No controls; the view pushes typed text in with
 * {@link #textEdited} and {@link #applyText}, and shows {@link #textProperty()}.
 *
 * <p>Document to text: when the document changes from elsewhere (canvas, inspector, undo), the text
 * becomes the canonical text of the new experiment. A change the text itself caused leaves the text
 * alone, so typing is never reformatted under the user's fingers.
 *
 * <p>Text to document: typed text is parsed off the FX thread; results for text that has changed
 * meanwhile are dropped. Text that parses replaces the experiment with one {@link
 * ReplaceExperiment}, and consecutive ones merge into one undo step until {@link #focusLost()}.
 * Text that does not parse is kept in the document ({@link ExperimentDocument#setUnparsedText}),
 * and its read errors are shown; validation problems never block.
 */
public final class YamlViewModel {

  /** The merge key of text edits: typing is one undo step per visit of the text view. */
  static final String MERGE_KEY = "yaml";

  /** What parsing one state of the text gave. */
  private record Parsed(
      String text, Experiment experiment, List<Problem> readErrors, List<Problem> problems) {}

  private final ExperimentDocument document;
  private final DocumentProblems documentProblems;
  private final UiTaskExecutor tasks;
  private final Validator validator;
  private final ExperimentReader reader = new ExperimentReader();

  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private final ReadOnlyObjectWrapper<List<Problem>> readErrors =
      new ReadOnlyObjectWrapper<>(this, "readErrors", List.of());
  private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
  private final ReadOnlyObjectWrapper<List<Problem>> markers =
      new ReadOnlyObjectWrapper<>(this, "markers", List.of());
  private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper(this, "pending");

  /** What the shown text parses to; {@code null} while unknown (typed, not parsed) or broken. */
  private Experiment heldExperiment;

  private Syntax heldSyntax;

  /** Whether {@link DocumentProblems} validated exactly the shown text, so its positions fit. */
  private boolean heldIsDocumentSource;

  /** Problems of the shown text, positioned in it, from its last parse here. */
  private List<Problem> ownProblems = List.of();

  /** Increases whenever the text changes; a parse result of an older generation is stale. */
  private long generation;

  /** True while this view model changes the document, so its own change is not echoed back. */
  private boolean applying;

  private boolean closeMergeWhenApplied;

  /** The document's experiment before the current run of merged text edits; null: no open run. */
  private Experiment runStart;

  /** The experiment the last text edit of the open run produced. */
  private Experiment runTop;

  private Experiment seenExperiment;
  private Syntax seenSyntax;
  private String seenUnparsed;

  public YamlViewModel(
      ExperimentDocument document, DocumentProblems documentProblems, UiTaskExecutor tasks) {
    this(document, documentProblems, tasks, Validator.standard());
  }

  public YamlViewModel(
      ExperimentDocument document,
      DocumentProblems documentProblems,
      UiTaskExecutor tasks,
      Validator validator) {
    this.document = Objects.requireNonNull(document, "document");
    this.documentProblems = Objects.requireNonNull(documentProblems, "documentProblems");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.validator = Objects.requireNonNull(validator, "validator");
    document.revisionProperty().addListener((obs, old, now) -> documentChanged());
    documentProblems.problemsProperty().addListener((obs, old, now) -> refreshMarkers());
    documentChanged();
  }

  /** The text the view shows: canonical text of the document, or what the user typed. */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  public String text() {
    return text.get();
  }

  /** The errors that keep the text from becoming the experiment; empty when it parses. */
  public ReadOnlyObjectProperty<List<Problem>> readErrorsProperty() {
    return readErrors.getReadOnlyProperty();
  }

  /** {@code Line 12, column 5: mapping values are not allowed here}; empty when the text parses. */
  public ReadOnlyStringProperty bannerProperty() {
    return banner.getReadOnlyProperty();
  }

  /** Problems to mark in the text, with positions in the text as shown. */
  public ReadOnlyObjectProperty<List<Problem>> markersProperty() {
    return markers.getReadOnlyProperty();
  }

  /** Whether typed text waits to be parsed. */
  public ReadOnlyBooleanProperty pendingProperty() {
    return pending.getReadOnlyProperty();
  }

  /** Records text the user typed; {@link #applyText()} parses it (after a short pause). */
  public void textEdited(String newText) {
    Objects.requireNonNull(newText, "newText");
    if (newText.equals(text.get())) {
      return;
    }
    generation++;
    text.set(newText);
    heldExperiment = null;
    heldIsDocumentSource = false;
    pending.set(true);
  }

  /**
   * Parses the typed text in the background and applies it to the document when it parses, or keeps
   * it as the document's unparsed text when it does not. Does nothing without typed text.
   */
  public void applyText() {
    if (!pending.get()) {
      return;
    }
    long parsedGeneration = generation;
    String typed = text.get();
    Syntax syntax = document.syntax();
    tasks.execute(
        () -> parse(typed, syntax),
        parsed -> {
          if (parsedGeneration == generation) {
            apply(parsed, syntax);
          }
        },
        failure -> {
          if (parsedGeneration == generation) {
            apply(
                new Parsed(
                    typed,
                    null,
                    List.of(Problem.error("", "Cannot read the text: " + failure)),
                    List.of()),
                syntax);
          }
        });
  }

  /** Ends the current undo step of typing; the next text edit starts a new one. */
  public void focusLost() {
    if (pending.get()) {
      // The last keystrokes are still being parsed: they belong to this visit's undo step.
      closeMergeWhenApplied = true;
    } else {
      closeRun();
    }
  }

  /** Throws the text that does not parse away and shows the document's text again. */
  public void discardTextChanges() {
    applying = true;
    try {
      document.setUnparsedText(null);
    } finally {
      applying = false;
    }
    showDocument();
  }

  /** The document's undo: canvas and text share one history. */
  public void undo() {
    document.undo();
  }

  /** The document's redo. */
  public void redo() {
    document.redo();
  }

  /** Runs off the FX thread: reads, and validates what reads, positioned in {@code typed}. */
  private Parsed parse(String typed, Syntax syntax) {
    ReadResult read = reader.read(typed, syntax);
    List<Problem> errors = read.problems().stream().filter(Problem::isError).toList();
    if (read.experiment().isEmpty() || !errors.isEmpty()) {
      return new Parsed(typed, null, errors.isEmpty() ? read.problems() : errors, read.problems());
    }
    return new Parsed(
        typed, read.experiment().get(), List.of(), read.validated(validator).problems());
  }

  private void apply(Parsed parsed, Syntax syntax) {
    pending.set(false);
    ownProblems = parsed.problems();
    if (parsed.experiment() == null) {
      heldExperiment = null;
      readErrors.set(parsed.readErrors());
      banner.set(describe(parsed.readErrors()));
      if (!document.unparsedText().orElse("").equals(parsed.text())) {
        changeDocument(() -> document.setUnparsedText(parsed.text()));
      }
      // DocumentProblems reads the same unparsed text, so its positions fit the text.
      heldIsDocumentSource = true;
    } else {
      readErrors.set(List.of());
      banner.set("");
      heldExperiment = parsed.experiment();
      heldSyntax = syntax;
      heldIsDocumentSource =
          ExperimentFormat.write(parsed.experiment(), syntax).equals(parsed.text());
      changeDocument(() -> replaceExperiment(parsed.experiment()));
    }
    if (closeMergeWhenApplied) {
      closeMergeWhenApplied = false;
      closeRun();
    }
    refreshMarkers();
  }

  private void replaceExperiment(Experiment replacement) {
    document.setUnparsedText(null);
    Experiment current = document.experiment();
    if (replacement.equals(current)) {
      return;
    }
    if (runStart != null && replacement.equals(runStart) && current == runTop) {
      // Typed (or text-undone) back to where this run of typing began: take the run's undo step
      // back instead of recording an edit that changes nothing overall.
      document.undo();
      runStart = null;
      runTop = null;
      return;
    }
    if (runStart == null) {
      runStart = current;
    }
    String description = document.syntax() == Syntax.JSON ? "Edit JSON" : "Edit YAML";
    document.edit(new ReplaceExperiment(replacement, description, MERGE_KEY));
    runTop = document.experiment();
  }

  private void changeDocument(Runnable change) {
    applying = true;
    try {
      change.run();
    } finally {
      applying = false;
      remember();
    }
  }

  private void closeRun() {
    document.closeMerge();
    runStart = null;
    runTop = null;
  }

  private void documentChanged() {
    if (applying) {
      return;
    }
    // Anything else that happens to the document (save, another view's edit) ends the run.
    runStart = null;
    runTop = null;
    boolean changed =
        document.experiment() != seenExperiment
            || document.syntax() != seenSyntax
            || !Objects.equals(document.unparsedText().orElse(null), seenUnparsed);
    remember();
    if (!changed) {
      // A save or a dirty-flag change: the text is what it was, typed or not.
      return;
    }
    String unparsed = document.unparsedText().orElse(null);
    if (unparsed != null) {
      if (!unparsed.equals(text.get())) {
        // A file that does not parse was opened: show it as it is and say why.
        showUnparsed(unparsed);
      }
      return;
    }
    if (!pending.get()
        && document.syntax() == heldSyntax
        && document.experiment().equals(heldExperiment)) {
      // The text already says this (an undo back to what it shows, say): keep its formatting.
      return;
    }
    showDocument();
  }

  private void remember() {
    seenExperiment = document.experiment();
    seenSyntax = document.syntax();
    seenUnparsed = document.unparsedText().orElse(null);
  }

  /** Shows the canonical text of the document; whatever was typed and pending is dropped. */
  private void showDocument() {
    generation++;
    pending.set(false);
    closeMergeWhenApplied = false;
    heldExperiment = document.experiment();
    heldSyntax = document.syntax();
    heldIsDocumentSource = true;
    ownProblems = List.of();
    readErrors.set(List.of());
    banner.set("");
    text.set(ExperimentFormat.write(document.experiment(), document.syntax()));
    refreshMarkers();
  }

  private void showUnparsed(String unparsed) {
    long shownGeneration = ++generation;
    pending.set(false);
    heldExperiment = null;
    heldIsDocumentSource = true;
    text.set(unparsed);
    refreshMarkers();
    // Only to explain what is wrong: the document already holds this text, and this runs from
    // its listener, where changing it again is not allowed.
    Syntax syntax = document.syntax();
    tasks.execute(
        () -> parse(unparsed, syntax),
        parsed -> {
          if (shownGeneration == generation) {
            readErrors.set(parsed.readErrors());
            banner.set(describe(parsed.readErrors()));
            ownProblems = parsed.problems();
          }
        },
        failure -> {});
  }

  private void refreshMarkers() {
    markers.set(heldIsDocumentSource ? documentProblems.problems() : ownProblems);
  }

  /** The banner for read errors: the first with its position, and how many more there are. */
  static String describe(List<Problem> errors) {
    if (errors.isEmpty()) {
      return "";
    }
    Problem first = errors.getFirst();
    String where =
        first.line() > 0
            ? "Line "
                + first.line()
                + (first.column() > 0 ? ", column " + first.column() : "")
                + ": "
            : "";
    String more =
        errors.size() == 1
            ? ""
            : " (and "
                + (errors.size() - 1)
                + " more problem"
                + (errors.size() > 2 ? "s" : "")
                + ")";
    return where + first.message() + more;
  }
}
