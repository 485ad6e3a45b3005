package dev.faultline.export;

import dev.faultline.model.Experiment;

/**
 * Writes an experiment in another tool's format. Implementations are pure: no cluster, no files;
 * callers write the text where the user wants it (atomically). An exporter is given only valid
 * experiments ({@link Exports} validates first).
 */
public interface Exporter {
  ExportFormat format();

  /**
   * @throws ExportException when the experiment has nothing the format can express, such as a Chaos
   *     Mesh export of an experiment with no attack Chaos Mesh has
   */
  ExportResult export(Experiment experiment, ExportOptions options) throws ExportException;
}
