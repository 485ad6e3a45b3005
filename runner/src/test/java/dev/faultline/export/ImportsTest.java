package dev.faultline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.Examples;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImportsTest {
  private final Imports imports = Imports.standard();

  static java.util.List<Path> examples() {
    return Examples.all();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void ourOwnFilesImportAsTheyRead(Path example) throws Exception {
    ImportResult result =
        imports.read(Files.readString(example), Syntax.of(example), example.toString());

    assertThat(result.format()).isEqualTo("Faultline experiment");
    assertThat(result.experiment())
        .isEqualTo(new ExperimentReader().read(example).experiment().orElseThrow());
  }

  @Test
  void aSyntaxErrorKeepsItsPosition() {
    ImportException e =
        catchThrowableOfType(
            ImportException.class,
            () -> imports.read("title: x\nmethod: [\n", Syntax.YAML, "broken.yaml"));

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).isNotBlank();
  }

  @Test
  void aDocumentOfNoKnownFormatIsNamedAsSuch() {
    ImportException e =
        catchThrowableOfType(
            ImportException.class,
            () -> imports.read("apiVersion: v1\nkind: Pod\n", Syntax.YAML, "pod.yaml"));

    assertThat(e.getMessage()).contains("not a format Faultline imports");
    assertThat(e.line()).isEqualTo(1);
  }

  @Test
  void anInvalidFaultlineFileReportsItsFirstErrorWithPosition() {
    String text =
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: broken
        spec:
          steps:
            - id: a
              attack: k8s.pod.explode
        """;

    ImportException e =
        catchThrowableOfType(
            ImportException.class, () -> imports.read(text, Syntax.YAML, "broken.yaml"));

    assertThat(e.line()).isEqualTo(8);
    assertThat(e.path()).isEqualTo("spec.steps[0].attack");
  }
}
