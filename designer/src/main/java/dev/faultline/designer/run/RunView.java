package dev.faultline.designer.run;

import dev.faultline.designer.run.chart.ProbeChart;
import dev.faultline.engine.Verdict;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The console of a running experiment: a run bar with the emergency stop, pause/resume, cancel,
 * status, elapsed time and fault counters; a gate bar while a gate waits; the timeline slot; a grid
 * of live probe charts; the pod strip and event log slots; and a note field that pins notes to the
 * timeline. After the run, "Save report…" writes the HTML report.
 *
 * <p>The slots are {@link RunEventSink} nodes built elsewhere; register them with {@link
 * RunViewModel#addSink} so they receive the same batches. Add {@link #stylesheet()} and {@link
 * ProbeChart#stylesheet()} to the scene, and register {@link #EMERGENCY_STOP} as a window-wide
 * accelerator that calls {@link RunViewModel#emergencyStop()}.
 */
public final class RunView extends Region {
  /** The emergency stop's shortcut, Ctrl+Shift+X (Cmd+Shift+X on macOS). */
  public static final KeyCombination EMERGENCY_STOP =
      new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

  static final PseudoClass WAITING = PseudoClass.getPseudoClass("waiting");
  private static final PseudoClass OPEN_FAULTS = PseudoClass.getPseudoClass("open-faults");
  private static final List<String> STATUS_CLASSES =
      List.of(
          "status-starting",
          "status-running",
          "status-paused",
          "status-stopping",
          "status-passed",
          "status-failed",
          "status-aborted",
          "status-error");

  private final RunViewModel model;
  private final BorderPane root = new BorderPane();
  private final Button emergencyStop = new Button("EMERGENCY STOP");
  private final Button pauseResume = new Button("Pause");
  private final Button cancel = new Button("Cancel");
  private final Label status = new StatusPill();
  private final Button saveReport = new Button("Save report…");
  private final Label reportStatus = new Label();
  private final TextField noteText = new TextField();
  private final Button addNote = new Button("Add note");
  private final ProbeChartGrid charts;
  private Function<Window, Optional<Path>> reportChooser = this::chooseWithDialog;

  /**
   * @param timeline the run's timeline (top), {@code null} for none
   * @param podStrip per-pod status (bottom left), {@code null} for none
   * @param eventLog the event log (bottom right), {@code null} for none
   */
  public RunView(RunViewModel model, Node timeline, Node podStrip, Node eventLog) {
    this.model = Objects.requireNonNull(model, "model");
    getStyleClass().add("run-view");
    charts = new ProbeChartGrid(model);
    root.setTop(new VBox(runBar(), new GateBar(model)));
    root.setCenter(body(timeline, podStrip, eventLog));
    root.setBottom(noteBar());
    getChildren().add(root);
  }

  /** The stylesheet of the run view; add it (and the chart's) to the scene. */
  public static String stylesheet() {
    return Objects.requireNonNull(RunView.class.getResource("run.css")).toExternalForm();
  }

  /**
   * Sets how "Save report…" asks for a file: given the window, a path or empty for cancelled. The
   * default shows a {@link FileChooser}; tests pass a fixed path.
   */
  public void setReportChooser(Function<Window, Optional<Path>> chooser) {
    this.reportChooser = Objects.requireNonNull(chooser, "chooser");
  }

  public RunViewModel model() {
    return model;
  }

  /** The live charts, one per probe. */
  public List<ProbeChart> charts() {
    return charts.charts();
  }

  @Override
  protected void layoutChildren() {
    root.resizeRelocate(0, 0, getWidth(), getHeight());
  }

  @Override
  protected double computePrefWidth(double height) {
    return root.prefWidth(height);
  }

  @Override
  protected double computePrefHeight(double width) {
    return root.prefHeight(width);
  }

  @Override
  protected double computeMinWidth(double height) {
    return root.minWidth(height);
  }

  @Override
  protected double computeMinHeight(double width) {
    return root.minHeight(width);
  }

  private HBox runBar() {
    emergencyStop.setId("emergency-stop");
    emergencyStop.getStyleClass().add("emergency-stop");
    emergencyStop.setGraphic(glyph("M5 5 H19 V19 H5 Z", "stop-glyph"));
    emergencyStop.setTooltip(
        new Tooltip(
            "Stop the run now and roll back every fault ("
                + EMERGENCY_STOP.getDisplayText()
                + ")"));
    emergencyStop.setMinWidth(Region.USE_PREF_SIZE);
    emergencyStop.setOnAction(e -> model.emergencyStop());
    emergencyStop.disableProperty().bind(model.phaseProperty().isEqualTo(RunPhase.FINISHED));

    pauseResume.setId("pause-resume");
    pauseResume.getStyleClass().add("run-command");
    pauseResume.setMinWidth(Region.USE_PREF_SIZE);
    pauseResume.setOnAction(
        e -> {
          if (model.phase() == RunPhase.PAUSED) {
            model.resume();
          } else {
            model.pause();
          }
        });
    cancel.setId("cancel-run");
    cancel.getStyleClass().add("run-command");
    cancel.setMinWidth(Region.USE_PREF_SIZE);
    cancel.setTooltip(new Tooltip("End the run and roll back every fault; the verdict is aborted"));
    cancel.setOnAction(e -> model.cancel());

    status.setId("run-status");
    status.getStyleClass().add("run-status");
    status.textProperty().bind(model.statusTextProperty());
    status.setMaxWidth(Region.USE_PREF_SIZE);
    status.setTooltip(new Tooltip());
    status.getTooltip().textProperty().bind(model.statusTextProperty());
    Label dry = new Label("DRY RUN");
    dry.getStyleClass().add("dry-run-badge");
    dry.visibleProperty().bind(model.dryRunProperty());
    dry.managedProperty().bind(model.dryRunProperty());

    Label elapsed = new Label();
    elapsed.setId("run-elapsed");
    elapsed.getStyleClass().add("run-elapsed");
    elapsed.textProperty().bind(model.elapsedTextProperty());
    elapsed.setMinWidth(Region.USE_PREF_SIZE);

    VBox applied = counter("applied", model.faultsAppliedProperty(), "fault-applied");
    VBox rolledBack = counter("rolled back", model.faultsRolledBackProperty(), "fault-rolled-back");
    VBox open = counter("open", model.faultsOpenProperty(), "fault-open");
    open.setId("faults-open");
    model
        .faultsOpenProperty()
        .addListener(
            (o, old, now) -> open.pseudoClassStateChanged(OPEN_FAULTS, now.intValue() > 0));
    HBox counters = new HBox(2, applied, rolledBack, open);
    counters.getStyleClass().add("fault-counters");
    counters.setAlignment(Pos.CENTER);

    saveReport.setId("save-report");
    saveReport.getStyleClass().add("save-report");
    saveReport.setMinWidth(Region.USE_PREF_SIZE);
    saveReport.visibleProperty().bind(model.phaseProperty().isEqualTo(RunPhase.FINISHED));
    saveReport.managedProperty().bind(saveReport.visibleProperty());
    saveReport.disableProperty().bind(model.savingReportProperty());
    saveReport.setOnAction(
        e ->
            reportChooser
                .apply(getScene() == null ? null : getScene().getWindow())
                .ifPresent(model::saveReport));
    reportStatus.getStyleClass().add("report-status");
    reportStatus.textProperty().bind(model.reportStatusProperty());
    // Empty, it would still cost the bar a gap; the bar has none to spare at 700 px.
    reportStatus.managedProperty().bind(reportStatus.textProperty().isNotEmpty());

    // Which loop runs, or the pause between loops: next to the status, which says what this loop
    // does. Kept whole (the status gives way first) while the run goes on. At the end the verdict
    // names the loop that decided it ("loop 2 of 5 failed: …", "all 5 loops passed"), so the
    // label gives its room to Save report… and the counters of a narrow finished bar.
    Label loop = new Label();
    loop.setId("run-loop");
    loop.getStyleClass().add("run-loop");
    loop.textProperty().bind(model.loopTextProperty());
    loop.setMinWidth(Region.USE_PREF_SIZE);
    loop.visibleProperty()
        .bind(
            model
                .loopTextProperty()
                .isNotEmpty()
                .and(model.phaseProperty().isNotEqualTo(RunPhase.FINISHED)));
    loop.managedProperty().bind(loop.visibleProperty());

    HBox statusBox = new HBox(8, loop, status, dry);
    statusBox.setAlignment(Pos.CENTER_LEFT);
    // The status pill shrinks (its tooltip has the whole text) before a button goes off-screen,
    // down to StatusPill's minimum, and no further: below that it would be painted over.
    HBox.setHgrow(statusBox, Priority.ALWAYS);
    HBox bar =
        new HBox(
            8,
            emergencyStop,
            pauseResume,
            cancel,
            new Separator(Orientation.VERTICAL),
            statusBox,
            reportStatus,
            saveReport,
            new Separator(Orientation.VERTICAL),
            counters,
            new Separator(Orientation.VERTICAL),
            elapsed);
    bar.getStyleClass().add("run-bar");
    bar.setAlignment(Pos.CENTER_LEFT);

    model.phaseProperty().addListener((o, old, now) -> phaseChanged());
    model.verdictProperty().addListener((o, old, now) -> phaseChanged());
    phaseChanged();
    return bar;
  }

  private void phaseChanged() {
    RunPhase phase = model.phase();
    boolean paused = phase == RunPhase.PAUSED;
    pauseResume.setText(paused ? "Resume" : "Pause");
    pauseResume.setGraphic(
        paused
            ? glyph("M7 4 L20 12 L7 20 Z", "play-glyph")
            : glyph("M6 4 H10 V20 H6 Z M14 4 H18 V20 H14 Z", "pause-glyph"));
    pauseResume.setDisable(phase != RunPhase.RUNNING && phase != RunPhase.PAUSED);
    cancel.setDisable(phase == RunPhase.STOPPING || phase == RunPhase.FINISHED);
    // A finished run has nothing to pause, cancel or stop: those buttons give their room to the
    // verdict, Save report…, the counters and the elapsed time, which must stay readable at 700 px
    // (the palette is back then). The stop keeps its place as an icon so the bar does not jump.
    boolean finished = phase == RunPhase.FINISHED;
    for (Button command : List.of(pauseResume, cancel)) {
      command.setVisible(!finished);
      command.setManaged(!finished);
    }
    emergencyStop.setContentDisplay(finished ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
    noteText.setDisable(phase == RunPhase.FINISHED);
    addNote.setDisable(phase == RunPhase.FINISHED);
    status.getStyleClass().removeAll(STATUS_CLASSES);
    Verdict verdict = model.verdictProperty().get();
    String look =
        phase == RunPhase.FINISHED && verdict != null
            ? verdict.word()
            : phase.name().toLowerCase(Locale.ROOT);
    status.getStyleClass().add("status-" + look);
  }

  /**
   * The status label: whole while it fits, else shortened with an ellipsis, but never narrower than
   * a readable verdict ("PASSED: all…"): short states such as "Running" keep their own width.
   */
  private static final class StatusPill extends Label {
    private static final double READABLE = 140;

    @Override
    protected double computeMinWidth(double height) {
      return Math.min(READABLE, computePrefWidth(height));
    }
  }

  private static VBox counter(
      String caption, javafx.beans.property.ReadOnlyIntegerProperty value, String id) {
    Label number = new Label();
    number.getStyleClass().add("counter-value");
    number.setId(id);
    number.textProperty().bind(value.asString());
    Label text = new Label(caption);
    text.getStyleClass().add("counter-caption");
    text.setMinWidth(Region.USE_PREF_SIZE);
    number.setMinWidth(Region.USE_PREF_SIZE);
    VBox box = new VBox(0, number, text);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("fault-counter");
    return box;
  }

  private SplitPane body(Node timeline, Node podStrip, Node eventLog) {
    ScrollPane chartScroll = new ScrollPane(charts);
    chartScroll.setFitToWidth(true);
    chartScroll.setFitToHeight(true);
    chartScroll.getStyleClass().add("charts-scroll");
    Label chartsTitle = new Label("Probes");
    chartsTitle.getStyleClass().add("section-title");
    VBox chartSection = new VBox(4, chartsTitle, chartScroll);
    chartSection.getStyleClass().add("charts-section");
    VBox.setVgrow(chartScroll, Priority.ALWAYS);

    // Without a log slot (the window shows the log elsewhere) the pod strip takes the width.
    Node bottom;
    if (eventLog == null) {
      bottom = slot(podStrip, "pod-strip-slot");
    } else {
      SplitPane split =
          new SplitPane(slot(podStrip, "pod-strip-slot"), slot(eventLog, "event-log-slot"));
      split.setDividerPositions(0.45);
      bottom = split;
    }
    SplitPane body = new SplitPane(slot(timeline, "timeline-slot"), chartSection, bottom);
    body.setOrientation(Orientation.VERTICAL);
    // The timeline's three lanes and axis need about 110 px; charts get the most of the rest.
    body.setDividerPositions(0.24, 0.76);
    body.getStyleClass().add("run-body");
    SplitPane.setResizableWithParent(body.getItems().getFirst(), false);
    return body;
  }

  private static StackPane slot(Node content, String styleClass) {
    StackPane slot = content == null ? new StackPane() : new StackPane(content);
    slot.getStyleClass().addAll("run-slot", styleClass);
    slot.setMinHeight(60);
    return slot;
  }

  private HBox noteBar() {
    noteText.setId("note-text");
    noteText.setPromptText("Note for the timeline, e.g. “alert fired in #oncall”, then Enter");
    noteText.setOnAction(e -> submitNote());
    HBox.setHgrow(noteText, Priority.ALWAYS);
    // The field gives way first on a narrow window, never the button that adds the note.
    noteText.setPrefColumnCount(12);
    noteText.setMinWidth(120);
    addNote.setId("add-note");
    addNote.setMinWidth(Region.USE_PREF_SIZE);
    addNote.setOnAction(e -> submitNote());
    Label last = new Label();
    last.getStyleClass().add("last-note");
    last.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  var notes = model.notes();
                  if (notes.isEmpty()) {
                    return "";
                  }
                  var note = notes.getLast();
                  return notes.size()
                      + (notes.size() == 1 ? " note" : " notes")
                      + " · last by "
                      + note.author();
                },
                model.notes()));
    last.setMinWidth(Region.USE_PREF_SIZE);
    Label label = new Label("Note");
    label.getStyleClass().add("note-label");
    HBox bar = new HBox(8, label, noteText, addNote, last);
    bar.getStyleClass().add("note-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private void submitNote() {
    String text = noteText.getText();
    if (text == null || text.isBlank()) {
      return;
    }
    model.addNote(text);
    noteText.clear();
  }

  private Optional<Path> chooseWithDialog(Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save run report");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML report", "*.html"));
    chooser.setInitialFileName(model.experiment().metadata().name() + "-report.html");
    File file = chooser.showSaveDialog(owner);
    return Optional.ofNullable(file).map(File::toPath);
  }

  private static Node glyph(String content, String styleClass) {
    SVGPath path = new SVGPath();
    path.setContent(content);
    path.getStyleClass().addAll("run-glyph", styleClass);
    path.setScaleX(14 / 24.0);
    path.setScaleY(14 / 24.0);
    return new javafx.scene.Group(path);
  }
}
