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
  void readsAValidExample() throws Exception {
    Path example = Path.of("..", "docs", "examples", "checkout-freeze-and-recover.yaml");
    LoadedFile.Parsed parsed = (LoadedFile.Parsed) loader.load(example);

    assertThat(parsed.experiment().spec().steps()).hasSize(4);
    assertThat(parsed.problems()).isEmpty();
  }

  @Test
  void aFileWithProblemsParsesAndTheSummaryNamesTheFirstError() throws Exception {
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
    LoadedFile.Parsed parsed = (LoadedFile.Parsed) loader.load(file);

    assertThat(ExperimentLoader.summary(1, 0, parsed.problems()))
        .isEqualTo(
            "1 step, 0 targets, 1 error, 0 warnings \u2014 line 6, column 21: '5x' is not a duration; write a number and a unit: 500ms, 10s, 2m, 1h, 1m30s");
  }

  @Test
  void aFileThatDoesNotParseComesBackAsItsTextWithLineAndColumn() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "a:\n\tb: 1\n");
    LoadedFile.Unparsed unparsed = (LoadedFile.Unparsed) loader.load(file);

    assertThat(unparsed.text()).isEqualTo("a:\n\tb: 1\n");
    assertThat(ExperimentLoader.describe(unparsed.problems().getFirst()))
        .isEqualTo("line 2, column 1: tab character in indentation; YAML indents with spaces only");
  }

  @Test
  void unreadableFilesAreRefused() throws IOException {
    assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
    assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("is a directory");
    Path binary = Files.write(dir.resolve("image.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    assertThatThrownBy(() -> loader.load(binary)).hasMessageContaining("is not UTF-8 text");
  }
}
