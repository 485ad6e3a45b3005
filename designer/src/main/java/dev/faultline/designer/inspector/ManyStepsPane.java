package dev.faultline.designer.inspector;

import atlantafx.base.theme.Styles;
import dev.faultline.designer.inspector.InspectorForm.ManyStepsForm;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Several steps selected: which ones, and Delete. */
final class ManyStepsPane extends VBox {

  ManyStepsPane(InspectorViewModel model, ManyStepsForm form) {
    super(8);
    getStyleClass().add("many-steps");
    Label count = new Label(form.ids().size() + " steps selected");
    count.getStyleClass().add(Styles.TITLE_4);
    VBox ids = new VBox(2);
    for (String id : form.ids()) {
      Label label = new Label(id);
      label.getStyleClass().addAll(FieldControl.MONOSPACE, "selected-id");
      ids.getChildren().add(label);
    }
    Button delete = new Button("Delete " + form.ids().size() + " Steps");
    delete.getStyleClass().add(Styles.DANGER);
    delete.setOnAction(e -> model.deleteSelected());
    getChildren().addAll(count, ids, delete);
  }
}
