package dev.faultline.designer.run;

import dev.faultline.designer.inspector.Glyphs;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The bar under the run bar while a gate waits: its question and a prominent Continue, plus Abort.
 * Once answered it says who answered and when ("Continued by alice at 10:42:07") until the next
 * gate waits. Hidden (and unmanaged) before the first gate.
 */
final class GateBar extends HBox {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final RunViewModel model;
  private final Label title = new Label();
  private final Label question = new Label();
  private final Button continueButton = new Button("Continue");
  private final Button rejectButton = new Button("Abort run");
  private String gateId;

  GateBar(RunViewModel model) {
    this.model = model;
    setId("gate-bar");
    getStyleClass().add("gate-bar");
    setAlignment(Pos.CENTER_LEFT);
    title.getStyleClass().add("gate-title");
    question.getStyleClass().add("gate-question");
    question.setWrapText(true);
    VBox text = new VBox(2, title, question);
    text.setAlignment(Pos.CENTER_LEFT);
    // The question wraps on a narrow window; the Continue and Abort buttons always stay in sight.
    text.setMinWidth(0);
    title.setMinWidth(0);
    question.setMinWidth(0);
    continueButton.setMinWidth(Region.USE_PREF_SIZE);
    rejectButton.setMinWidth(Region.USE_PREF_SIZE);
    HBox.setHgrow(text, Priority.ALWAYS);
    continueButton.setId("gate-continue");
    continueButton.getStyleClass().addAll("gate-continue", "accent");
    continueButton.setDefaultButton(false);
    continueButton.setOnAction(e -> answer(true));
    rejectButton.setId("gate-reject");
    rejectButton.getStyleClass().addAll("gate-reject", "danger");
    rejectButton.setOnAction(e -> answer(false));
    Region spacer = new Region();
    spacer.setMinWidth(8);
    getChildren()
        .addAll(Glyphs.icon("gate", 22, "gate-glyph"), text, spacer, rejectButton, continueButton);
    model.waitingGates().addListener((ListChangeListener<RunViewModel.WaitingGate>) c -> refresh());
    model
        .answeredGates()
        .addListener((ListChangeListener<RunViewModel.AnsweredGate>) c -> refresh());
    refresh();
  }

  private void answer(boolean approve) {
    if (gateId == null) {
      return;
    }
    // Both buttons go quiet at once: the answer takes a moment to come back as an event, and a
    // second click must not answer the next gate by accident.
    continueButton.setDisable(true);
    rejectButton.setDisable(true);
    if (approve) {
      model.continueGate(gateId);
    } else {
      model.rejectGate(gateId);
    }
  }

  private void refresh() {
    var waiting = model.waitingGates();
    var answered = model.answeredGates();
    boolean show = !waiting.isEmpty() || !answered.isEmpty();
    setVisible(show);
    setManaged(show);
    if (!show) {
      buttons(false); // nothing to answer: no button may look answerable, even to a lookup
    }
    pseudoClassStateChanged(RunView.WAITING, !waiting.isEmpty());
    if (!waiting.isEmpty()) {
      var gate = waiting.getFirst();
      gateId = gate.stepId();
      title.setText(
          "Gate "
              + gate.stepId()
              + " is waiting since "
              + TIME.format(gate.since())
              + (waiting.size() > 1 ? " (+" + (waiting.size() - 1) + " more)" : ""));
      question.setText(gate.question().isBlank() ? "Continue the run?" : gate.question());
      buttons(true);
    } else if (!answered.isEmpty()) {
      var last = answered.getLast();
      gateId = null;
      title.setText(
          "Gate " + last.stepId() + (last.question().isBlank() ? "" : ": " + last.question()));
      question.setText(
          (last.approved() ? "Continued by " : "Aborted by ")
              + last.by()
              + " at "
              + TIME.format(last.at()));
      buttons(false);
    }
  }

  private void buttons(boolean show) {
    for (Button b : new Button[] {continueButton, rejectButton}) {
      b.setVisible(show);
      b.setManaged(show);
      b.setDisable(!show);
    }
  }
}
