package dev.faultline.app.connection;

import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;

/**
 * The connection in the status bar: a status light and {@code "faultline-sandbox · v1.35.0 · 19
 * pods in 5 namespaces"}, green when connected, red with the reason when not.
 */
public final class ConnectionStatus extends Label {

  /**
   * Builds the label for a view model.
   *
   * @param viewModel the connection it shows
   */
  public ConnectionStatus(ConnectionViewModel viewModel) {
    setId("connection-status");
    getStyleClass().add("connection-status");
    setGraphic(PhaseStyle.dot(viewModel.phaseProperty()));
    PhaseStyle.follow(this, viewModel.phaseProperty());
    textProperty().bind(viewModel.statusTextProperty());
    setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
    setMnemonicParsing(false);
    Tooltip tooltip = new Tooltip();
    tooltip.textProperty().bind(viewModel.detailsProperty());
    setTooltip(tooltip);
  }
}
