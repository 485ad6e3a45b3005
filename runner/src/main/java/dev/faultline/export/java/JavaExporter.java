package dev.faultline.export.java;

import dev.faultline.export.ExportException;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exporter;
import dev.faultline.model.Experiment;

/** PLACEHOLDER until the Java exporter lands: refuses every export. */
public final class JavaExporter implements Exporter {
  @Override
  public ExportFormat format() {
    return ExportFormat.JAVA;
  }

  @Override
  public ExportResult export(Experiment experiment, ExportOptions options) throws ExportException {
    throw new ExportException("export to " + format().title() + " is not built yet");
  }
}
