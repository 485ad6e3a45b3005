package dev.faultline.app;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.layout.StackPane;

/**
 * A warning above the canvas when crashed runs left faults open in the cluster: which runs, on
 * which contexts, and the {@code faultline cleanup} command that rolls them back. Dismissable; it
 * comes back at the next start while the faults stay open. Hidden (and taking no space) otherwise.
 */
final class LeftoverBanner extends StackPane {
  LeftoverBanner(MainViewModel viewModel) {
    setId("leftover-banner");
    setPadding(new Insets(8, 12, 0, 12));
    Message message = new Message("Faults left open by a crashed run", "");
    message.getStyleClass().add(Styles.WARNING);
    message.descriptionProperty().bind(viewModel.leftoverWarningProperty());
    message.setOnClose(event -> viewModel.dismissLeftoverWarning());
    getChildren().add(message);
    visibleProperty().bind(viewModel.leftoverWarningProperty().isNotEmpty());
    managedProperty().bind(visibleProperty());
  }
}
