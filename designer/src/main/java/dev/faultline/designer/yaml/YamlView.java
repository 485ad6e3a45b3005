package dev.faultline.designer.yaml;

import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.validate.Problem;
import java.util.List;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The experiment as text, a second view of the same document: YAML, or JSON for {@code .json}
 * files. Typing changes the document once the text parses; text that does not parse is kept, with a
 * banner saying what is wrong and a button to discard it.
 *
 * <p>Undo inside the text: Ctrl+Z first undoes typing in the text itself (each result goes through
 * the document like any typing); with no typing left to undo, it is the document's undo, so canvas
 * and text share one history. The text's own history is forgotten whenever the document replaces
 * the text, so it can never bring back a state the document has moved on from.
 *
 * <p>Add {@link #stylesheet()} to the scene.
 */
public final class YamlView extends VBox {

  /** How long typing must pause before the text is parsed. */
  static final Duration TYPING_PAUSE = Duration.millis(250);

  private static final Duration REVEAL_HIGHLIGHT = Duration.millis(1500);
  private static final KeyCombination UNDO =
      new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination REDO =
      new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  private static final KeyCombination REDO_ALT =
      new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);

  private final ExperimentDocument document;
  private final YamlViewModel viewModel;
  private final CodeArea area = new CodeArea();
  private final PauseTransition typingPause = new PauseTransition(TYPING_PAUSE);
  private final PauseTransition revealPause = new PauseTransition(REVEAL_HIGHLIGHT);

  /** True while the view replaces the text itself, so that is not taken for typing. */
  private boolean replacing;

  private int revealedParagraph = -1;

  /** What the gutter was last built for; rebuilt only when these change, not per keystroke. */
  private List<Problem> gutterMarkers;

  private int gutterLines = -1;

  public YamlView(ExperimentDocument document, DocumentProblems problems, UiTaskExecutor tasks) {
    this.document = Objects.requireNonNull(document, "document");
    this.viewModel = new YamlViewModel(document, problems, tasks);
    setId("yaml-view");
    getStyleClass().add("yaml-view");

    area.setId("yaml-text");
    area.getStyleClass().add("yaml-text");
    area.setAccessibleText("Experiment text");
    area.setWrapText(false);
    VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
    scroll.getStyleClass().add("yaml-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);

    replaceText(viewModel.text());
    area.textProperty().addListener((obs, old, now) -> onTextChanged(now));
    viewModel.textProperty().addListener((obs, old, now) -> showText(now));
    viewModel.markersProperty().addListener((obs, old, now) -> restyle());
    document.syntaxProperty().addListener((obs, old, now) -> restyle());
    typingPause.setOnFinished(event -> viewModel.applyText());
    revealPause.setOnFinished(event -> clearReveal());
    area.focusedProperty()
        .addListener(
            (obs, was, focused) -> {
              if (!focused) {
                // Leaving the text ends this visit's undo step; parse what was typed right away.
                typingPause.stop();
                viewModel.applyText();
                viewModel.focusLost();
              }
            });
    area.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

    getChildren().addAll(banner(), scroll);
  }

  /** The stylesheet the view needs; add it to the scene (or a parent) once. */
  public static String stylesheet() {
    return Objects.requireNonNull(YamlView.class.getResource("yaml.css")).toExternalForm();
  }

  /** The view's state. */
  public YamlViewModel viewModel() {
    return viewModel;
  }

  /**
   * Puts the caret at 1-based {@code line} and {@code column}, scrolls the line into view and
   * highlights it briefly: what clicking a problem in the problems view does.
   */
  public void revealLine(int line, int column) {
    clearReveal();
    int paragraph = Math.clamp(line - 1, 0, area.getParagraphs().size() - 1);
    int length = area.getParagraph(paragraph).length();
    area.moveTo(paragraph, Math.clamp(column - 1, 0, length));
    area.showParagraphAtCenter(paragraph);
    area.requestFocus();
    area.setParagraphStyle(paragraph, List.of("revealed"));
    revealedParagraph = paragraph;
    revealPause.playFromStart();
  }

  /**
   * Scrolls the text so the step {@code stepId} starts at the top third, without moving the caret
   * or the keyboard focus: the text follows the selection on the canvas. Does nothing while the
   * user is typing here, or when the step is not in the text.
   */
  public void showStep(String stepId) {
    if (area.isFocused()) {
      return;
    }
    StepLines.find(area.getText(), stepId)
        .ifPresent(
            line -> {
              int paragraph = Math.clamp(line - 1, 0, area.getParagraphs().size() - 1);
              area.showParagraphAtTop(Math.max(0, paragraph - 3));
            });
  }

  private Region banner() {
    Label message = new Label();
    message.setId("yaml-banner-message");
    message.getStyleClass().add("yaml-banner-message");
    message.setWrapText(true);
    message.textProperty().bind(viewModel.bannerProperty());
    message.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(message, Priority.ALWAYS);
    Button discard = new Button("Discard text changes");
    discard.setId("yaml-discard");
    discard.getStyleClass().add("yaml-discard");
    discard.setOnAction(event -> viewModel.discardTextChanges());
    HBox banner = new HBox(message, discard);
    banner.setId("yaml-banner");
    banner.getStyleClass().add("yaml-banner");
    banner.setAlignment(Pos.CENTER_LEFT);
    banner.managedProperty().bind(viewModel.bannerProperty().isNotEmpty());
    banner.visibleProperty().bind(banner.managedProperty());
    return banner;
  }

  private void onTextChanged(String now) {
    if (replacing) {
      return;
    }
    viewModel.textEdited(now);
    typingPause.playFromStart();
    restyle();
  }

  /** Shows text the view model chose (the document changed), unless the area already has it. */
  private void showText(String now) {
    if (!now.equals(area.getText())) {
      replaceText(now);
    }
  }

  /** Replaces all text, keeping caret line and column and the scroll position where possible. */
  private void replaceText(String now) {
    int paragraph = area.getCurrentParagraph();
    int column = area.getCaretColumn();
    double scrollY = area.getEstimatedScrollY();
    replacing = true;
    try {
      area.replaceText(now);
    } finally {
      replacing = false;
    }
    int lastParagraph = area.getParagraphs().size() - 1;
    int keptParagraph = Math.min(paragraph, lastParagraph);
    area.moveTo(keptParagraph, Math.min(column, area.getParagraph(keptParagraph).length()));
    area.scrollYToPixel(scrollY);
    // The text's own undo must not reach behind what the document now says.
    area.getUndoManager().forgetHistory();
    revealedParagraph = -1;
    restyle();
  }

  private void restyle() {
    String text = area.getText();
    List<Problem> markers = viewModel.markersProperty().get();
    area.setStyleSpans(0, TextStyles.of(text, document.syntax(), markers));
    int lines = TextPositions.lineCount(text);
    if (!markers.equals(gutterMarkers) || lines != gutterLines) {
      gutterMarkers = markers;
      gutterLines = lines;
      area.setParagraphGraphicFactory(new LineGutter(markers, lines));
    }
  }

  private void onKey(KeyEvent event) {
    if (UNDO.match(event)) {
      if (area.isUndoAvailable()) {
        area.undo();
      } else {
        typingPause.stop();
        viewModel.undo();
      }
      event.consume();
    } else if (REDO.match(event) || REDO_ALT.match(event)) {
      if (area.isRedoAvailable()) {
        area.redo();
      } else {
        viewModel.redo();
      }
      event.consume();
    }
  }

  private void clearReveal() {
    revealPause.stop();
    if (revealedParagraph >= 0 && revealedParagraph < area.getParagraphs().size()) {
      area.setParagraphStyle(revealedParagraph, List.of());
    }
    revealedParagraph = -1;
  }
}
