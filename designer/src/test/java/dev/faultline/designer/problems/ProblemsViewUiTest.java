package dev.faultline.designer.problems;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The problems table at the width it has under the canvas: the message column takes the room the
 * others leave, and a message cut short shows whole in its cell's tooltip.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ProblemsViewUiTest {
  private static final Path CHECKOUT = Path.of("../docs/examples/checkout-freeze-and-recover.yaml");

  private Stage stage;
  private TableView<?> table;

  @Start
  void start(Stage primary) throws Exception {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    ExperimentDocument document = new ExperimentDocument();
    String yaml =
        Files.readString(CHECKOUT)
            .replace("target: checkout\n", "target: checkuot-with-a-long-misspelt-name\n");
    document.open(
        new ExperimentReader().read(yaml, Syntax.YAML).experiment().orElseThrow(), CHECKOUT);
    DocumentProblems problems =
        new DocumentProblems(document, new SameThreadTaskExecutor(), Validator.standard());
    ProblemsView view = new ProblemsView(problems, new StepSelection(document), problem -> {});
    stage = new Stage();
    stage.setScene(new Scene(view, 640, 240));
    stage.show();
    table = (TableView<?>) view.lookup(".problems-table");
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              stage.hide();
              Application.setUserAgentStylesheet(null);
            })
        .get();
  }

  @Test
  void theMessageFillsTheRowAndACutMessageShowsWholeInItsTooltip() throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    List<String> tooltips =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  table.applyCss();
                  table.layout();
                  TableColumn<?, ?> message = column("Problem");
                  double others =
                      table.getColumns().stream()
                          .filter(c -> c != message)
                          .mapToDouble(TableColumn::getWidth)
                          .sum();
                  assertThat(message.getWidth())
                      .as("the message column takes what the others leave")
                      .isGreaterThanOrEqualTo(table.getWidth() - others - 24);
                  return table.lookupAll(".table-cell").stream()
                      .map(node -> (TableCell<?, ?>) node)
                      .filter(cell -> cell.getTableColumn() == message && !cell.isEmpty())
                      .map(cell -> cell.getTooltip() == null ? "" : cell.getTooltip().getText())
                      .toList();
                })
            .get();
    assertThat(tooltips)
        .as("every message cell carries its whole text")
        .isNotEmpty()
        .allMatch(text -> !text.isEmpty())
        .anyMatch(text -> text.contains("checkuot-with-a-long-misspelt-name"));
  }

  private TableColumn<?, ?> column(String title) {
    return table.getColumns().stream()
        .filter(c -> title.equals(c.getText()))
        .findFirst()
        .orElseThrow();
  }
}
