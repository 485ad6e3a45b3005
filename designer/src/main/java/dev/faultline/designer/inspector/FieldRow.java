package dev.faultline.designer.inspector;

import atlantafx.base.theme.Styles;
import dev.faultline.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One row of the property sheet: the label column (with a red asterisk when required) and the field
 * column (the control, then the problems that point at the field, then its help).
 */
final class FieldRow extends HBox {

  /** Width of the label column, so every row's fields start at the same x. */
  static final double LABEL_WIDTH = 112;

  private final InspectorField field;
  private final VBox messages = new VBox(2);
  private final Control control;

  FieldRow(InspectorField field) {
    this(field, LABEL_WIDTH);
  }

  /** A row with a narrower label column, so rows indented in a folding section line up too. */
  FieldRow(InspectorField field, double labelWidth) {
    this.field = field;
    getStyleClass().add("inspector-row");
    setAlignment(Pos.TOP_LEFT);

    Label name = new Label(field.label());
    name.getStyleClass().add("inspector-label");
    Label star = new Label("*");
    star.getStyleClass().add("required-mark");
    star.visibleProperty().bind(field.requiredProperty());
    star.managedProperty().bind(field.requiredProperty());
    HBox labelColumn = new HBox(2, name, star);
    labelColumn.getStyleClass().add("inspector-label-column");
    labelColumn.setMinWidth(labelWidth);
    labelColumn.setPrefWidth(labelWidth);
    labelColumn.setMaxWidth(labelWidth);
    name.setMinWidth(0);
    name.setWrapText(true);

    control = FieldControl.create(field);
    name.setLabelFor(control);
    // The label is in words; the key is what the file says, for those who edit it as text.
    name.setTooltip(new javafx.scene.control.Tooltip(field.key()));
    field
        .requiredProperty()
        .addListener(
            (obs, old, now) ->
                control.setAccessibleText(field.label() + (now ? ", required" : "")));

    VBox fieldColumn = new VBox(3, control, messages);
    fieldColumn.getStyleClass().add("inspector-field-column");
    if (!field.help().isEmpty()) {
      Label help = new Label(field.help());
      help.getStyleClass().addAll("field-help", Styles.TEXT_SMALL);
      help.setWrapText(true);
      fieldColumn.getChildren().add(help);
    }
    HBox.setHgrow(fieldColumn, Priority.ALWAYS);
    fieldColumn.setMinWidth(0);
    getChildren().addAll(labelColumn, fieldColumn);

    visibleProperty().bind(field.visibleProperty());
    managedProperty().bind(field.visibleProperty());
    field.problemsProperty().addListener((obs, old, now) -> showMessages());
    field.localProblemProperty().addListener((obs, old, now) -> showMessages());
    showMessages();
  }

  Control control() {
    return control;
  }

  private void showMessages() {
    List<Node> shown = new ArrayList<>();
    String local = field.localProblemProperty().get();
    boolean hasError = false;
    if (local != null) {
      shown.add(message(local, true));
      hasError = true;
    }
    for (Problem problem : field.problemsProperty().get()) {
      if (local != null && problem.message().equals(local)) {
        continue;
      }
      shown.add(message(problem.message(), problem.isError()));
      hasError |= problem.isError();
    }
    messages.getChildren().setAll(shown);
    messages.setManaged(!shown.isEmpty());
    boolean hasWarning = !hasError && !shown.isEmpty();
    control.pseudoClassStateChanged(Styles.STATE_DANGER, hasError);
    control.pseudoClassStateChanged(Styles.STATE_WARNING, hasWarning);
  }

  static Label message(String text, boolean error) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.getStyleClass().addAll("field-problem", error ? "error" : "warning", Styles.TEXT_SMALL);
    label.setGraphic(Glyphs.severity(error));
    return label;
  }
}
