package dev.faultline.export.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportResult;
import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChaosToolkitStructureTest {
  static Stream<Path> examples() {
    return Examples.all().stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleExportsWithTheStructureChaoslibRequires(Path file) {
    ExportResult result = CtkFixtures.export(CtkFixtures.experiment(file));

    assertThat(ChaosToolkitStructure.check(CtkFixtures.json(result.text()))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyStepIsExportedOrNamedInAWarning(Path file) {
    Experiment experiment = CtkFixtures.experiment(file);
    ExportResult result = CtkFixtures.export(experiment);
    String text = result.text();
    List<Step> steps = experiment.spec().steps();
    for (int i = 0; i < steps.size(); i++) {
      String path = "spec.steps[" + i + "]";
      boolean exported = text.contains("\"name\": \"" + steps.get(i).id() + "\"");
      boolean warned =
          result.warnings().stream().map(ConversionWarning::path).anyMatch(p -> p.startsWith(path));
      boolean waited = steps.get(i).kindWord().equals("wait") && text.contains("\"pauses\"");
      assertThat(exported || warned || waited)
          .as("%s (%s) is neither exported nor warned about", steps.get(i).id(), path)
          .isTrue();
    }
  }

  @Test
  void theCorpusExperimentHasTheRequiredStructure() throws Exception {
    assertThat(ChaosToolkitStructure.check(CtkFixtures.json(CtkFixtures.corpus()))).isEmpty();
  }

  @Test
  void theCheckerNamesWhatIsMissingOrMalformed() {
    Map<String, Object> broken =
        Map.of(
            "title", "t",
            "method",
                List.of(
                    Map.of("type", "action", "name", "a", "provider", Map.of("type", "python")),
                    Map.of(
                        "type",
                        "step",
                        "name",
                        "b",
                        "provider",
                        Map.of("type", "http", "url", "http://x", "headers", "x"))),
            "steady-state-hypothesis",
                Map.of(
                    "title",
                    "h",
                    "probes",
                    List.of(
                        Map.of(
                            "type",
                            "probe",
                            "name",
                            "p",
                            "provider",
                            Map.of("type", "process", "path", "ls")),
                        Map.of(
                            "type",
                            "probe",
                            "name",
                            "q",
                            "tolerance",
                            Map.of("type", "range", "range", List.of(5L)),
                            "provider",
                            Map.of("type", "process", "path", "ls")))));

    assertThat(ChaosToolkitStructure.check(broken))
        .containsExactlyInAnyOrder(
            "description: required non-empty string",
            "method[0].provider.module: required non-empty string",
            "method[0].provider.func: required non-empty string",
            "method[1].type: must be probe or action, not step",
            "method[1].provider.headers: must be a mapping",
            "steady-state-hypothesis.probes[0]: a hypothesis probe needs a tolerance",
            "steady-state-hypothesis.probes[1].tolerance.range: must be [low, high] numbers");
  }
}
