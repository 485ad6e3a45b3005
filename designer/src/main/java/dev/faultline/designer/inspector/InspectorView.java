package dev.faultline.designer.inspector;

import atlantafx.base.theme.Styles;
import dev.faultline.catalog.Catalog;
import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.designer.inspector.InspectorForm.ExperimentForm;
import dev.faultline.designer.inspector.InspectorForm.ManyStepsForm;
import dev.faultline.designer.inspector.InspectorForm.StepForm;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The inspector panel: a scrolling property sheet for the selection. Nothing selected shows the
 * experiment and its targets; one step shows its form, generated from its descriptor; several show
 * what they are and Delete.
 *
 * <p>Add {@link #stylesheet()} to the scene.
 */
public final class InspectorView extends VBox {

  private final InspectorViewModel model;
  private final VBox content = new VBox();
  private final Label banner = new Label();
  private final Label message = new Label();

  public InspectorView(
      ExperimentDocument document,
      StepSelection selection,
      DocumentProblems problems,
      Catalog catalog) {
    this(new InspectorViewModel(document, selection, problems, catalog));
  }

  /** A view of an existing model, for tests that drive both. */
  public InspectorView(InspectorViewModel model) {
    this.model = model;
    getStyleClass().add("inspector");

    banner.getStyleClass().addAll("inspector-banner", Styles.TEXT_SMALL);
    banner.setWrapText(true);
    banner.setMaxWidth(Double.MAX_VALUE);
    banner.visibleProperty().bind(model.readOnlyProperty());
    banner.managedProperty().bind(model.readOnlyProperty());
    model.readOnlyProperty().addListener((obs, old, now) -> banner.setText(model.readOnlyReason()));
    banner.setText(model.readOnlyReason());

    message.getStyleClass().addAll("inspector-message", Styles.TEXT_SMALL);
    message.setWrapText(true);
    message.setMaxWidth(Double.MAX_VALUE);
    message.textProperty().bind(model.messageProperty());
    message.visibleProperty().bind(model.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());

    content.getStyleClass().add("inspector-content");
    content.setFillWidth(true);
    // The document refuses edits while the text view has unparsed text; say so, do not pretend.
    content.disableProperty().bind(model.readOnlyProperty());

    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().addAll("inspector-scroll", "edge-to-edge");
    VBox.setVgrow(scroll, Priority.ALWAYS);

    getChildren().addAll(banner, message, scroll);
    model
        .formProperty()
        .addListener(
            (obs, old, now) -> {
              show(now);
              // A new form (another step, or the experiment) starts at its top, not where the
              // last one was scrolled to; the id, the first field, is where a rename happens.
              scroll.setVvalue(0);
            });
    show(model.form());
  }

  public InspectorViewModel model() {
    return model;
  }

  /** The stylesheet the app adds to the scene for this view. */
  public static String stylesheet() {
    return Objects.requireNonNull(InspectorView.class.getResource("inspector.css"), "inspector.css")
        .toExternalForm();
  }

  private void show(InspectorForm form) {
    Node pane =
        switch (form) {
          case ExperimentForm experiment -> new ExperimentFormPane(model, experiment);
          case StepForm step -> new StepFormPane(model, step);
          case ManyStepsForm many -> new ManyStepsPane(model, many);
        };
    content.getChildren().setAll(pane);
  }
}
