package dev.faultline.app;

import dev.faultline.app.export.ImportOutcome;
import dev.faultline.catalog.Catalog;
import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.export.ImportException;
import dev.faultline.export.Imports;
import dev.faultline.format.AtomicFiles;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.Syntax;
import dev.faultline.safety.Cleanup;
import dev.faultline.validate.Validator;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the main window: the open document (with selection and problems), its file, the window
 * title and the status line. Holds no controls, so it is tested without starting JavaFX.
 *
 * <p>Lives on the FX thread: call its methods there; file reads and writes go through the {@link
 * UiTaskExecutor}, whose callbacks come back there.
 */
public final class MainViewModel {

  static final String APP_NAME = "Faultline";

  /** Writes a file in one step; {@link AtomicFiles#write} outside tests. */
  @FunctionalInterface
  public interface FileWriter {
    void write(Path file, String text) throws Exception;
  }

  private final UiTaskExecutor tasks;
  private final DocumentLoader loader;
  private final FileWriter writer;
  private final Catalog catalog = Catalog.builtIn();
  private final ExperimentDocument document = new ExperimentDocument();
  private final StepSelection selection = new StepSelection(document);
  private final DocumentProblems problems;
  private final List<Consumer<Path>> fileListeners = new ArrayList<>();

  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText");
  private final ReadOnlyBooleanWrapper statusError =
      new ReadOnlyBooleanWrapper(this, "statusError");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper leftoverWarning =
      new ReadOnlyStringWrapper(this, "leftoverWarning", "");
  private final ReadOnlyBooleanWrapper cleaningUp =
      new ReadOnlyBooleanWrapper(this, "cleaningUp", false);
  private Callable<List<String>> leftoverScan = List::of;

  /** Counts open requests so a slow, superseded read cannot overwrite a newer document. */
  private long openRequests;

  /**
   * Creates the view model of an empty, untitled experiment.
   *
   * @param tasks runs file reads and writes off the FX thread
   * @param loader reads a file
   */
  public MainViewModel(UiTaskExecutor tasks, DocumentLoader loader) {
    this(tasks, tasks, loader, AtomicFiles::write);
  }

  /**
   * @param checks runs the background validation (tests keep it apart from file IO to drive the two
   *     independently)
   */
  MainViewModel(
      UiTaskExecutor tasks, UiTaskExecutor checks, DocumentLoader loader, FileWriter writer) {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.problems = new DocumentProblems(document, checks, Validator.standard());
    title.bind(
        Bindings.createStringBinding(
            () ->
                (document.isDirty() ? "*" : "")
                    + document.displayNameProperty().get()
                    + " \u2014 "
                    + APP_NAME,
            document.dirtyProperty(),
            document.displayNameProperty()));
    showStatus("Ready", false);
  }

  /** The experiment being designed. */
  public ExperimentDocument document() {
    return document;
  }

  /** Which steps are selected. */
  public StepSelection selection() {
    return selection;
  }

  /** The document's validation problems. */
  public DocumentProblems problems() {
    return problems;
  }

  /** Runs file IO and other slow work off the FX thread. */
  public UiTaskExecutor tasks() {
    return tasks;
  }

  /** The attacks and probes the palette, canvas and inspector offer. */
  public Catalog catalog() {
    return catalog;
  }

  /** Called with the path after every successful open and save (recent files, recovery). */
  public void addFileListener(Consumer<Path> listener) {
    fileListeners.add(listener);
  }

  /** Starts a new, empty experiment; a read still in flight is ignored when it ends. */
  public void newExperiment() {
    openRequests++;
    document.newDocument();
    showStatus("New experiment", false);
  }

  /**
   * Starts reading {@code path} in the background. When it parses it opens on the canvas; when it
   * does not it opens as text with its problems; when it cannot be read the current document stays
   * and the status line says why.
   *
   * @param path the file to open
   */
  public void open(Path path) {
    Path target = path.toAbsolutePath().normalize();
    long request = ++openRequests;
    showStatus("Opening " + displayName(target) + "\u2026", false);
    tasks.execute(
        () -> loader.load(target),
        loaded -> {
          if (request == openRequests) {
            opened(target, loaded);
          }
        },
        failure -> {
          if (request == openRequests) {
            showStatus("Cannot open " + target + ": " + reason(failure), true);
          }
        });
  }

  private void opened(Path path, LoadedFile loaded) {
    switch (loaded) {
      case LoadedFile.Parsed parsed -> {
        document.open(parsed.experiment(), path);
        var spec = parsed.experiment().spec();
        showStatus(
            "Opened "
                + displayName(path)
                + " ("
                + ExperimentLoader.summary(
                    spec.steps().size(), spec.targets().size(), parsed.problems())
                + ")",
            false);
      }
      case LoadedFile.Unparsed unparsed -> {
        document.openUnparsed(unparsed.text(), path);
        showStatus(
            displayName(path)
                + " does not parse ("
                + ExperimentLoader.problemSummary(unparsed.problems())
                + "); fix it in the text view",
            true);
      }
    }
    fileListeners.forEach(listener -> listener.accept(path));
  }

  /**
   * Imports another tool's file (or one of ours) in the background and opens the experiment as a
   * new, untitled document with unsaved changes, titled {@code Imported from NAME}. The format is
   * recognised from the content. When the file cannot be imported the current document stays.
   *
   * @param then told how it went, on the FX thread (not when a newer open superseded it)
   */
  public void importFrom(Path path, Consumer<ImportOutcome> then) {
    Path source = path.toAbsolutePath().normalize();
    long request = ++openRequests;
    String name = displayName(source);
    showStatus("Importing " + name + "\u2026", false);
    tasks.execute(
        () -> Imports.standard().read(readUtf8(source), Syntax.of(source), name),
        imported -> {
          if (request != openRequests) {
            return;
          }
          document.openImported(imported.experiment(), "Imported from " + name);
          int steps = imported.experiment().spec().steps().size();
          int warnings = imported.warnings().size();
          showStatus(
              "Imported "
                  + name
                  + " ("
                  + imported.format()
                  + ", "
                  + steps
                  + (steps == 1 ? " step" : " steps")
                  + (warnings == 0
                      ? ""
                      : ", " + warnings + (warnings == 1 ? " warning" : " warnings"))
                  + ")",
              false);
          then.accept(
              new ImportOutcome.Opened(source, imported.format(), steps, imported.warnings()));
        },
        failure -> {
          if (request != openRequests) {
            return;
          }
          ImportOutcome.Failed failed =
              failure instanceof ImportException e
                  ? new ImportOutcome.Failed(source, e.line(), e.column(), e.getMessage())
                  : new ImportOutcome.Failed(source, 0, 0, reason(failure));
          showStatus("Cannot import " + failed.describe(), true);
          then.accept(failed);
        });
  }

  /** The file as UTF-8 text; malformed bytes are a failure rather than silently replaced. */
  private static String readUtf8(Path file) throws java.io.IOException {
    try {
      return dev.faultline.format.TextFiles.readUtf8(file);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new java.io.IOException("the file is not UTF-8 text", e);
    }
  }

  /**
   * Shows a version read from the cluster catalog: untitled (Save asks for a file), its title
   * naming the namespace, experiment and version; one that does not parse opens as text with its
   * problems.
   */
  public void openFromCatalog(dev.faultline.cluster.catalog.OpenedExperiment opened) {
    openRequests++;
    String origin = opened.origin() + " (cluster catalog)";
    var read = opened.read();
    if (read.experiment().isPresent()) {
      document.openFrom(read.experiment().get(), origin);
      var spec = read.experiment().get().spec();
      showStatus(
          "Opened "
              + origin
              + " ("
              + ExperimentLoader.summary(
                  spec.steps().size(), spec.targets().size(), read.problems())
              + ")",
          false);
    } else {
      document.openUnparsedFrom(opened.text(), origin);
      showStatus(
          origin
              + " does not parse ("
              + ExperimentLoader.problemSummary(read.problems())
              + "); fix it in the text view",
          true);
    }
  }

  /**
   * Opens a file named on the command line, reporting a malformed path instead of throwing.
   *
   * @param argument the path as typed
   */
  public void openFromCommandLine(String argument) {
    Path path;
    try {
      path = Path.of(argument);
    } catch (InvalidPathException e) {
      showStatus("Cannot open " + argument + ": invalid path (" + e.getReason() + ")", true);
      return;
    }
    open(path);
  }

  /** Reads the open file again, dropping unsaved changes (the caller asks first). */
  public void revert() {
    document.file().ifPresent(this::open);
  }

  /**
   * Saves to the document's file. Returns false when the document has no file yet: the caller asks
   * for one and calls {@link #saveAs}.
   */
  public boolean save() {
    Optional<Path> file = document.file();
    file.ifPresent(path -> saveAs(path));
    return file.isPresent();
  }

  /**
   * Writes the document to {@code path} in the background, atomically, in the syntax its name asks
   * for (YAML or JSON). Text that does not parse is written as it is, and only to a file of its own
   * syntax, since it cannot be converted.
   */
  public void saveAs(Path path) {
    saveAs(path, () -> {});
  }

  /** {@link #saveAs(Path)}, then {@code onSaved} once the file is written (not on failure). */
  public void saveAs(Path path, Runnable onSaved) {
    Path target = path.toAbsolutePath().normalize();
    ExperimentDocument.Snapshot snapshot = document.snapshot();
    Syntax syntax = Syntax.of(target);
    if (snapshot.unparsedText() != null && syntax != document.syntax()) {
      showStatus(
          "Cannot save as "
              + syntax
              + " while the text does not parse: fix it first, or save as "
              + document.syntax(),
          true);
      return;
    }
    busy.set(true);
    showStatus("Saving " + displayName(target) + "\u2026", false);
    Callable<Void> write =
        () -> {
          String text =
              snapshot.unparsedText() != null
                  ? snapshot.unparsedText()
                  : ExperimentFormat.write(snapshot.experiment(), syntax);
          writer.write(target, text);
          return null;
        };
    tasks.execute(
        write,
        done -> {
          busy.set(false);
          document.markSaved(target, snapshot);
          showStatus("Saved " + displayName(target), false);
          fileListeners.forEach(listener -> listener.accept(target));
          onSaved.run();
        },
        failure -> {
          busy.set(false);
          showStatus("Cannot save " + target + ": " + reason(failure), true);
        });
  }

  /** Whether a save is being written. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Shows a message in the status line (feedback from the canvas and other views). */
  public void report(String message, boolean error) {
    showStatus(message, error);
  }

  /**
   * Looks in the background for faults that crashed runs left open (the rollback journals on this
   * machine; no cluster call) and, when there are any, keeps a warning up until the app restarts.
   *
   * @param scan returns one sentence per run that left faults, empty when there are none
   */
  public void checkForLeftovers(Callable<List<String>> scan) {
    leftoverScan = scan;
    tasks.execute(
        scan,
        warnings -> leftoverWarning.set(warnings.isEmpty() ? "" : String.join("\n", warnings)),
        failure ->
            leftoverWarning.set("Cannot read the rollback journals: " + reason(failure) + "."));
  }

  /**
   * Faults crashed runs left open, one line per run with the command that rolls them back; empty
   * when there are none or the warning was dismissed.
   */
  public ReadOnlyStringProperty leftoverWarningProperty() {
    return leftoverWarning.getReadOnlyProperty();
  }

  /**
   * Rolls back what crashed runs left open, in the background, then looks again: the warning goes
   * away when nothing is left, else it shows what still is. The outcome goes to the status line.
   *
   * @param cleanup rolls back every leftover (blocking) and says how it went
   */
  public void cleanUpLeftovers(Callable<Cleanup.Report> cleanup) {
    if (cleaningUp.get()) {
      return;
    }
    cleaningUp.set(true);
    tasks.execute(
        cleanup,
        done -> {
          cleaningUp.set(false);
          report(describe(done), !done.clean());
          checkForLeftovers(leftoverScan);
        },
        failure -> {
          cleaningUp.set(false);
          report("Cleanup failed: " + reason(failure), true);
        });
  }

  private static String describe(Cleanup.Report report) {
    long rolledBack =
        report.outcomes().stream().filter(o -> o.result() == Cleanup.Result.ROLLED_BACK).count();
    String text =
        "Cleanup: " + rolledBack + (rolledBack == 1 ? " fault" : " faults") + " rolled back";
    if (report.leftOpen() > 0) {
      text +=
          ", "
              + report.leftOpen()
              + " still open"
              + (report.unreachable() ? " (cluster unreachable)" : "")
              + "; run faultline cleanup to retry";
    }
    return text + ".";
  }

  /** Whether a cleanup of leftovers is under way. */
  public ReadOnlyBooleanProperty cleaningUpProperty() {
    return cleaningUp.getReadOnlyProperty();
  }

  /** Hides the leftover warning until the next start (the faults stay open until cleaned up). */
  public void dismissLeftoverWarning() {
    leftoverWarning.set("");
  }

  /** The open file, or empty for an untitled experiment. */
  public Optional<Path> file() {
    return document.file();
  }

  /** The window title: {@code "*checkout.yaml — Faultline"}, the star marking unsaved changes. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** The latest message for the status bar. */
  public ReadOnlyStringProperty statusTextProperty() {
    return statusText.getReadOnlyProperty();
  }

  /** Whether {@link #statusTextProperty()} reports a failure, so the view can colour it. */
  public ReadOnlyBooleanProperty statusErrorProperty() {
    return statusError.getReadOnlyProperty();
  }

  /** The file name, or the whole path for a root such as {@code /} that has no name. */
  static String displayName(Path path) {
    Path name = path.getFileName();
    return name == null ? path.toString() : name.toString();
  }

  private void showStatus(String text, boolean error) {
    statusText.set(text);
    statusError.set(error);
  }

  /** Turns a failure into words for the status line; NIO exceptions carry only the path. */
  static String reason(Throwable failure) {
    return switch (failure) {
      case NoSuchFileException e -> "file not found";
      case AccessDeniedException e -> "permission denied";
      case FileSystemException e when e.getReason() != null -> e.getReason();
      default ->
          failure.getMessage() == null || failure.getMessage().isBlank()
              ? failure.getClass().getSimpleName()
              : failure.getMessage();
    };
  }
}
