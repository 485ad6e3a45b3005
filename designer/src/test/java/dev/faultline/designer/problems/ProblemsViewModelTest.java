package dev.faultline.designer.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Severity;
import dev.faultline.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProblemsViewModelTest {

  private static final Path CHECKOUT = Path.of("../docs/examples/checkout-freeze-and-recover.yaml");

  private final ExperimentDocument document = new ExperimentDocument();
  private final StepSelection selection = new StepSelection(document);
  private final DocumentProblems problems =
      new DocumentProblems(document, new SameThreadTaskExecutor(), Validator.standard());
  private final List<Problem> revealed = new ArrayList<>();
  private ProblemsViewModel model;

  @BeforeEach
  void open() throws Exception {
    String yaml =
        Files.readString(CHECKOUT)
            // An error in the second step and an unused target (a warning).
            .replace(
                "jq: .status == \"UP\" and .ready == .total\n    - id: kill",
                "jq: .status ==\n    - id: kill")
            .replace("  steps:", "    spare:\n      namespaces: [shop]\n  steps:");
    document.open(
        new ExperimentReader().read(yaml, Syntax.YAML).experiment().orElseThrow(), CHECKOUT);
    model = new ProblemsViewModel(problems, selection, revealed::add);
  }

  @Test
  void summarisesAllProblems() {
    assertThat(model.errorCountProperty().get()).isEqualTo(1);
    assertThat(model.warningCountProperty().get()).isEqualTo(1);
    assertThat(model.summaryProperty().get()).isEqualTo("1 error, 1 warning");
    assertThat(ProblemsViewModel.summaryOf(2, 0)).isEqualTo("2 errors");
    assertThat(ProblemsViewModel.summaryOf(0, 3)).isEqualTo("3 warnings");
    assertThat(ProblemsViewModel.summaryOf(0, 0)).isEqualTo("No problems");
  }

  @Test
  void rowsAreInSourceOrderWithLocationAndStep() {
    assertThat(model.rows())
        .extracting(Problem::severity)
        .containsExactly(Severity.WARNING, Severity.ERROR);
    Problem jq = model.rows().get(1);
    assertThat(ProblemsViewModel.location(jq)).matches("\\d+:\\d+");
    assertThat(model.where(jq)).isEqualTo("until-unhealthy");
    assertThat(model.where(model.rows().get(0))).isEqualTo("spec.targets.spare");
  }

  @Test
  void filtersBySeverityButKeepsCountingAll() {
    model.showWarningsProperty().set(false);
    assertThat(model.rows()).extracting(Problem::severity).containsExactly(Severity.ERROR);

    model.showErrorsProperty().set(false);
    assertThat(model.rows()).isEmpty();
    assertThat(model.summaryProperty().get()).isEqualTo("1 error, 1 warning");
  }

  @Test
  void activatingAProblemSelectsItsStepAndRevealsIt() {
    Problem jq = model.rows().get(1);

    model.activate(jq);

    assertThat(selection.ids()).containsExactly("until-unhealthy");
    assertThat(revealed).containsExactly(jq);
  }

  @Test
  void activatingAProblemWithoutStepOnlyRevealsIt() {
    selection.select("kill");
    Problem target = model.rows().get(0);

    model.activate(target);

    assertThat(selection.ids()).containsExactly("kill");
    assertThat(revealed).containsExactly(target);
  }

  @Test
  void followsTheDocument() {
    document.undo(); // nothing to undo: still the same problems
    assertThat(model.rows()).hasSize(2);

    document.newDocument();

    assertThat(model.summaryProperty().get()).isEqualTo("No problems");
  }
}
