package dev.faultline.app;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A warning above the canvas when crashed runs left faults open in the cluster: which runs, on
 * which contexts, the {@code faultline cleanup} command, and a button that rolls them back now.
 * Dismissable; it comes back at the next start while the faults stay open. Hidden (and taking no
 * space) otherwise.
 */
final class LeftoverBanner extends StackPane {
  /** The button's distance from the right edge: clear of the message's close cross. */
  private static final double BUTTON_RIGHT = 44;

  /** Room between the end of the text and the button. */
  private static final double GAP = 8;

  LeftoverBanner(MainViewModel viewModel, Runnable cleanUp) {
    setId("leftover-banner");
    setPadding(new Insets(8, 12, 0, 12));
    Message message = new Message("Faults left open by a crashed run", "");
    message.getStyleClass().add(Styles.WARNING);
    message.descriptionProperty().bind(viewModel.leftoverWarningProperty());
    message.setOnClose(event -> viewModel.dismissLeftoverWarning());
    Button rollBack = new Button("Roll Back Now");
    rollBack.setId("leftover-rollback");
    rollBack.getStyleClass().add(Styles.SMALL);
    rollBack.disableProperty().bind(viewModel.cleaningUpProperty());
    rollBack
        .textProperty()
        .bind(
            Bindings.when(viewModel.cleaningUpProperty())
                .then("Rolling back\u2026")
                .otherwise("Roll Back Now"));
    rollBack.setOnAction(event -> cleanUp.run());
    StackPane.setAlignment(rollBack, javafx.geometry.Pos.BOTTOM_RIGHT);
    StackPane.setMargin(rollBack, new Insets(0, BUTTON_RIGHT, 10, 0));
    getChildren().addAll(message, rollBack);
    // The button lies over the message (Message has no slot for one): keep the description's text
    // out of its column, so the warning wraps left of the button instead of under it.
    message.skinProperty().addListener((o, old, skin) -> keepTextLeftOf(message, rollBack));
    keepTextLeftOf(message, rollBack);
    visibleProperty().bind(viewModel.leftoverWarningProperty().isNotEmpty());
    managedProperty().bind(visibleProperty());
  }

  private static void keepTextLeftOf(Message message, Button rollBack) {
    if (message.lookup(".description") instanceof Region description) {
      // Inline, so it wins over the theme's own right padding of the description.
      description
          .styleProperty()
          .bind(
              Bindings.format(
                  Locale.ROOT,
                  "-fx-padding: 0 %.0fpx 0 0;",
                  rollBack.widthProperty().add(BUTTON_RIGHT + GAP)));
    }
  }
}
