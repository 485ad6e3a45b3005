package dev.faultline.export;

import java.util.List;
import java.util.Objects;

/**
 * An exported experiment.
 *
 * @param text the file's content, ready to write or copy
 * @param warnings what the format could not express, in step order
 */
public record ExportResult(String text, List<ConversionWarning> warnings) {
  public ExportResult {
    Objects.requireNonNull(text, "text");
    warnings = List.copyOf(warnings);
  }
}
