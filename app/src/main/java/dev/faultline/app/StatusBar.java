package dev.faultline.app;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The strip at the bottom of the window that shows the latest message. */
final class StatusBar extends HBox {

  StatusBar(MainViewModel viewModel) {
    setId("status-bar");
    getStyleClass().add("status-bar");
    setAlignment(Pos.CENTER_LEFT);

    Label message = new Label();
    message.setId("status-message");
    message.getStyleClass().add("status-message");
    message.textProperty().bind(viewModel.statusTextProperty());
    message.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(message, Priority.ALWAYS);
    viewModel
        .statusErrorProperty()
        .subscribe(error -> message.pseudoClassStateChanged(Styles.STATE_DANGER, error));

    Label version = new Label(AppVersion.current());
    version.getStyleClass().add("status-version");

    getChildren().addAll(message, version);
  }
}
