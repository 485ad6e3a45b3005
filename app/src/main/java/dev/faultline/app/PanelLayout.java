package dev.faultline.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The window's panels around the canvas: palette left, inspector right, the bottom tabs (problems,
 * text) under the canvas. Each side panel can be hidden; its divider position comes back when it is
 * shown again.
 */
final class PanelLayout {

  static final double LEFT = 0.17;
  static final double RIGHT = 0.74;
  static final double BOTTOM = 0.68;

  private final SplitPane horizontal = new SplitPane();
  private final SplitPane vertical = new SplitPane();
  private final Node left;
  private final Node right;
  private final Node bottom;

  final BooleanProperty leftShown = new SimpleBooleanProperty(true);
  final BooleanProperty rightShown = new SimpleBooleanProperty(true);
  final BooleanProperty bottomShown = new SimpleBooleanProperty(true);

  private double leftDivider = LEFT;
  private double rightDivider = RIGHT;
  private double bottomDivider = BOTTOM;
  private double rightBeforeWidening = -1;

  PanelLayout(Node left, Node center, Node right, Node bottom) {
    this.left = left;
    this.right = right;
    this.bottom = bottom;
    horizontal.setId("main-split");
    vertical.setId("center-split");
    vertical.setOrientation(Orientation.VERTICAL);
    vertical.getItems().addAll(center, bottom);
    horizontal.getItems().addAll(left, vertical, right);
    SplitPane.setResizableWithParent(left, false);
    SplitPane.setResizableWithParent(right, false);
    SplitPane.setResizableWithParent(bottom, false);
    applyDividers();
    leftShown.addListener((obs, old, now) -> rebuild());
    rightShown.addListener((obs, old, now) -> rebuild());
    bottomShown.addListener((obs, old, now) -> rebuild());
  }

  /** The node to put in the window. */
  SplitPane root() {
    return horizontal;
  }

  /** Moves the bottom divider up to {@code position} (a fraction) unless it is higher already. */
  void showBottomAtLeast(double position) {
    remember();
    if (bottomDivider > position) {
      bottomDivider = position;
      applyDividers();
    }
  }

  /**
   * Widens the right panel to start at {@code position} (a fraction) for a while; {@link
   * #restoreRight} puts the divider back where the user had it. Not remembered in the layout file.
   */
  void widenRightTo(double position) {
    remember();
    if (rightBeforeWidening < 0) {
      rightBeforeWidening = rightDivider;
    }
    if (rightDivider > position) {
      rightDivider = position;
      applyDividers();
    }
  }

  /** Undoes {@link #widenRightTo}. */
  void restoreRight() {
    if (rightBeforeWidening >= 0) {
      rightDivider = rightBeforeWidening;
      rightBeforeWidening = -1;
      applyDividers();
    }
  }

  /** Divider positions as fractions: left, right, bottom (for the window layout file). */
  double[] dividers() {
    remember();
    double right = rightBeforeWidening >= 0 ? rightBeforeWidening : rightDivider;
    return new double[] {leftDivider, right, bottomDivider};
  }

  /** Restores remembered divider positions; values outside (0, 1) are ignored. */
  void setDividers(double leftAt, double rightAt, double bottomAt) {
    if (leftAt > 0 && leftAt < 0.5) {
      leftDivider = leftAt;
    }
    if (rightAt > 0.5 && rightAt < 1) {
      rightDivider = rightAt;
    }
    if (bottomAt > 0.2 && bottomAt < 1) {
      bottomDivider = bottomAt;
    }
    applyDividers();
  }

  private void remember() {
    double[] h = horizontal.getDividerPositions();
    int i = 0;
    if (horizontal.getItems().contains(left) && h.length > i) {
      leftDivider = h[i++];
    }
    if (horizontal.getItems().contains(right) && h.length > i) {
      rightDivider = h[i];
    }
    if (vertical.getItems().contains(bottom) && vertical.getDividerPositions().length > 0) {
      bottomDivider = vertical.getDividerPositions()[0];
    }
  }

  private void rebuild() {
    remember();
    horizontal.getItems().setAll(vertical);
    if (leftShown.get()) {
      horizontal.getItems().addFirst(left);
    }
    if (rightShown.get()) {
      horizontal.getItems().add(right);
    }
    Node center = vertical.getItems().getFirst();
    vertical.getItems().setAll(center);
    if (bottomShown.get()) {
      vertical.getItems().add(bottom);
    }
    applyDividers();
  }

  private void applyDividers() {
    int i = 0;
    if (horizontal.getItems().contains(left)) {
      horizontal.setDividerPosition(i++, leftDivider);
    }
    if (horizontal.getItems().contains(right)) {
      horizontal.setDividerPosition(i, rightDivider);
    }
    if (vertical.getItems().size() > 1) {
      vertical.setDividerPosition(0, bottomDivider);
    }
  }
}
