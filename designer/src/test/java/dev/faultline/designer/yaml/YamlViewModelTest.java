package dev.faultline.designer.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.edit.MoveSteps;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class YamlViewModelTest {

  static final Path EXAMPLE = Path.of("../docs/examples/checkout-freeze-and-recover.yaml");

  private ExperimentDocument document;
  private DocumentProblems problems;
  private YamlViewModel yaml;

  @BeforeEach
  void openExample() {
    document = new ExperimentDocument();
    document.open(read(EXAMPLE), EXAMPLE);
    yaml = viewModel(new SameThreadTaskExecutor());
  }

  private YamlViewModel viewModel(UiTaskExecutor tasks) {
    problems = new DocumentProblems(document, new SameThreadTaskExecutor(), Validator.standard());
    return new YamlViewModel(document, problems, tasks);
  }

  @Test
  void showsTheDocumentsCanonicalYaml() {
    assertThat(yaml.text()).isEqualTo(ExperimentFormat.write(document.experiment(), Syntax.YAML));
    assertThat(yaml.text()).startsWith("apiVersion: faultline.dev/v1alpha1\n");
    assertThat(yaml.bannerProperty().get()).isEmpty();
  }

  @Test
  void anEditOnTheCanvasUpdatesTheText() {
    assertThat(yaml.text()).contains("freeze: {x: 80, y: 120}");

    document.edit(new MoveSteps(Map.of("freeze", new Position(100, 240))));

    assertThat(yaml.text()).contains("freeze: {x: 100, y: 240}");
    assertThat(yaml.text()).isEqualTo(ExperimentFormat.write(document.experiment(), Syntax.YAML));
  }

  @Test
  void typedYamlBecomesOneUndoableEdit() {
    String original = yaml.text();

    type(original.replace("timeout: 10s", "timeout: 15s"));
    type(original.replace("timeout: 10s", "timeout: 20s"));

    assertThat(timeoutOf("until-unhealthy")).isEqualTo("20s");
    assertThat(document.undoTextProperty().get()).isEqualTo("Undo Edit YAML");
    assertThat(document.unparsedText()).isEmpty();

    document.undo();

    assertThat(timeoutOf("until-unhealthy")).isEqualTo("10s");
    assertThat(document.canUndoProperty().get()).isFalse();
    assertThat(yaml.text()).isEqualTo(original);
  }

  @Test
  void textThatAlreadySaysWhatTheDocumentSaysIsNotReformatted() {
    String typed =
        yaml.text().replace("timeout: 10s", "timeout: 15s   # long enough for the GC pause");

    type(typed);

    assertThat(timeoutOf("until-unhealthy")).isEqualTo("15s");
    assertThat(yaml.text()).isEqualTo(typed);
  }

  @Test
  void malformedTextIsKeptVerbatimAndBlocksOtherEdits() {
    String typed = yaml.text().replace("  name: checkout-freeze-and-recover", "  name: a: b");

    type(typed);

    assertThat(yaml.text()).isEqualTo(typed);
    assertThat(document.unparsedText()).contains(typed);
    assertThat(document.isDirty()).isTrue();
    Problem error = yaml.readErrorsProperty().get().getFirst();
    assertThat(error.line()).isEqualTo(4);
    assertThat(error.column()).isEqualTo(10);
    assertThat(yaml.bannerProperty().get()).startsWith("Line 4, column 10: unexpected ':'");
    assertThat(yaml.markersProperty().get()).extracting(Problem::line).contains(4);
    assertThat(document.edit(new MoveSteps(Map.of("freeze", new Position(1, 1))))).isPresent();
    assertThat(document.canUndoProperty().get()).isFalse();
  }

  @Test
  void fixingTheTextAppliesIt() {
    String original = yaml.text();
    type(original.replace("  name: checkout-freeze-and-recover", "  name: a: b"));

    type(original.replace("  name: checkout-freeze-and-recover", "  name: fixed"));

    assertThat(document.unparsedText()).isEmpty();
    assertThat(document.experiment().metadata().name()).isEqualTo("fixed");
    assertThat(yaml.bannerProperty().get()).isEmpty();
    assertThat(yaml.readErrorsProperty().get()).isEmpty();
    assertThat(document.edit(new MoveSteps(Map.of("freeze", new Position(1, 1))))).isEmpty();
  }

  @Test
  void wrongTypesAndUnknownVersionsBlockButValidationProblemsDoNot() {
    String original = yaml.text();

    type(original.replace("timeout: 10s", "timeout: [10s]"));
    assertThat(document.unparsedText()).isPresent();
    assertThat(yaml.bannerProperty().get()).startsWith("Line ");

    type(original.replace("faultline.dev/v1alpha1", "faultline.dev/v9"));
    assertThat(document.unparsedText()).isPresent();
    assertThat(yaml.bannerProperty().get()).contains("newer than this Faultline understands");

    // An unknown attack is a validation problem: it applies, and is marked where it was typed.
    String typed = "# scratch\n" + original.replace("attack: process.signal", "attack: nope");
    type(typed);
    assertThat(document.unparsedText()).isEmpty();
    assertThat(yaml.bannerProperty().get()).isEmpty();
    int line = lineOf(typed, "attack: nope");
    assertThat(yaml.markersProperty().get())
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(line);
              assertThat(p.isError()).isTrue();
            });
  }

  @Test
  void discardingReturnsToTheDocumentsText() {
    String original = yaml.text();
    type(original + "  oops: [\n");

    yaml.discardTextChanges();

    assertThat(document.unparsedText()).isEmpty();
    assertThat(yaml.text()).isEqualTo(original);
    assertThat(yaml.bannerProperty().get()).isEmpty();
    assertThat(document.isDirty()).isFalse();
  }

  @Test
  void unknownFieldsAndLayoutSurviveATextEdit() {
    String typed =
        yaml.text()
            .replace("kind: Experiment\n", "kind: Experiment\nx-team: payments\n")
            .replace("    - id: kill\n", "    - id: kill\n      x-owner: {team: sre}\n")
            .replace("timeout: 10s", "timeout: 15s");

    type(typed);

    String written = ExperimentFormat.write(document.experiment(), Syntax.YAML);
    assertThat(written)
        .contains("x-team: payments")
        .contains("x-owner:\n        team: sre")
        .contains("until-recovered: {x: 800, y: 120}")
        .contains("timeout: 15s");

    document.edit(new MoveSteps(Map.of("kill", new Position(600, 200))));
    assertThat(yaml.text()).contains("x-team: payments").contains("kill: {x: 600, y: 200}");
  }

  @Test
  void jsonDocumentsShowJson() throws Exception {
    Path json = Files.createTempFile("experiment", ".json");
    try {
      document.open(read(EXAMPLE), json);

      assertThat(yaml.text())
          .startsWith("{")
          .contains("\"apiVersion\": \"faultline.dev/v1alpha1\"");

      type(yaml.text().replace("\"10s\"", "\"15s\""));
      assertThat(timeoutOf("until-unhealthy")).isEqualTo("15s");
      assertThat(document.undoTextProperty().get()).isEqualTo("Undo Edit JSON");
    } finally {
      Files.deleteIfExists(json);
    }
  }

  @Test
  void resultsForTextThatChangedMeanwhileAreDropped() {
    QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    yaml = viewModel(tasks);
    String original = yaml.text();

    yaml.textEdited(original.replace("timeout: 10s", "timeout: 15s"));
    yaml.applyText();
    yaml.textEdited(original.replace("timeout: 10s", "timeout: 30s"));
    tasks.runAll();

    assertThat(timeoutOf("until-unhealthy")).isEqualTo("10s");
    assertThat(yaml.pendingProperty().get()).isTrue();

    yaml.applyText();
    tasks.runAll();
    assertThat(timeoutOf("until-unhealthy")).isEqualTo("30s");
    assertThat(yaml.pendingProperty().get()).isFalse();
  }

  @Test
  void aDocumentChangeWhileParsingWinsAndTheLateResultIsDropped() {
    QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    yaml = viewModel(tasks);

    yaml.textEdited(yaml.text().replace("timeout: 10s", "timeout: 15s"));
    yaml.applyText();
    document.edit(new MoveSteps(Map.of("kill", new Position(600, 200))));
    tasks.runAll();

    assertThat(timeoutOf("until-unhealthy")).isEqualTo("10s");
    assertThat(yaml.text()).isEqualTo(ExperimentFormat.write(document.experiment(), Syntax.YAML));
  }

  @Test
  void leavingTheTextEndsItsUndoStep() {
    String original = yaml.text();
    type(original.replace("timeout: 10s", "timeout: 15s"));
    yaml.focusLost();
    type(original.replace("timeout: 10s", "timeout: 20s"));

    document.undo();
    assertThat(timeoutOf("until-unhealthy")).isEqualTo("15s");
    document.undo();
    assertThat(timeoutOf("until-unhealthy")).isEqualTo("10s");
  }

  @Test
  void typingBackToWhereTheRunBeganTakesItsUndoStepBack() {
    String original = yaml.text();
    type(original.replace("timeout: 10s", "timeout: 15s"));

    type(original);

    assertThat(document.canUndoProperty().get()).isFalse();
    assertThat(document.canRedoProperty().get()).isTrue();
    assertThat(document.isDirty()).isFalse();
    assertThat(yaml.text()).isEqualTo(original);
  }

  @Test
  void aFileThatDoesNotParseIsShownWithWhyAtOnce() {
    String broken = "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nspec: [\n";

    document.openUnparsed(broken, Path.of("broken.yaml"));

    assertThat(yaml.text()).isEqualTo(broken);
    assertThat(yaml.bannerProperty().get()).startsWith("Line ");
    assertThat(document.unparsedText()).contains(broken);
    assertThat(document.isDirty()).isFalse();
  }

  @Test
  void describesTheFirstErrorAndCountsTheRest() {
    assertThat(
            YamlViewModel.describe(
                java.util.List.of(
                    new Problem(dev.faultline.validate.Severity.ERROR, "", 12, 5, "boom"),
                    Problem.error("", "second"),
                    Problem.error("", "third"))))
        .isEqualTo("Line 12, column 5: boom (and 2 more problems)");
    assertThat(YamlViewModel.describe(java.util.List.of(Problem.error("", "no position"))))
        .isEqualTo("no position");
  }

  private void type(String text) {
    yaml.textEdited(text);
    yaml.applyText();
  }

  private String timeoutOf(String stepId) {
    for (Step step : document.experiment().spec().steps()) {
      if (step.id().equals(stepId)) {
        return String.valueOf(((ProbeStep) step).timeout());
      }
    }
    throw new AssertionError("no step " + stepId);
  }

  private static int lineOf(String text, String fragment) {
    return text.substring(0, text.indexOf(fragment)).split("\n", -1).length;
  }

  static Experiment read(Path file) {
    return new ExperimentReader().read(file).experiment().orElseThrow();
  }
}
