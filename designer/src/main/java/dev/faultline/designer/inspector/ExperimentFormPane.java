package dev.faultline.designer.inspector;

import atlantafx.base.theme.Styles;
import dev.faultline.designer.inspector.InspectorForm.ExperimentForm;
import dev.faultline.designer.inspector.InspectorForm.TargetSection;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The experiment form: name and safety settings, then the targets, each in its own editor. */
final class ExperimentFormPane extends VBox {

  private final InspectorViewModel model;

  ExperimentFormPane(InspectorViewModel model, ExperimentForm form) {
    this.model = model;
    getStyleClass().add("experiment-form");
    form.sections().forEach(section -> getChildren().add(Sheet.section(section)));

    Button add = new Button("Add target");
    add.getStyleClass().addAll(Styles.SMALL);
    add.setOnAction(e -> model.addTarget());
    Label title = Sheet.sectionTitle("Targets");
    HBox.setHgrow(title, Priority.ALWAYS);
    HBox header = new HBox(title, add);
    header.setAlignment(Pos.BOTTOM_LEFT);
    header.getStyleClass().add("inspector-section-header");
    getChildren().add(header);

    if (form.targets().isEmpty()) {
      Label none = new Label("No targets yet. Attacks act on a target: add one here.");
      none.setWrapText(true);
      none.getStyleClass().add("field-help");
      getChildren().add(none);
    }
    for (TargetSection target : form.targets()) {
      getChildren().add(targetPane(target));
    }
    // Working on a target's fields previews its pods (when no step is selected). Followed through
    // the scene's focus owner, only while this form is in a scene: forms are rebuilt often.
    sceneProperty()
        .subscribe(
            scene -> {
              if (focusSubscription != null) {
                focusSubscription.unsubscribe();
                focusSubscription = null;
              }
              if (scene != null) {
                focusSubscription = scene.focusOwnerProperty().subscribe(this::focused);
              }
            });
  }

  private static final String TARGET_KEY = "faultline.target";
  private javafx.util.Subscription focusSubscription;

  private void focused(javafx.scene.Node owner) {
    for (javafx.scene.Node n = owner; n != null && n != this; n = n.getParent()) {
      if (n.getProperties().get(TARGET_KEY) instanceof String name) {
        model.focusTarget(name);
        return;
      }
    }
  }

  private TitledPane targetPane(TargetSection target) {
    TextField name = new TextField(target.name());
    name.setId("target-name-" + target.name());
    name.setAccessibleText("Target name");
    name.setOnAction(e -> rename(target, name));
    name.focusedProperty()
        .addListener(
            (obs, was, focused) -> {
              if (!focused && name.getScene() != null) {
                rename(target, name);
              }
            });
    HBox.setHgrow(name, Priority.ALWAYS);
    Button remove = new Button("Remove");
    remove.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, Styles.FLAT);
    remove.setOnAction(e -> model.removeTarget(target.name()));
    remove.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    Label nameLabel = new Label("name");
    nameLabel.getStyleClass().add("inspector-label");
    nameLabel.setMinWidth(FieldRow.LABEL_WIDTH - Sheet.FOLD_INDENT);
    nameLabel.setPrefWidth(FieldRow.LABEL_WIDTH - Sheet.FOLD_INDENT);
    HBox nameRow = new HBox(nameLabel, name, remove);
    nameRow.setSpacing(8);
    nameRow.setAlignment(Pos.CENTER_LEFT);
    nameRow.getStyleClass().add("inspector-row");
    VBox content = new VBox(nameRow, Sheet.rows(target, model));
    TitledPane pane = Sheet.collapsible(target.name() + " \u00b7 " + target.kind(), content, true);
    pane.getProperties().put(TARGET_KEY, target.name());
    return pane;
  }

  private void rename(TargetSection target, TextField name) {
    if (model.renameTarget(target.name(), name.getText()).isPresent()) {
      name.setText(target.name());
    }
  }
}
