package dev.faultline.app;

import dev.faultline.designer.fx.UiTaskExecutor;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the main window: which file is open, the window title, the status line and the canvas
 * hint. Holds no controls, so it is tested without starting JavaFX.
 *
 * <p>Lives on the FX thread: call its methods there; file reading goes through the {@link
 * UiTaskExecutor}, whose callbacks come back there.
 */
public final class MainViewModel {

  static final String APP_NAME = "Faultline";
  static final String UNTITLED = "Untitled";
  static final String EMPTY_HINT = "Empty experiment";

  private final UiTaskExecutor tasks;
  private final DocumentLoader loader;

  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText");
  private final ReadOnlyBooleanWrapper statusError =
      new ReadOnlyBooleanWrapper(this, "statusError");
  private final ReadOnlyStringWrapper canvasHint = new ReadOnlyStringWrapper(this, "canvasHint");
  private final ReadOnlyStringWrapper leftoverWarning =
      new ReadOnlyStringWrapper(this, "leftoverWarning", "");
  private final ReadOnlyStringWrapper canvasDetail =
      new ReadOnlyStringWrapper(this, "canvasDetail", "");

  /** Counts open requests so a slow, superseded read cannot overwrite a newer document. */
  private long openRequests;

  /**
   * Creates the view model of an empty, untitled experiment.
   *
   * @param tasks runs file reads off the FX thread
   * @param loader reads a file and summarises it
   */
  public MainViewModel(UiTaskExecutor tasks, DocumentLoader loader) {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.loader = Objects.requireNonNull(loader, "loader");
    title.bind(Bindings.createStringBinding(() -> documentName() + " \u2014 " + APP_NAME, file));
    canvasHint.bind(
        Bindings.createStringBinding(() -> file.get() == null ? EMPTY_HINT : documentName(), file));
    showStatus("Ready", false);
  }

  /** Starts a new, empty experiment; a read still in flight is ignored when it ends. */
  public void newExperiment() {
    openRequests++;
    file.set(null);
    canvasDetail.set("");
    showStatus("New experiment", false);
  }

  /**
   * Starts reading {@code path} in the background. On success it becomes the open file; on failure
   * the current document stays and the status line says why.
   *
   * @param path the file to open
   */
  public void open(Path path) {
    Path target = path.toAbsolutePath().normalize();
    long request = ++openRequests;
    showStatus("Opening " + displayName(target) + "\u2026", false);
    tasks.execute(
        () -> loader.load(target),
        summary -> {
          if (request == openRequests) {
            file.set(target);
            canvasDetail.set(summary);
            showStatus("Opened " + displayName(target) + " (" + summary + ")", false);
          }
        },
        failure -> {
          if (request == openRequests) {
            showStatus("Cannot open " + target + ": " + reason(failure), true);
          }
        });
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

  /**
   * Looks in the background for faults that crashed runs left open (the rollback journals on this
   * machine; no cluster call) and, when there are any, keeps a warning up until the app restarts.
   *
   * @param scan returns one sentence per run that left faults, empty when there are none
   */
  public void checkForLeftovers(Callable<List<String>> scan) {
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

  /** Hides the leftover warning until the next start (the faults stay open until cleaned up). */
  public void dismissLeftoverWarning() {
    leftoverWarning.set("");
  }

  /** The open file, or empty for an untitled experiment. */
  public Optional<Path> file() {
    return Optional.ofNullable(file.get());
  }

  /** The open file, or {@code null} for an untitled experiment. */
  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  /** The window title: {@code "<file name> — Faultline"} or {@code "Untitled — Faultline"}. */
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

  /** The large, quiet text in the middle of the canvas: the file name or "Empty experiment". */
  public ReadOnlyStringProperty canvasHintProperty() {
    return canvasHint.getReadOnlyProperty();
  }

  /** A smaller line under the hint (the loader's summary); empty when nothing is open. */
  public ReadOnlyStringProperty canvasDetailProperty() {
    return canvasDetail.getReadOnlyProperty();
  }

  private String documentName() {
    Path current = file.get();
    return current == null ? UNTITLED : displayName(current);
  }

  /** The file name, or the whole path for a root such as {@code /} that has no name. */
  private static String displayName(Path path) {
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
