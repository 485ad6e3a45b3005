package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {
  @TempDir Path dir;
  private final ExperimentLoader loader = new ExperimentLoader();

  @Test
  void summarisesAValidExample() throws Exception {
    Path example = Path.of("..", "docs", "examples", "checkout-freeze-and-recover.yaml");
    assertThat(loader.load(example)).isEqualTo("4 steps, 1 target, valid");
  }

  @Test
  void opensAFileWithProblemsAndNamesTheFirstError() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("x.yaml"),
            """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata: {name: x}
        spec:
          steps:
            - {id: a, wait: 5x}
        """);
    assertThat(loader.load(file))
        .isEqualTo(
            "1 step, 0 targets, 1 error, 0 warnings \u2014 line 6, column 21: '5x' is not a duration; write a number and a unit: 500ms, 10s, 2m, 1h, 1m30s");
  }

  @Test
  void unreadableFilesFailWithLineAndColumn() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "a:\n\tb: 1\n");
    assertThatThrownBy(() -> loader.load(file))
        .hasMessage(
            "line 2, column 1: tab character in indentation; YAML indents with spaces only");
    assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml"))).hasMessage("file not found");
    assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("is a directory");
  }
}
