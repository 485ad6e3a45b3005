package dev.faultline.export;

import dev.faultline.model.Experiment;
import java.util.List;
import java.util.Objects;

/**
 * An experiment read from another tool's file.
 *
 * @param experiment the experiment, with a generated layout
 * @param format what the source was, for messages: {@code Chaos Mesh Workflow}
 * @param warnings what could not be mapped, with its position in the source
 */
public record ImportResult(Experiment experiment, String format, List<ConversionWarning> warnings) {
  public ImportResult {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(format, "format");
    warnings = List.copyOf(warnings);
  }
}
