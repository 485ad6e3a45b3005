package dev.faultline.app;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;

/**
 * A warning above the canvas when crashed runs left faults open in the cluster: which runs, on
 * which contexts, the {@code faultline cleanup} command, and a button that rolls them back now.
 * Dismissable; it comes back at the next start while the faults stay open. Hidden (and taking no
 * space) otherwise.
 */
final class LeftoverBanner extends StackPane {
  LeftoverBanner(MainViewModel viewModel, Runnable cleanUp) {
    setId("leftover-banner");
    setPadding(new Insets(8, 12, 0, 12));
    Message message = new Message("Faults left open by a crashed run", "");
    message.getStyleClass().add(Styles.WARNING);
    message.descriptionProperty().bind(viewModel.leftoverWarningProperty());
    message.setOnClose(event -> viewModel.dismissLeftoverWarning());
    Button rollBack = new Button("Roll Back Now");
    rollBack.setId("leftover-rollback");
    rollBack.getStyleClass().add(Styles.SMALL);
    rollBack.disableProperty().bind(viewModel.cleaningUpProperty());
    rollBack
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(viewModel.cleaningUpProperty())
                .then("Rolling back\u2026")
                .otherwise("Roll Back Now"));
    rollBack.setOnAction(event -> cleanUp.run());
    StackPane.setAlignment(rollBack, javafx.geometry.Pos.BOTTOM_RIGHT);
    StackPane.setMargin(rollBack, new Insets(0, 44, 10, 0));
    getChildren().addAll(message, rollBack);
    visibleProperty().bind(viewModel.leftoverWarningProperty().isNotEmpty());
    managedProperty().bind(visibleProperty());
  }
}
