package dev.faultline.designer.inspector;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javafx.collections.FXCollections;
import javafx.scene.TraversalDirection;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Makes the control for an {@link InspectorField} and binds it both ways: what the user types goes
 * to {@link InspectorField#type}, what the document says comes back through the field's text, and
 * focus lost or Enter ends the field's undo step. Setting the same text again is a no-op, so a
 * field being typed in keeps its caret.
 */
final class FieldControl {

  static final String MONOSPACE = "monospace";

  private static final Pattern PARTIAL_INTEGER = Pattern.compile("-?\\d*");
  private static final Pattern PARTIAL_NUMBER = Pattern.compile("-?\\d*\\.?\\d*([eE][-+]?\\d*)?");

  private FieldControl() {}

  static Control create(InspectorField field) {
    Control control =
        switch (field.editor()) {
          case TEXT, MONOSPACE, DURATION, COMMA_LIST -> textField(field, null);
          case INTEGER -> textField(field, PARTIAL_INTEGER);
          case NUMBER -> textField(field, PARTIAL_NUMBER);
          case PROSE -> textArea(field, 4, 4, true);
          case EXPRESSION -> textArea(field, 1, 3, false);
          case CODE -> textArea(field, 8, 8, false);
          case LINES, MAP -> textArea(field, 2, 6, false);
          case BOOLEAN -> toggle(field);
          case CHOICE -> choice(field);
          case SUGGEST -> suggest(field);
          case SPINNER -> spinner(field);
        };
    if (field.editor() == FieldEditor.MONOSPACE
        || field.editor() == FieldEditor.EXPRESSION
        || field.editor() == FieldEditor.CODE) {
      control.getStyleClass().add(MONOSPACE);
    }
    control.setAccessibleText(field.label() + (field.isRequired() ? ", required" : ""));
    control.disableProperty().bind(field.enabledProperty().not());
    control.setMaxWidth(Double.MAX_VALUE);
    control.setId("field-" + field.key().replace('.', '-'));
    return control;
  }

  private static TextField textField(InspectorField field, Pattern accepted) {
    CustomTextField text = new CustomTextField();
    if (!field.isRequired() && !field.isCommitOnly()) {
      text.setRight(clearButton(text, field));
    }
    if (accepted != null) {
      UnaryOperator<TextFormatter.Change> filter =
          change -> accepted.matcher(change.getControlNewText()).matches() ? change : null;
      text.setTextFormatter(new TextFormatter<>(filter));
    }
    bindText(text, field);
    // Enter applies a commit-only field and ends the undo step of any other.
    text.setOnAction(e -> field.commit());
    return text;
  }

  /** A small × that clears an optional field, which removes its key from the file. */
  private static Button clearButton(TextField text, InspectorField field) {
    Button clear = new Button("\u00d7");
    clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "field-clear");
    clear.setFocusTraversable(false);
    clear.setAccessibleText("Clear " + field.label());
    // Only where the pointer or caret is, so a sheet of filled fields stays calm.
    clear
        .visibleProperty()
        .bind(
            text.textProperty()
                .isNotEmpty()
                .and(text.disabledProperty().not())
                .and(text.hoverProperty().or(text.focusedProperty())));
    clear.setOnAction(
        e -> {
          text.clear();
          field.finishEditing();
        });
    return clear;
  }

  private static TextArea textArea(InspectorField field, int minRows, int maxRows, boolean wrap) {
    TextArea area = new TextArea();
    area.setWrapText(wrap);
    // Tab moves on to the next field as in every other form field: jq filters, PromQL and
    // commands have no use for a literal tab (YAML forbids them), and a keyboard user would be
    // trapped in the area otherwise. Ctrl+Tab still works as the TextArea's own way out.
    area.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isAltDown()) {
            e.consume();
            area.requestFocusTraversal(
                e.isShiftDown() ? TraversalDirection.PREVIOUS : TraversalDirection.NEXT);
          }
        });
    area.setPrefRowCount(minRows);
    bindText(area, field);
    if (minRows != maxRows) {
      // Grows with its lines, up to a limit, then scrolls.
      area.textProperty()
          .addListener(
              (obs, old, now) -> area.setPrefRowCount(clamp(lines(now), minRows, maxRows)));
      area.setPrefRowCount(clamp(lines(area.getText()), minRows, maxRows));
    }
    return area;
  }

  private static void bindText(TextInputControl control, InspectorField field) {
    control.setText(field.text());
    control.promptTextProperty().bind(field.promptProperty());
    Echo echo = new Echo();
    field
        .textProperty()
        .addListener(
            (obs, old, now) -> {
              if (!control.getText().equals(now)) {
                echo.quietly(() -> control.setText(now));
              }
            });
    control
        .textProperty()
        .addListener(
            (obs, old, now) -> {
              if (!echo.active) {
                field.type(now);
              }
            });
    control
        .focusedProperty()
        .addListener(
            (obs, was, focused) -> {
              if (!focused) {
                field.commit();
              }
            });
    control.setOnKeyPressed(
        key -> {
          if (key.getCode() == KeyCode.ESCAPE && field.isCommitOnly()) {
            control.setText(field.text());
          }
        });
  }

  private static ToggleSwitch toggle(InspectorField field) {
    ToggleSwitch toggle = new ToggleSwitch();
    toggle.setSelected(Boolean.parseBoolean(field.text()) || isDefaultOn(field));
    Echo echo = new Echo();
    field
        .textProperty()
        .addListener(
            (obs, old, now) ->
                echo.quietly(
                    () -> toggle.setSelected(Boolean.parseBoolean(now) || isDefaultOn(field))));
    toggle
        .selectedProperty()
        .addListener(
            (obs, old, on) -> {
              if (!echo.active) {
                field.type(Boolean.toString(on));
                field.finishEditing();
              }
            });
    return toggle;
  }

  /** An absent switch shows its default. */
  private static boolean isDefaultOn(InspectorField field) {
    return field.text().isEmpty() && field.prompt().equals("default: true");
  }

  private static ComboBox<String> choice(InspectorField field) {
    ComboBox<String> combo = new ComboBox<>();
    combo.setItems(FXCollections.observableArrayList(field.choicesProperty().get()));
    combo.setValue(field.text());
    combo.setPromptText(field.prompt());
    combo.setButtonCell(new ChoiceCell(field));
    combo.setCellFactory(list -> new ChoiceCell(field));
    Echo echo = new Echo();
    field
        .choicesProperty()
        .addListener(
            (obs, old, now) -> {
              if (!combo.getItems().equals(now)) {
                echo.quietly(
                    () -> {
                      combo.getItems().setAll(now);
                      combo.setValue(field.text());
                    });
              }
            });
    field
        .textProperty()
        .addListener(
            (obs, old, now) -> {
              if (!now.equals(combo.getValue())) {
                echo.quietly(() -> combo.setValue(now));
              }
            });
    combo
        .valueProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && !echo.active) {
                field.type(now);
                field.finishEditing();
              }
            });
    return combo;
  }

  /**
   * Free text with suggestions: typing edits as in a text field, picking a suggestion types it. The
   * suggestions follow the field's choices (the kubeconfig's contexts, which may change while the
   * form is open).
   */
  private static ComboBox<String> suggest(InspectorField field) {
    ComboBox<String> combo = new ComboBox<>();
    combo.setEditable(true);
    combo.setItems(FXCollections.observableArrayList(field.choicesProperty().get()));
    combo.promptTextProperty().bind(field.promptProperty());
    bindText(combo.getEditor(), field);
    field
        .choicesProperty()
        .addListener(
            (obs, old, now) -> {
              if (!combo.getItems().equals(now)) {
                // Replacing the items must not clear or retype what the editor shows.
                String shown = combo.getEditor().getText();
                combo.getItems().setAll(now);
                if (!combo.getEditor().getText().equals(shown)) {
                  combo.getEditor().setText(shown);
                }
              }
            });
    combo
        .valueProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && combo.isShowing()) {
                combo.getEditor().setText(now);
                field.finishEditing();
              }
            });
    combo
        .focusedProperty()
        .addListener(
            (obs, was, focused) -> {
              if (!focused) {
                field.commit();
              }
            });
    return combo;
  }

  /** Shows the empty choice as what it means ("default: GET"). */
  private static final class ChoiceCell extends ListCell<String> {
    private final InspectorField field;

    ChoiceCell(InspectorField field) {
      this.field = field;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().remove("choice-default");
      if (empty || item == null) {
        setText(field.prompt());
        getStyleClass().add("choice-default");
      } else if (item.isEmpty()) {
        setText(field.prompt().isEmpty() ? "none" : field.prompt());
        getStyleClass().add("choice-default");
      } else {
        setText(item);
      }
    }
  }

  private static Spinner<Integer> spinner(InspectorField field) {
    int min = field.min() == null ? 0 : field.min().intValue();
    Spinner<Integer> spinner = new Spinner<>();
    SpinnerValueFactory.IntegerSpinnerValueFactory values =
        new SpinnerValueFactory.IntegerSpinnerValueFactory(min, Integer.MAX_VALUE, min);
    spinner.setValueFactory(values);
    spinner.setEditable(true);
    spinner.getEditor().setTextFormatter(null);
    values.setValue(parse(field.text(), min));
    if (field.text().isEmpty()) {
      spinner.getEditor().setText("");
    }
    Echo echo = new Echo();
    field
        .textProperty()
        .addListener(
            (obs, old, now) ->
                echo.quietly(
                    () -> {
                      Integer value = parse(now, min);
                      if (!value.equals(values.getValue())) {
                        values.setValue(value);
                      }
                      // The editor shows the field's text: empty while the mode takes no value.
                      if (!spinner.getEditor().getText().equals(now)) {
                        spinner.getEditor().setText(now);
                      }
                    }));
    values
        .valueProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && !echo.active && !field.text().equals(now.toString())) {
                field.type(now.toString());
                field.finishEditing();
              }
            });
    return spinner;
  }

  /**
   * Marks updates of a control that come from its field (the document changed), so they are not
   * taken for typing and echoed back as an edit, which the document would refuse while it is still
   * notifying.
   */
  private static final class Echo {
    private boolean active;

    void quietly(Runnable update) {
      active = true;
      try {
        update.run();
      } finally {
        active = false;
      }
    }
  }

  private static Integer parse(String text, int fallback) {
    try {
      return text.isEmpty() ? fallback : Integer.valueOf(text.strip());
    } catch (NumberFormatException notANumber) {
      return fallback;
    }
  }

  private static int lines(String text) {
    return text == null ? 1 : (int) text.chars().filter(c -> c == '\n').count() + 1;
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }
}
