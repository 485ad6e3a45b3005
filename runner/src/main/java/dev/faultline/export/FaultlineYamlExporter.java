package dev.faultline.export;

import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import java.util.List;

/** Our own format, canonically written: nothing is lost, so there are never warnings. */
final class FaultlineYamlExporter implements Exporter {
  @Override
  public ExportFormat format() {
    return ExportFormat.YAML;
  }

  @Override
  public ExportResult export(Experiment experiment, ExportOptions options) {
    return new ExportResult(ExperimentFormat.write(experiment, Syntax.YAML), List.of());
  }
}
