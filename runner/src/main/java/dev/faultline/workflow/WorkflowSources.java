package dev.faultline.workflow;

import dev.faultline.export.ExportException;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exporter;
import dev.faultline.export.Exports;
import dev.faultline.model.Experiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Where a Workflow to run comes from: a Chaos Mesh Workflow file as it is, or a Faultline
 * experiment exported with the Chaos Mesh exporter ({@link Exports#exporter}).
 */
public final class WorkflowSources {
  private WorkflowSources() {}

  /**
   * Reads {@code file}: a {@code kind: Workflow} document is run as written; a {@code kind:
   * Experiment} is validated and exported first.
   *
   * @param namespace for a Workflow that names none, and the export's namespace; {@code null}: the
   *     file's or the exporter's choice
   */
  public static WorkflowDocument read(Path file, String namespace)
      throws IOException, WorkflowException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (kindOf(text).equals("Experiment")) {
      var read =
          new dev.faultline.format.ExperimentReader()
              .read(text, dev.faultline.format.Syntax.of(file))
              .validated(dev.faultline.validate.Validator.standard());
      if (read.experiment().isEmpty()
          || read.problems().stream().anyMatch(dev.faultline.validate.Problem::isError)) {
        throw new WorkflowException(
            file + ": the experiment has errors; faultline validate " + file + " lists them");
      }
      return fromExperiment(read.experiment().get(), namespace, file.toString());
    }
    return WorkflowDocument.parse(text, file.toString(), namespace);
  }

  /**
   * Exports an experiment as a Chaos Mesh Workflow and reads the result back, keeping the export's
   * warnings (what Chaos Mesh cannot express) with it for the caller to show.
   */
  public static WorkflowDocument fromExperiment(
      Experiment experiment, String namespace, String source) throws WorkflowException {
    Exporter exporter = Exports.exporter(ExportFormat.CHAOS_MESH);
    ExportResult result;
    try {
      result = exporter.export(experiment, ExportOptions.DEFAULTS.withNamespace(namespace));
    } catch (ExportException e) {
      throw new WorkflowException(source + ": cannot export to Chaos Mesh: " + e.getMessage(), e);
    }
    return WorkflowDocument.parse(result.text(), source + " (exported)", namespace)
        .withExportWarnings(result.warnings());
  }

  private static String kindOf(String text) {
    try {
      Object value =
          new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(text);
      return value instanceof Map<?, ?> map && map.get("kind") instanceof String kind ? kind : "";
    } catch (YamlEngineException e) {
      return ""; // WorkflowDocument.parse reports the syntax error with its line
    }
  }
}
