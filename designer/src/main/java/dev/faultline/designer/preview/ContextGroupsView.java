package dev.faultline.designer.preview;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The targets of a multi-cluster experiment under one heading per context ("east (connected) ·
 * live", "west · live"), each target with how many pods it picks there, and a context that cannot
 * be opened with its reason. Hidden for a single-cluster experiment. Rebuilt only when the groups
 * change, which the view model does at most once per frame.
 */
final class ContextGroupsView extends VBox {

  ContextGroupsView(PreviewViewModel model) {
    super(2);
    setId("preview-contexts");
    getStyleClass().add("preview-contexts");
    visibleProperty().bind(model.groupsProperty().map(g -> !g.isEmpty()));
    managedProperty().bind(visibleProperty());
    model.groupsProperty().addListener((o, was, now) -> show(now));
    show(model.groups());
  }

  private void show(List<ContextGroup> groups) {
    getChildren().clear();
    for (ContextGroup group : groups) {
      Label heading = new Label(group.heading());
      heading.getStyleClass().add("preview-context-heading");
      heading.setId("preview-context-" + group.context());
      getChildren().add(heading);
      if (group.message() != null) {
        Label message = new Label(group.message());
        message.setWrapText(true);
        message.getStyleClass().addAll("preview-context-message", "danger");
        getChildren().add(message);
      }
      for (ContextGroup.TargetLine line : group.targets()) {
        Label target = new Label(line.text());
        target.getStyleClass().add("preview-context-target");
        getChildren().add(target);
      }
    }
  }
}
