package dev.faultline.export.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.format.Documents;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.format.Syntax;
import dev.faultline.format.SyntaxException;
import dev.faultline.model.Experiment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Reading experiments and exporting them to Chaos Toolkit, for the tests of this package. */
final class CtkFixtures {
  private CtkFixtures() {}

  static Experiment experiment(String yaml) {
    ReadResult read = new ExperimentReader().read(yaml, Syntax.YAML);
    assertThat(read.problems()).as("fixture problems").noneMatch(p -> p.isError());
    return read.experiment().orElseThrow();
  }

  static Experiment experiment(Path file) {
    ReadResult read = new ExperimentReader().read(file);
    return read.experiment().orElseThrow();
  }

  static ExportResult export(Experiment experiment) {
    try {
      return Exports.standard()
          .export(experiment, ExportFormat.CHAOS_TOOLKIT, ExportOptions.DEFAULTS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String text) {
    try {
      return (Map<String, Object>) Documents.parse(text, Syntax.JSON, "export.json").toPlain();
    } catch (SyntaxException e) {
      throw new AssertionError("the export is not JSON: " + e.getMessage() + "\n" + text, e);
    }
  }

  static String corpus() throws IOException {
    try (InputStream in =
        CtkFixtures.class.getResourceAsStream(
            "/chaostoolkit/override-hypothesis-runtime-strategy.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
