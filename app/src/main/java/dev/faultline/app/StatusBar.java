package dev.faultline.app;

import atlantafx.base.theme.Styles;
import dev.faultline.app.connection.ConnectionStatus;
import dev.faultline.app.connection.ConnectionViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The strip at the bottom of the window: the latest message on the left, the cluster connection and
 * the version on the right.
 */
final class StatusBar extends HBox {

  StatusBar(MainViewModel viewModel, ConnectionViewModel connection) {
    setId("status-bar");
    getStyleClass().add("status-bar");
    setAlignment(Pos.CENTER_LEFT);

    Label message = new Label();
    message.setId("status-message");
    message.getStyleClass().add("status-message");
    message.textProperty().bind(viewModel.statusTextProperty());
    message.setMaxWidth(Double.MAX_VALUE);
    // Both texts shrink with an ellipsis in a narrow window; the message gives way first.
    message.setMinWidth(0);
    HBox.setHgrow(message, Priority.ALWAYS);
    viewModel
        .statusErrorProperty()
        .subscribe(error -> message.pseudoClassStateChanged(Styles.STATE_DANGER, error));

    Label version = new Label(AppVersion.current());
    version.getStyleClass().add("status-version");

    ConnectionStatus cluster = new ConnectionStatus(connection);
    cluster.setMinWidth(120);

    getChildren().addAll(message, cluster, version);
  }

  /** Shows {@code notice} (the update notice) between the message and the cluster. */
  void addNotice(javafx.scene.Node notice) {
    getChildren().add(1, notice);
  }
}
