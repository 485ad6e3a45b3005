package dev.faultline.designer.preview;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.designer.fx.FullTextCell;
import dev.faultline.target.NodeCount;
import dev.faultline.target.SelectedPod;
import dev.faultline.target.TargetResolution;
import dev.faultline.target.TargetWarning;
import dev.faultline.target.WorkloadCount;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The live target preview panel: a header ("3 of 7 pods selected · target checkout · live"), the
 * engine's warnings, the zone → node grouping of a topology blast radius, the selected pods, and
 * counts per workload and per node.
 *
 * <p>It only shows {@link PreviewViewModel}'s state. Each part is replaced only when its list in
 * the new {@link TargetResolution} differs from the one shown ({@link dev.faultline.target
 * .LivePreview} reuses unchanged lists, so most comparisons are by identity), so a cluster change
 * elsewhere does not rebuild the tables. Add {@link #stylesheet()} to the scene.
 */
public final class PreviewView extends VBox {
  private final PreviewViewModel model;
  private final Label header = new Label();
  private final Label status = new Label();
  private final VBox warnings = new VBox(4);
  private final ZoneTree zones = new ZoneTree();
  private final ObservableList<SelectedPod> pods = FXCollections.observableArrayList();
  private final ObservableList<WorkloadCount> workloads = FXCollections.observableArrayList();
  private final ObservableList<NodeCount> nodes = FXCollections.observableArrayList();
  private final TableView<SelectedPod> podTable = new TableView<>();
  private final TableView<WorkloadCount> workloadTable = new TableView<>();
  private final TableView<NodeCount> nodeTable = new TableView<>();
  private final Label podsPlaceholder = new Label();
  private List<SelectedPod> shownPods = List.of();
  private List<WorkloadCount> shownWorkloads = List.of();
  private List<NodeCount> shownNodes = List.of();
  private List<TargetWarning> shownWarnings = List.of();

  public PreviewView(PreviewViewModel model) {
    this.model = Objects.requireNonNull(model, "model");
    getStyleClass().add("preview-view");

    header.setId("preview-header");
    header.getStyleClass().add("preview-header");
    header.textProperty().bind(model.headerProperty());
    header.setMaxWidth(Double.MAX_VALUE);
    HBox headerBar = new HBox(header);
    headerBar.setAlignment(Pos.CENTER_LEFT);
    headerBar.getStyleClass().add("preview-header-bar");

    status.setId("preview-status");
    status.getStyleClass().add("preview-status");
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());
    // With nothing to show the table's placeholder says why; above a resolution this line carries
    // what qualifies it (a stale cluster).
    status
        .visibleProperty()
        .bind(model.statusProperty().isNotEmpty().and(model.resolutionProperty().isNotNull()));
    status.managedProperty().bind(status.visibleProperty());

    warnings.setId("preview-warnings");
    warnings.getStyleClass().add("preview-warnings");
    warnings
        .managedProperty()
        .bind(javafx.beans.binding.Bindings.isNotEmpty(warnings.getChildren()));

    buildPodTable();
    buildWorkloadTable();
    buildNodeTable();
    HBox counts = new HBox(8, workloadTable, nodeTable);
    counts.getStyleClass().add("preview-counts");
    HBox.setHgrow(workloadTable, Priority.ALWAYS);
    HBox.setHgrow(nodeTable, Priority.ALWAYS);
    VBox stackedCounts = new VBox(8);
    stackedCounts.getStyleClass().add("preview-counts");

    getChildren()
        .addAll(headerBar, status, new ContextGroupsView(model), warnings, zones, podTable, counts);
    VBox.setVgrow(podTable, Priority.ALWAYS);
    // The pods are what matters; the counts keep to a few rows and scroll beyond.
    podTable.setMinHeight(110);
    for (TableView<?> table : List.of(workloadTable, nodeTable)) {
      table.setPrefHeight(COUNT_TABLE_HEIGHT);
      table.setMinHeight(COUNT_TABLE_HEIGHT);
      table.setMaxHeight(COUNT_TABLE_HEIGHT);
    }
    // Side by side the two count tables need room; in a narrow side panel they stack.
    widthProperty()
        .addListener(
            (obs, old, now) -> {
              boolean narrow = now.doubleValue() < NARROW;
              Pane wanted = narrow ? stackedCounts : counts;
              Pane other = narrow ? counts : stackedCounts;
              if (!getChildren().contains(wanted)) {
                wanted.getChildren().setAll(workloadTable, nodeTable);
                getChildren().set(getChildren().indexOf(other), wanted);
              }
            });

    model.resolutionProperty().addListener((o, was, now) -> show(now));
    show(model.resolution());
  }

  public PreviewViewModel model() {
    return model;
  }

  /** The stylesheet the app adds to the scene for this view. */
  public static String stylesheet() {
    return Objects.requireNonNull(PreviewView.class.getResource("preview.css"), "preview.css")
        .toExternalForm();
  }

  /** Replaces only the parts whose content changed. */
  private void show(TargetResolution resolution) {
    List<SelectedPod> p = resolution == null ? List.of() : resolution.selected();
    if (p != shownPods && !p.equals(shownPods)) {
      pods.setAll(p);
    }
    shownPods = p;
    List<WorkloadCount> w = resolution == null ? List.of() : resolution.workloads();
    if (w != shownWorkloads && !w.equals(shownWorkloads)) {
      workloads.setAll(w);
    }
    shownWorkloads = w;
    List<NodeCount> n = resolution == null ? List.of() : resolution.nodes();
    if (n != shownNodes && !n.equals(shownNodes)) {
      nodes.setAll(n);
    }
    shownNodes = n;
    zones.show(resolution == null ? List.of() : resolution.zones());
    List<TargetWarning> ws = resolution == null ? List.of() : resolution.warnings();
    if (!ws.equals(shownWarnings)) {
      warnings.getChildren().setAll(ws.stream().map(PreviewView::message).toList());
    }
    shownWarnings = ws;
  }

  private static Message message(TargetWarning warning) {
    var message = new Message(title(warning.type()), warning.message());
    message.getStyleClass().add(style(warning.type()));
    message.getStyleClass().add("preview-warning");
    return message;
  }

  private static String title(TargetWarning.Type type) {
    return switch (type) {
      case NO_MATCH -> "Nothing to hit";
      case PERCENT_ROUNDS_TO_ZERO -> "Blast radius rounds to zero";
      case WHOLE_WORKLOAD -> "Whole workload selected";
      case BUDGET_VIOLATION -> "Disruption budget exceeded";
      case DENIED_NAMESPACE -> "Namespaces left out by safety";
      case NOT_READY -> "Pods already not ready";
      case TERMINATING -> "Terminating pods";
      case UNSUPPORTED_KIND -> "No pod preview for this kind";
      case UNKNOWN_ZONE -> "Pods in no zone";
      case ZONE_NOT_FOUND -> "Zone not found";
      case FEWER_ZONES -> "Fewer zones than asked";
    };
  }

  /** An outage or a broken budget is dangerous; an empty selection is a warning; the rest notes. */
  private static String style(TargetWarning.Type type) {
    return switch (type) {
      case WHOLE_WORKLOAD, BUDGET_VIOLATION -> Styles.DANGER;
      case NO_MATCH, PERCENT_ROUNDS_TO_ZERO, NOT_READY, ZONE_NOT_FOUND -> Styles.WARNING;
      default -> Styles.ACCENT;
    };
  }

  private void buildPodTable() {
    podTable.setId("preview-pods");
    dense(podTable, "preview-pods");
    podsPlaceholder
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(model.statusProperty().isEmpty())
                .then("No pods selected")
                .otherwise(model.statusProperty()));
    podsPlaceholder.setWrapText(true);
    podsPlaceholder.getStyleClass().add("preview-placeholder");
    podTable.setPlaceholder(podsPlaceholder);
    TableColumn<SelectedPod, String> namespace = column("Namespace", 90, s -> s.pod().namespace());
    TableColumn<SelectedPod, String> workload = column("Workload", 150, s -> workload(s.pod()));
    podTable.getColumns().add(namespace);
    podTable.getColumns().add(column("Pod", 170, s -> s.pod().name()));
    podTable.getColumns().add(column("Node", 90, s -> orDash(s.pod().node())));
    podTable.getColumns().add(workload);
    podTable.getColumns().add(column("Containers", 90, s -> String.join(", ", s.containers())));
    // The side panel is narrow: namespace and workload (also in the counts below) start hidden,
    // and the table's menu button brings any column back.
    namespace.setVisible(false);
    workload.setVisible(false);
    podTable.setTableMenuButtonVisible(true);
    TableColumn<SelectedPod, String> state = column("Status", 90, s -> podState(s.pod()));
    state.setCellFactory(c -> new StateCell());
    podTable.getColumns().add(state);
    SortedList<SelectedPod> sorted = new SortedList<>(pods);
    sorted.comparatorProperty().bind(podTable.comparatorProperty());
    podTable.setItems(sorted);
  }

  /** A count table's height: its header and about three rows. */
  private static final double COUNT_TABLE_HEIGHT = 96;

  /** Below this width the count tables stack. */
  private static final double NARROW = 560;

  private void buildWorkloadTable() {
    workloadTable.setId("preview-workloads");
    dense(workloadTable, "preview-workloads");
    workloadTable.setPlaceholder(new Label("No workloads"));
    workloadTable.getColumns().add(column("Workload", 160, PreviewView::workload));
    workloadTable.getColumns().add(number("Selected", WorkloadCount::selected));
    workloadTable.getColumns().add(number("Matched", WorkloadCount::matched));
    workloadTable.getColumns().add(number("Replicas", WorkloadCount::replicas));
    workloadTable.setItems(workloads);
  }

  private void buildNodeTable() {
    nodeTable.setId("preview-nodes");
    dense(nodeTable, "preview-nodes");
    nodeTable.setPlaceholder(new Label("No nodes"));
    nodeTable
        .getColumns()
        .add(column("Node", 140, c -> c.node().isEmpty() ? "(unscheduled)" : c.node()));
    nodeTable.getColumns().add(number("Selected", NodeCount::selected));
    nodeTable.getColumns().add(number("Matched", NodeCount::matched));
    nodeTable.setItems(nodes);
  }

  private static void dense(TableView<?> table, String styleClass) {
    table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, styleClass);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
  }

  private static <S> TableColumn<S, String> column(
      String title, double width, Function<S, String> value) {
    TableColumn<S, String> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    // The side panel is narrow: names shorten, and the tooltip keeps them whole.
    column.setCellFactory(c -> new FullTextCell<>());
    column.setPrefWidth(width);
    column.setMinWidth(Math.min(width, 64));
    return column;
  }

  private static <S> TableColumn<S, Integer> number(
      String title, java.util.function.ToIntFunction<S> value) {
    TableColumn<S, Integer> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsInt(c.getValue())));
    column.getStyleClass().add("preview-number");
    column.setPrefWidth(70);
    // Wide enough for "Selected" / "Replicas" in the header, which is all that says what it counts.
    column.setMinWidth(66);
    column.setMaxWidth(90);
    return column;
  }

  static String workload(PodView pod) {
    return pod.workloadName().isEmpty()
        ? "(bare pod)"
        : pod.workloadKind() + "/" + pod.workloadName();
  }

  private static String workload(WorkloadCount count) {
    return count.name().isEmpty()
        ? count.namespace() + " (bare pods)"
        : count.namespace() + "/" + count.kind() + "/" + count.name();
  }

  static String podState(PodView pod) {
    if (pod.terminating()) {
      return pod.phase() + " · terminating";
    }
    return pod.phase() + (pod.ready() ? " · ready" : " · not ready");
  }

  private static String orDash(String value) {
    return value == null || value.isEmpty() ? "—" : value;
  }

  /** Colours a pod's status: ready pods plain, the others in the warning colour. */
  private static final class StateCell extends TableCell<SelectedPod, String> {
    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty ? null : item);
      getStyleClass().remove("preview-not-ready");
      if (!empty && getTableRow() != null && getTableRow().getItem() != null) {
        if (!getTableRow().getItem().pod().ready()) {
          getStyleClass().add("preview-not-ready");
        }
      }
    }
  }
}
