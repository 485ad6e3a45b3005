package dev.faultline.designer.inspector;

import dev.faultline.designer.inspector.InspectorForm.Section;
import dev.faultline.designer.inspector.InspectorForm.TargetSection;
import dev.faultline.validate.Problem;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/** Building blocks of the property sheet: section headers and groups of rows. */
final class Sheet {
  private Sheet() {}

  static Label sectionTitle(String title) {
    Label label = new Label(title.toUpperCase(Locale.ROOT));
    label.getStyleClass().add("inspector-section-title");
    label.setMaxWidth(Double.MAX_VALUE);
    return label;
  }

  /** A titled group of rows; nothing when the section has no fields. */
  static VBox section(Section section) {
    VBox box = new VBox();
    box.getStyleClass().add("inspector-section");
    if (!section.fields().isEmpty()) {
      box.getChildren().add(sectionTitle(section.title()));
      section.fields().forEach(f -> box.getChildren().add(new FieldRow(f)));
    }
    return box;
  }

  /**
   * How far a folding section's content is indented (its padding and border, see inspector.css);
   * its label column is that much narrower so its fields line up with the rows outside.
   */
  static final double FOLD_INDENT = 11;

  static VBox rows(TargetSection target, InspectorViewModel model) {
    VBox box = new VBox();
    box.getStyleClass().add("inspector-rows");
    box.getChildren().add(targetProblems(target.name(), model));
    target
        .fields()
        .forEach(f -> box.getChildren().add(new FieldRow(f, FieldRow.LABEL_WIDTH - FOLD_INDENT)));
    return box;
  }

  /** The problems of a target that no field of its editor shows, kept current. */
  private static VBox targetProblems(String name, InspectorViewModel model) {
    VBox box = new VBox(2);
    box.getStyleClass().add("target-problems");
    Runnable show =
        () -> {
          List<Problem> problems =
              model.targetProblemsProperty().get().getOrDefault(name, List.of());
          box.getChildren()
              .setAll(
                  problems.stream()
                      .map(p -> (Node) FieldRow.message(p.message(), p.isError()))
                      .toList());
          box.setManaged(!problems.isEmpty());
          box.setVisible(!problems.isEmpty());
        };
    // Weak: the box goes with its form, the model stays.
    javafx.beans.InvalidationListener listener = obs -> show.run();
    box.getProperties().put("listener", listener);
    model.targetProblemsProperty().addListener(new javafx.beans.WeakInvalidationListener(listener));
    show.run();
    return box;
  }

  /** A section that folds away, for docs and target editors. */
  static TitledPane collapsible(String title, Node content, boolean expanded) {
    TitledPane pane = new TitledPane(title, content);
    pane.setAnimated(false);
    pane.setExpanded(expanded);
    pane.getStyleClass().addAll("inspector-collapsible", atlantafx.base.theme.Styles.DENSE);
    pane.setMaxWidth(Double.MAX_VALUE);
    return pane;
  }
}
