package dev.faultline.designer.preview;

import dev.faultline.target.ZoneGroup;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;

/**
 * The zone → node grouping of a topology blast radius: one row per zone ("zone-a: 1 of 2 nodes, 4
 * pods"), its nodes below (● chosen, ○ not, with selected/matched pods). Chosen zones start
 * expanded, the others collapsed. Hidden when the target has no topology. Rebuilt only when the
 * groups differ from those shown.
 */
final class ZoneTree extends VBox {
  /** One row's height; the tree grows with its expanded rows up to {@link #MAX_ROWS}. */
  private static final double ROW = 22;

  /** Two chosen zones of two nodes and one collapsed zone fit; more rows scroll. */
  private static final int MAX_ROWS = 7;

  private final Label title = new Label();
  private final TreeView<String> tree = new TreeView<>(new TreeItem<>());
  private List<ZoneGroup> shown = List.of();

  ZoneTree() {
    super(2);
    setId("preview-zones");
    getStyleClass().add("preview-zones");
    title.getStyleClass().add("preview-zones-title");
    tree.setShowRoot(false);
    tree.getStyleClass().add("dense");
    tree.setFixedCellSize(ROW);
    getChildren().addAll(title, tree);
    show(List.of());
  }

  void show(List<ZoneGroup> zones) {
    if (zones.equals(shown) && !zones.isEmpty()) {
      return;
    }
    shown = zones;
    setVisible(!zones.isEmpty());
    setManaged(!zones.isEmpty());
    title.setText(title(zones));
    var root = tree.getRoot();
    root.getChildren().clear();
    for (ZoneGroup zone : zones) {
      var item = new TreeItem<>(zone.summary());
      for (ZoneGroup.NodeGroup node : zone.nodes()) {
        item.getChildren().add(new TreeItem<>(nodeRow(node)));
      }
      item.setExpanded(zone.chosen());
      item.expandedProperty().addListener((o, was, now) -> fitHeight());
      root.getChildren().add(item);
    }
    fitHeight();
  }

  /** As tall as the visible rows, so a short grouping leaves the pod table its room. */
  private void fitHeight() {
    int rows = 0;
    for (TreeItem<String> zone : tree.getRoot().getChildren()) {
      rows += 1 + (zone.isExpanded() ? zone.getChildren().size() : 0);
    }
    double height = Math.min(Math.max(rows, 1), MAX_ROWS) * ROW + 2;
    tree.setPrefHeight(height);
    tree.setMinHeight(height);
    tree.setMaxHeight(height);
  }

  /** "Zones: 2 of 3 chosen". */
  static String title(List<ZoneGroup> zones) {
    long known = zones.stream().filter(z -> !z.unknown()).count();
    long chosen = zones.stream().filter(ZoneGroup::chosen).count();
    return "Zones: " + chosen + " of " + known + " chosen";
  }

  /** "● sandbox-node-1 4/4 pods": chosen or not, selected of matched pods. */
  static String nodeRow(ZoneGroup.NodeGroup node) {
    return (node.chosen() ? "● " : "○ ")
        + (node.node().isEmpty() ? "(unscheduled)" : node.node())
        + "  "
        + node.selected()
        + "/"
        + node.matched()
        + " pods";
  }

  /** The rows shown, zone summaries and their node rows, for tests. */
  List<String> rows() {
    return tree.getRoot().getChildren().stream()
        .flatMap(
            z ->
                java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(z.getValue()),
                    z.getChildren().stream().map(n -> "  " + n.getValue())))
        .filter(Objects::nonNull)
        .toList();
  }

  String titleText() {
    return title.getText();
  }
}
