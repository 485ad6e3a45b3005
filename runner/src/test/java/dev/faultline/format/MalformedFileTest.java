package dev.faultline.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.validate.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed files give one clear problem with line and column, never an exception. */
class MalformedFileTest {
  private static final String HEADER =
      "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata:\n  name: x\n";

  private static Problem onlyProblem(String text, Syntax syntax) {
    ReadResult read = new ExperimentReader().read(text, syntax);
    assertThat(read.experiment()).isEmpty();
    assertThat(read.problems()).hasSize(1);
    return read.problems().getFirst();
  }

  @Test
  void tabIndentation() {
    Problem p = onlyProblem(HEADER + "spec:\n\tsteps: []\n", Syntax.YAML);
    assertThat(p.line()).isEqualTo(6);
    assertThat(p.column()).isEqualTo(1);
    assertThat(p.message()).contains("tab character").contains("spaces");
  }

  @Test
  void badIndentation() {
    Problem p =
        onlyProblem(
            HEADER + "spec:\n  steps:\n    - id: a\n      wait: 1s\n   oops: 1\n", Syntax.YAML);
    assertThat(p.line()).isEqualTo(9);
    assertThat(p.column()).isEqualTo(4);
    assertThat(p.message()).contains("indentation");
  }

  @Test
  void duplicateKeyNamesBothLines() {
    Problem p = onlyProblem(HEADER + "spec:\n  steps: []\n  steps: []\n", Syntax.YAML);
    assertThat(p.line()).isEqualTo(7);
    assertThat(p.column()).isEqualTo(3);
    assertThat(p.message()).isEqualTo("duplicate key 'steps' (first defined at line 6)");
  }

  @Test
  void duplicateKeyInJson() {
    Problem p =
        onlyProblem("{\n  \"kind\": \"Experiment\",\n  \"kind\": \"Experiment\"\n}\n", Syntax.JSON);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.column()).isEqualTo(3);
    assertThat(p.message()).contains("duplicate key 'kind'");
  }

  @Test
  void unclosedFlowListNamesWhereItStarts() {
    Problem p = onlyProblem(HEADER + "spec:\n  steps: [\n", Syntax.YAML);
    assertThat(p.message()).contains("never closed");
    Problem inList = onlyProblem(HEADER + "spec:\n  steps: [{id: a, wait: 1s}\n", Syntax.YAML);
    assertThat(inList.message())
        .isEqualTo(
            "the file ends inside the list '[' that starts at line 6, column 10; a closing bracket is missing");
    Problem inQuotes = onlyProblem(HEADER + "spec:\n  steps: []\n  x-note: \"open\n", Syntax.YAML);
    assertThat(inQuotes.message())
        .isEqualTo(
            "the file ends inside the quoted string that starts at line 7, column 11; a closing quote is missing");
  }

  @Test
  void colonInPlainValue() {
    Problem p = onlyProblem(HEADER + "spec:\n  steps:\n    - id: a: b\n", Syntax.YAML);
    assertThat(p.line()).isEqualTo(7);
    assertThat(p.column()).isEqualTo(12);
    assertThat(p.message()).contains("unexpected ':'");
  }

  @Test
  void malformedJson() {
    Problem p = onlyProblem("{\n  \"kind\" \"Experiment\"\n}", Syntax.JSON);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(10);
    assertThat(p.message()).contains("colon");
  }

  @Test
  void emptyFile() {
    assertThat(onlyProblem("", Syntax.YAML).message()).contains("empty");
    assertThat(onlyProblem("  \n", Syntax.JSON).message()).contains("empty");
  }

  @Test
  void topLevelListIsNotAnExperiment() {
    Problem p = onlyProblem("- a\n- b\n", Syntax.YAML);
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.message()).contains("mapping").contains("not a list");
  }

  @Test
  void wrongTypesAreReportedAtTheValueAndReadingGoesOn() {
    String text =
        HEADER
            + """
            spec:
              targets:
                web:
                  namespaces: shop
                  blastRadius: {mode: percent, value: 12.5}
              steps:
                - id: a
                  wait: 1s
                  after: a
                - id: b
                  probe: http.check
                  with: [url]
            """;
    ReadResult read = new ExperimentReader().read(text, Syntax.YAML);

    assertThat(read.experiment()).isPresent();
    assertThat(read.problems())
        .extracting(p -> p.line() + ":" + p.column() + " " + p.path() + " " + p.message())
        .containsExactly(
            "8:19 spec.targets.web.namespaces 'namespaces' must be a list such as [shop], not a string",
            "9:43 spec.targets.web.blastRadius.value expected a whole number, not a number",
            "13:14 spec.steps[0].after 'after' must be a list such as [a], not a string",
            "16:13 spec.steps[1].with 'with' must be a mapping (key: value lines), not a list");
  }

  @Test
  void stepWithTwoKindsOrNone() {
    String text =
        HEADER
            + """
            spec:
              steps:
                - id: both
                  wait: 1s
                  gate: Go?
                - id: neither
            """;
    ReadResult read = new ExperimentReader().read(text, Syntax.YAML);
    assertThat(read.problems())
        .extracting(Problem::message)
        .containsExactly(
            "a step is one kind, but this one has both 'wait' and 'gate'",
            "a step needs one of 'attack', 'probe', 'wait' or 'gate'");
    assertThat(read.problems()).extracting(Problem::line).containsExactly(9, 10);
  }

  @Test
  void missingFileAndNonUtf8(@TempDir Path dir) throws IOException {
    assertThat(new ExperimentReader().read(dir.resolve("nope.yaml")).problems())
        .extracting(Problem::message)
        .containsExactly("file not found");
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
    assertThat(new ExperimentReader().read(latin1).problems())
        .extracting(Problem::message)
        .containsExactly("the file is not UTF-8 text");
  }
}
