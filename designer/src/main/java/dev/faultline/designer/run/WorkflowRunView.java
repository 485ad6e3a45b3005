package dev.faultline.designer.run;

import dev.faultline.workflow.NodePhase;
import dev.faultline.workflow.WorkflowNodeView;
import dev.faultline.workflow.WorkflowPhase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The live view of a Chaos Mesh Workflow run: a bar with the run's status and a Stop button that
 * deletes the Workflow, over a table of its WorkflowNodes as a tree (indented by depth) with type,
 * phase, start, duration and the chaos object each created. Phases take the run view's colours:
 * running accent, ended well green, failed red, aborted amber.
 */
public final class WorkflowRunView extends Region {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final List<String> STATUS_CLASSES =
      List.of(
          "status-starting",
          "status-running",
          "status-passed",
          "status-failed",
          "status-aborted",
          "status-stopping");

  private final WorkflowRunViewModel model;
  private final BorderPane root = new BorderPane();
  private final Button stop = new Button("Stop and delete Workflow");
  private final Label status = new Label();
  private final TableView<WorkflowNodeView> table = new TableView<>();

  public WorkflowRunView(WorkflowRunViewModel model) {
    this.model = Objects.requireNonNull(model, "model");
    setId("workflow-run-view");
    getStyleClass().addAll("run-view", "workflow-run-view");
    getStylesheets()
        .addAll(
            RunView.stylesheet(),
            Objects.requireNonNull(WorkflowRunView.class.getResource("workflow-run.css"))
                .toExternalForm());
    root.setTop(new VBox(bar(), exportWarnings()));
    root.setCenter(table());
    getChildren().add(root);
    model.phaseProperty().subscribe(this::restyle);
    model.stoppingProperty().subscribe(this::restyle);
    model.finishedProperty().subscribe(this::restyle);
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

  private HBox bar() {
    Label title = new Label(model.title());
    title.setId("workflow-title");
    title.getStyleClass().add("section-title");
    title.setMinWidth(Region.USE_PREF_SIZE);
    status.setId("workflow-status");
    status.getStyleClass().add("run-status");
    status.textProperty().bind(model.statusProperty());
    status.setMaxWidth(Region.USE_PREF_SIZE);
    status.setMinWidth(0);
    status.setTooltip(new Tooltip());
    status.getTooltip().textProperty().bind(model.statusProperty());
    stop.setId("workflow-stop");
    stop.getStyleClass().add("emergency-stop");
    stop.setMinWidth(Region.USE_PREF_SIZE);
    stop.setTooltip(
        new Tooltip("Delete the Workflow: Chaos Mesh deletes its chaos objects and recovers"));
    stop.setOnAction(e -> model.stop());
    stop.disableProperty().bind(model.finishedProperty().or(model.stoppingProperty()));
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(10, stop, title, grow, status);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add("run-bar");
    return bar;
  }

  /** What the export could not express: hidden when nothing was lost. */
  private Label exportWarnings() {
    Label warnings = new Label();
    warnings.setId("workflow-export-warnings");
    warnings.getStyleClass().add("export-warnings");
    warnings.textProperty().bind(model.exportWarningsProperty());
    warnings.setWrapText(true);
    warnings.setMaxWidth(Double.MAX_VALUE);
    warnings.setPadding(new Insets(0, 12, 8, 12));
    warnings.visibleProperty().bind(model.exportWarningsProperty().isNotEmpty());
    warnings.managedProperty().bind(warnings.visibleProperty());
    return warnings;
  }

  private TableView<WorkflowNodeView> table() {
    table.setId("workflow-nodes");
    table.setItems(model.nodes());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(
        new Label("Waiting for the Chaos Mesh controller to start the Workflow\u2026"));
    TableColumn<WorkflowNodeView, WorkflowNodeView> node = new TableColumn<>("Node");
    node.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
    node.setCellFactory(c -> new NodeCell());
    node.setPrefWidth(280);
    TableColumn<WorkflowNodeView, WorkflowNodeView> phase = new TableColumn<>("Phase");
    phase.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
    phase.setCellFactory(c -> new PhaseCell());
    phase.setPrefWidth(150);
    table
        .getColumns()
        .addAll(
            List.of(
                node,
                text("Type", 120, WorkflowNodeView::type),
                phase,
                text("Started", 90, n -> n.start() == null ? "" : CLOCK.format(n.start())),
                text("Duration", 90, n -> WorkflowRunViewModel.elapsed(n, Instant.now())),
                text("Chaos object", 320, WorkflowNodeView::chaos)));
    return table;
  }

  private static TableColumn<WorkflowNodeView, String> text(
      String title, double width, Function<WorkflowNodeView, String> value) {
    TableColumn<WorkflowNodeView, String> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    column.setPrefWidth(width);
    return column;
  }

  /** The phase's style suffix: {@code running}, {@code ended}, {@code failed}, {@code aborted}. */
  static String look(NodePhase phase) {
    return switch (phase) {
      case RUNNING -> "running";
      case ACCOMPLISHED, DEADLINE_EXCEEDED -> "ended";
      case FAILED -> "failed";
      case ABORTED -> "aborted";
    };
  }

  private static final class NodeCell extends TableCell<WorkflowNodeView, WorkflowNodeView> {
    @Override
    protected void updateItem(WorkflowNodeView item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      Circle dot = new Circle(5);
      dot.getStyleClass().addAll("wf-dot", "wf-" + look(item.phase()));
      setGraphic(dot);
      setGraphicTextGap(8);
      setPadding(new Insets(0, 0, 0, 6 + 18 * item.depth()));
      setText(item.template());
      setTooltip(new Tooltip(item.name()));
    }
  }

  private static final class PhaseCell extends TableCell<WorkflowNodeView, WorkflowNodeView> {
    @Override
    protected void updateItem(WorkflowNodeView item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        setTooltip(null);
        return;
      }
      Label pill = new Label(phaseText(item.phase()));
      pill.getStyleClass().addAll("wf-phase", "wf-" + look(item.phase()));
      setGraphic(pill);
      setTooltip(item.message().isEmpty() ? null : new Tooltip(item.message()));
    }
  }

  static String phaseText(NodePhase phase) {
    return switch (phase) {
      case RUNNING -> "Running";
      case ACCOMPLISHED -> "Accomplished";
      case DEADLINE_EXCEEDED -> "Deadline reached";
      case FAILED -> "Check failed";
      case ABORTED -> "Aborted";
    };
  }

  private void restyle() {
    status.getStyleClass().removeAll(STATUS_CLASSES);
    WorkflowPhase phase = model.phaseProperty().get();
    String look;
    if (model.stoppingProperty().get()) {
      look = "stopping";
    } else if (!model.finishedProperty().get()) {
      look = phase == WorkflowPhase.PENDING ? "starting" : "running";
    } else {
      look =
          switch (phase) {
            case ACCOMPLISHED, DEADLINE_EXCEEDED -> "passed";
            case ABORTED, STOPPED -> "aborted";
            default -> "failed";
          };
    }
    status.getStyleClass().add("status-" + look.toLowerCase(Locale.ROOT));
  }

  /** The table, for tests. */
  TableView<WorkflowNodeView> nodeTable() {
    return table;
  }
}
