package dev.faultline.app.catalog;

import dev.faultline.designer.document.ExperimentDocument;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * File › Save to Cluster Catalog…: the namespace and a message; Save writes the next version in the
 * background and the dialog then shows its number (or why it could not), staying open until closed.
 */
public final class SaveCatalogDialog extends Dialog<Void> {

  public SaveCatalogDialog(
      Window owner, String clusterLabel, SaveCatalogViewModel model, ExperimentDocument document) {
    initOwner(owner);
    initModality(Modality.WINDOW_MODAL);
    setTitle("Save to Cluster Catalog");
    getDialogPane().setId("catalog-save");
    getDialogPane()
        .setHeaderText("Share " + document.experiment().metadata().name() + " in " + clusterLabel);

    TextField namespace = new TextField();
    namespace.setId("catalog-save-namespace");
    namespace.textProperty().bindBidirectional(model.namespaceProperty());
    TextField message = new TextField();
    message.setId("catalog-save-message");
    message.setPromptText("What changed, for the history");
    message.setPrefColumnCount(36);
    message.textProperty().bindBidirectional(model.messageProperty());
    ProgressIndicator progress = new ProgressIndicator();
    progress.setPrefSize(18, 18);
    progress.visibleProperty().bind(model.busyProperty());
    Label status = new Label();
    status.setId("catalog-save-status");
    status.setWrapText(true);
    status.setMaxWidth(520);
    status.textProperty().bind(model.statusProperty());
    ErrorStyle.follow(status, model.errorProperty());

    GridPane grid = new GridPane(10, 10);
    grid.addRow(0, new Label("Namespace"), namespace);
    grid.addRow(1, new Label("Message"), message);
    grid.add(new HBox(8, progress, status), 0, 2, 2, 1);
    getDialogPane().setContent(grid);

    ButtonType saveType = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().setAll(saveType, ButtonType.CLOSE);
    Button save = (Button) getDialogPane().lookupButton(saveType);
    save.setId("catalog-save-button");
    save.disableProperty().bind(model.busyProperty());
    save.addEventFilter(
        ActionEvent.ACTION,
        event -> {
          event.consume();
          model.save(document);
        });
    setResultConverter(button -> null);
  }
}
