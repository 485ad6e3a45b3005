package dev.faultline.app.connection;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Styles nodes by connection phase: pseudo-classes {@code :connecting}, {@code :connected}, {@code
 * :failed}, {@code :syncing}, {@code :stale}.
 */
final class PhaseStyle {

  static final PseudoClass CONNECTING = PseudoClass.getPseudoClass("connecting");
  static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");
  static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
  static final PseudoClass SYNCING = PseudoClass.getPseudoClass("syncing");
  static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

  private PhaseStyle() {}

  /** Keeps {@code node}'s pseudo-classes in step with {@code phase}. */
  static void follow(Node node, ObservableValue<ConnectionViewModel.Phase> phase) {
    phase.subscribe(
        current -> {
          node.pseudoClassStateChanged(CONNECTING, current == ConnectionViewModel.Phase.CONNECTING);
          // Live is connected and following changes: the same green light.
          node.pseudoClassStateChanged(
              CONNECTED,
              current == ConnectionViewModel.Phase.CONNECTED
                  || current == ConnectionViewModel.Phase.LIVE);
          node.pseudoClassStateChanged(SYNCING, current == ConnectionViewModel.Phase.SYNCING);
          node.pseudoClassStateChanged(STALE, current == ConnectionViewModel.Phase.STALE);
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
