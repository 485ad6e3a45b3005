package dev.faultline.app.export;

import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportException;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.export.JavaClassName;
import dev.faultline.export.K3sCluster;
import dev.faultline.model.Experiment;
import dev.faultline.validate.Problem;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Export dialog's state: the chosen format and options, and the exported text with its
 * warnings, recomputed in the background whenever they or the document change. A result that
 * arrives after a newer request started is dropped, so the preview never shows a stale export.
 *
 * <p>Lives on the FX thread; holds no controls.
 */
public final class ExportViewModel {

  /** Where the preview stands. */
  public enum State {
    /** An export is being computed; the last text stays until it lands. */
    COMPUTING,
    /** {@link #textProperty()} holds the export, {@link #warningsProperty()} what it lost. */
    READY,
    /** The experiment (or an option) has errors: {@link #errorsProperty()} lists them. */
    INVALID,
    /** The format cannot express the experiment at all: {@link #messageProperty()} says why. */
    REFUSED
  }

  /** Validates and exports; {@link Exports#export} outside tests. */
  @FunctionalInterface
  public interface Exporting {
    ExportResult export(Experiment experiment, ExportFormat format, ExportOptions options)
        throws ExportException;
  }

  /** Writes a file in one step; {@code AtomicFiles::write} outside tests. */
  @FunctionalInterface
  public interface FileWriter {
    void write(Path file, String text) throws Exception;
  }

  private static final Pattern STEP_PATH = Pattern.compile("^spec\\.steps\\[(\\d+)]");

  private final ExperimentDocument document;
  private final UiTaskExecutor tasks;
  private final Exporting exports;
  private final FileWriter writer;

  private final ObjectProperty<ExportFormat> format =
      new SimpleObjectProperty<>(this, "format", ExportFormat.YAML);
  private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
  private final StringProperty className = new SimpleStringProperty(this, "className", "");
  private final BooleanProperty k3s = new SimpleBooleanProperty(this, "k3s", false);
  private final StringProperty k3sManifests = new SimpleStringProperty(this, "k3sManifests", "");
  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.COMPUTING);
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyObjectWrapper<List<ConversionWarning>> warnings =
      new ReadOnlyObjectWrapper<>(this, "warnings", List.of());
  private final ReadOnlyObjectWrapper<List<Problem>> errors =
      new ReadOnlyObjectWrapper<>(this, "errors", List.of());

  private final InvalidationListener recompute = obs -> recompute();

  /** The experiment the current text was exported from, to find the steps warnings name. */
  private Experiment exported = ExperimentDocument.blank();

  /** Counts requests; only the latest one's result is shown. */
  private long requests;

  private boolean attached;

  public ExportViewModel(
      ExperimentDocument document, UiTaskExecutor tasks, Exporting exports, FileWriter writer) {
    this.document = Objects.requireNonNull(document, "document");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.exports = Objects.requireNonNull(exports, "exports");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /** Starts following the document and the options, and exports once now. */
  public void attach() {
    if (attached) {
      return;
    }
    attached = true;
    format.addListener(recompute);
    namespace.addListener(recompute);
    className.addListener(recompute);
    k3s.addListener(recompute);
    k3sManifests.addListener(recompute);
    document.revisionProperty().addListener(recompute);
    recompute();
  }

  /** Stops following (the dialog closed); a result still in flight is dropped. */
  public void detach() {
    attached = false;
    requests++;
    format.removeListener(recompute);
    namespace.removeListener(recompute);
    className.removeListener(recompute);
    k3s.removeListener(recompute);
    k3sManifests.removeListener(recompute);
    document.revisionProperty().removeListener(recompute);
  }

  private void recompute() {
    long request = ++requests;
    if (document.unparsedText().isPresent()) {
      show(
          request,
          State.INVALID,
          "",
          "The text view has changes that do not parse; fix them before exporting.",
          List.of(),
          List.of());
      return;
    }
    ExportOptions options;
    try {
      options = options();
    } catch (IllegalArgumentException e) {
      show(request, State.INVALID, "", "Class name: " + e.getMessage() + ".", List.of(), List.of());
      return;
    }
    Experiment experiment = document.experiment();
    ExportFormat chosen = format.get();
    state.set(State.COMPUTING);
    tasks.execute(
        () -> exports.export(experiment, chosen, options),
        result -> {
          if (request == requests) {
            exported = experiment;
            show(
                request, State.READY, result.text(), summary(result), result.warnings(), List.of());
          }
        },
        failure -> {
          if (request != requests) {
            return;
          }
          if (failure instanceof ExportException refused && !refused.problems().isEmpty()) {
            List<Problem> found = refused.problems();
            show(
                request,
                State.INVALID,
                "",
                "The experiment has "
                    + found.size()
                    + (found.size() == 1 ? " error" : " errors")
                    + "; fix "
                    + (found.size() == 1 ? "it" : "them")
                    + " before exporting.",
                List.of(),
                found);
          } else {
            show(
                request,
                State.REFUSED,
                "",
                "Not exported: " + failure.getMessage(),
                List.of(),
                List.of());
          }
        });
  }

  private ExportOptions options() {
    ExportOptions options =
        ExportOptions.DEFAULTS.withNamespace(blankToNull(namespace.get())).withK3s(k3sCluster());
    String name = className.get() == null ? "" : className.get().strip();
    return name.isEmpty() ? options : JavaClassName.applyTo(options, name);
  }

  private String summary(ExportResult result) {
    int count = result.warnings().size();
    if (count == 0) {
      return format.get().title() + ": everything carried over.";
    }
    return format.get().title()
        + ": "
        + count
        + (count == 1 ? " thing" : " things")
        + " could not be carried over exactly; see below.";
  }

  private void show(
      long request,
      State newState,
      String newText,
      String newMessage,
      List<ConversionWarning> newWarnings,
      List<Problem> newErrors) {
    if (request != requests) {
      return;
    }
    text.set(newText);
    message.set(newMessage);
    warnings.set(List.copyOf(newWarnings));
    errors.set(List.copyOf(newErrors));
    state.set(newState);
  }

  /**
   * Writes the current text to {@code file} in the background, atomically.
   *
   * @param onDone called on the FX thread with a sentence for the user, and whether it failed
   */
  public void save(Path file, SaveOutcome onDone) {
    if (state.get() != State.READY) {
      onDone.done("Nothing to save: " + message.get(), true);
      return;
    }
    String content = text.get();
    tasks.execute(
        () -> {
          writer.write(file, content);
          return file;
        },
        saved -> onDone.done("Exported to " + saved, false),
        failure ->
            onDone.done(
                "Cannot write "
                    + file
                    + ": "
                    + (failure.getMessage() == null
                        ? failure.getClass().getSimpleName()
                        : failure.getMessage()),
                true));
  }

  /** What became of a save. */
  @FunctionalInterface
  public interface SaveOutcome {
    void done(String message, boolean failed);
  }

  /**
   * The id of the step a warning or problem path names ({@code spec.steps[2].with.jq} → the third
   * step's id), in the experiment the text was exported from.
   */
  public Optional<String> stepOf(String path) {
    Matcher m = STEP_PATH.matcher(path);
    if (!m.find()) {
      return Optional.empty();
    }
    int index = Integer.parseInt(m.group(1));
    Experiment source = errors.get().isEmpty() ? exported : document.experiment();
    var steps = source.spec().steps();
    return index < steps.size() ? Optional.of(steps.get(index).id()) : Optional.empty();
  }

  /**
   * A file name for Save: the class name for Java ({@code CheckoutChaosTest.java}), else the
   * experiment's name and the format ({@code checkout-chaos-mesh.yaml}).
   */
  public String suggestedFileName() {
    ExportFormat chosen = format.get();
    String name = document.experiment().metadata().name();
    return switch (chosen) {
      case JAVA -> {
        String given = className.get() == null ? "" : className.get().strip();
        String simple = given.substring(given.lastIndexOf('.') + 1);
        yield (simple.isEmpty() ? javaName(name) : simple) + ".java";
      }
      case YAML -> name + ".yaml";
      default -> name + "-" + chosen.cliName() + "." + chosen.extension();
    };
  }

  /** {@code checkout-freeze} → {@code CheckoutFreezeChaosTest}, as the Java exporter names it. */
  private static String javaName(String experimentName) {
    StringBuilder out = new StringBuilder();
    for (String part : experimentName.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    if (out.isEmpty() || !Character.isJavaIdentifierStart(out.charAt(0))) {
      out.insert(0, "Experiment");
    }
    return out + "ChaosTest";
  }

  /** The disposable cluster when asked for; manifests are separated by commas. */
  private K3sCluster k3sCluster() {
    if (!k3s.get()) {
      return null;
    }
    String manifests = k3sManifests.get() == null ? "" : k3sManifests.get();
    return new K3sCluster(
        K3sCluster.DEFAULT_IMAGE,
        Arrays.stream(manifests.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public ObjectProperty<ExportFormat> formatProperty() {
    return format;
  }

  /** The Chaos Mesh namespace; blank: the exporter's default. */
  public StringProperty namespaceProperty() {
    return namespace;
  }

  /** The Java class name, optionally qualified; blank: derived from the experiment's name. */
  public StringProperty classNameProperty() {
    return className;
  }

  /**
   * The Java test starts a disposable K3s cluster with Testcontainers instead of using kubectl's.
   */
  public BooleanProperty k3sProperty() {
    return k3s;
  }

  /** Manifests the K3s test applies before the run, separated by commas; paths from its root. */
  public StringProperty k3sManifestsProperty() {
    return k3sManifests;
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** The exported text; empty unless {@link State#READY} (or computing after it). */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** One sentence on the outcome, for the line above the warnings. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** What the format could not carry over, in step order. */
  public ReadOnlyObjectProperty<List<ConversionWarning>> warningsProperty() {
    return warnings.getReadOnlyProperty();
  }

  /** The validation errors that keep the experiment from being exported. */
  public ReadOnlyObjectProperty<List<Problem>> errorsProperty() {
    return errors.getReadOnlyProperty();
  }
}
