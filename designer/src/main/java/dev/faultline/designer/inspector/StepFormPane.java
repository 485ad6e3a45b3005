package dev.faultline.designer.inspector;

import atlantafx.base.theme.Styles;
import dev.faultline.designer.inspector.InspectorForm.StepForm;
import dev.faultline.designer.inspector.InspectorForm.TargetSection;
import dev.faultline.validate.Problem;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The form of one step: header, docs, id and edges, kind settings, target editor, parameters. */
final class StepFormPane extends VBox {

  private final InspectorViewModel model;
  private final StepForm form;
  private final VBox stepProblems = new VBox(2);
  private final FlowPane afterChips = new FlowPane(6, 6);
  private final VBox targetHolder = new VBox();

  StepFormPane(InspectorViewModel model, StepForm form) {
    this.model = model;
    this.form = form;
    getStyleClass().add("step-form");
    setFillWidth(true);

    getChildren().add(header());
    if (!form.docs().isEmpty()) {
      Label docs = new Label(form.docs());
      docs.setWrapText(true);
      docs.getStyleClass().add("step-docs");
      getChildren().add(Sheet.collapsible("About " + form.title(), docs, false));
    }
    getChildren().add(stepProblems);

    VBox common = new VBox();
    common.getStyleClass().add("inspector-section");
    common.getChildren().addAll(Sheet.sectionTitle("Step"), new FieldRow(form.id()), afterRow());
    getChildren().addAll(common, Sheet.section(form.settings()), targetHolder);
    getChildren().add(Sheet.section(form.parameters()));

    form.afterProperty().addListener((obs, old, now) -> showAfter(now));
    form.targetProperty().addListener((obs, old, now) -> showTarget(now));
    form.stepProblemsProperty().addListener((obs, old, now) -> showStepProblems(now));
    showAfter(form.afterProperty().get());
    showTarget(form.targetProperty().get());
    showStepProblems(form.stepProblemsProperty().get());
  }

  private Node header() {
    StackPane icon = new StackPane(Glyphs.icon(form.iconId(), 22, "step-icon-glyph"));
    icon.getStyleClass().addAll("step-icon", form.kind());
    Label kind = new Label(form.kind().toUpperCase(Locale.ROOT));
    kind.getStyleClass().addAll("step-kind", Styles.TEXT_SMALL);
    Label title = new Label(form.title());
    title.getStyleClass().addAll("step-title", Styles.TITLE_4);
    title.setWrapText(true);
    VBox text = new VBox(0, kind, title);
    text.setAlignment(Pos.CENTER_LEFT);
    HBox header = new HBox(10, icon, text);
    header.getStyleClass().add("step-header");
    header.setAlignment(Pos.CENTER_LEFT);
    return header;
  }

  private Node afterRow() {
    Label name = new Label("after");
    name.getStyleClass().add("inspector-label");
    HBox labelColumn = new HBox(name);
    labelColumn.setMinWidth(FieldRow.LABEL_WIDTH);
    labelColumn.setPrefWidth(FieldRow.LABEL_WIDTH);
    HBox row = new HBox(labelColumn, afterChips);
    row.getStyleClass().add("inspector-row");
    HBox.setHgrow(afterChips, javafx.scene.layout.Priority.ALWAYS);
    afterChips.setMinWidth(0);
    afterChips.setPrefWrapLength(120);
    return row;
  }

  private void showAfter(List<String> ids) {
    afterChips.getChildren().clear();
    if (ids.isEmpty()) {
      Label none = new Label("starts with the run");
      none.getStyleClass().add("field-help");
      afterChips.getChildren().add(none);
      return;
    }
    for (String id : ids) {
      Label text = new Label(id);
      Button remove = new Button("\u00d7");
      remove.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "chip-remove");
      remove.setAccessibleText("Stop running after " + id);
      remove.setTooltip(new Tooltip("Stop running after " + id));
      remove.setOnAction(e -> model.disconnect(id));
      HBox chip = new HBox(2, text, remove);
      chip.setAlignment(Pos.CENTER_LEFT);
      chip.getStyleClass().add("chip");
      afterChips.getChildren().add(chip);
    }
  }

  private void showTarget(TargetSection target) {
    if (target == null) {
      targetHolder.getChildren().clear();
      return;
    }
    targetHolder
        .getChildren()
        .setAll(
            Sheet.collapsible(
                "Target \u201c" + target.name() + "\u201d \u00b7 " + target.kind(),
                Sheet.rows(target, model),
                true));
  }

  private void showStepProblems(List<Problem> problems) {
    stepProblems.getChildren().clear();
    for (Problem problem : problems) {
      stepProblems.getChildren().add(FieldRow.message(problem.message(), problem.isError()));
    }
    stepProblems.setManaged(!problems.isEmpty());
    stepProblems.getStyleClass().setAll("step-problems");
  }
}
