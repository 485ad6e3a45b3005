package dev.faultline.app.connection;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Styles nodes by connection phase: pseudo-classes {@code :connecting}, {@code :connected}, {@code
 * :failed}.
 */
final class PhaseStyle {

  static final PseudoClass CONNECTING = PseudoClass.getPseudoClass("connecting");
  static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");
  static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

  private PhaseStyle() {}

  /** Keeps {@code node}'s pseudo-classes in step with {@code phase}. */
  static void follow(Node node, ObservableValue<ConnectionViewModel.Phase> phase) {
    phase.subscribe(
        current -> {
          node.pseudoClassStateChanged(CONNECTING, current == ConnectionViewModel.Phase.CONNECTING);
          node.pseudoClassStateChanged(CONNECTED, current == ConnectionViewModel.Phase.CONNECTED);
          node.pseudoClassStateChanged(FAILED, current == ConnectionViewModel.Phase.FAILED);
        });
  }

  /** A small round status light that follows {@code phase}. */
  static Region dot(ObservableValue<ConnectionViewModel.Phase> phase) {
    Region dot = new Region();
    dot.getStyleClass().add("connection-dot");
    dot.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    dot.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    follow(dot, phase);
    return dot;
  }
}
