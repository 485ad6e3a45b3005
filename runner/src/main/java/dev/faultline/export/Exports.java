package dev.faultline.export;

import dev.faultline.export.chaosmesh.ChaosMeshExporter;
import dev.faultline.export.chaostoolkit.ChaosToolkitExporter;
import dev.faultline.export.java.JavaExporter;
import dev.faultline.model.Experiment;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.util.List;

/**
 * Exports experiments in every {@link ExportFormat}: validates first (an invalid experiment is not
 * exported, so no tool receives something we would refuse to run), then hands over to the format's
 * {@link Exporter}. Used by the CLI's {@code export} and the app's File → Export alike.
 */
public final class Exports {
  private final Validator validator;

  public Exports(Validator validator) {
    this.validator = validator;
  }

  public static Exports standard() {
    return new Exports(Validator.standard());
  }

  /** The exporter of a format. */
  public static Exporter exporter(ExportFormat format) {
    return switch (format) {
      case YAML -> new FaultlineYamlExporter();
      case CHAOS_MESH -> new ChaosMeshExporter();
      case CHAOS_TOOLKIT -> new ChaosToolkitExporter();
      case JAVA -> new JavaExporter();
    };
  }

  /**
   * @throws ExportException when the experiment has validation errors (listed in the exception) or
   *     the format cannot express it at all
   */
  public ExportResult export(Experiment experiment, ExportFormat format, ExportOptions options)
      throws ExportException {
    List<Problem> errors =
        validator.validate(experiment).stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw new ExportException(
          "the experiment has "
              + errors.size()
              + (errors.size() == 1 ? " error" : " errors")
              + "; fix "
              + (errors.size() == 1 ? "it" : "them")
              + " before exporting (faultline validate lists them)",
          errors);
    }
    return exporter(format).export(experiment, options);
  }
}
