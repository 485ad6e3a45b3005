package dev.faultline.app.prefs;

import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.model.Experiment;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A recovery file read back: the text and, when it parses, the experiment in it.
 *
 * @param experiment empty when the text does not parse (it was being typed in the text view)
 */
public record RecoveredText(String text, Optional<Experiment> experiment, Optional<Path> original) {

  public RecoveredText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(original, "original");
  }

  /**
   * Shows the recovered changes in {@code document}, unsaved (dirty) and belonging to the original
   * file. Text that does not parse goes to the text view as unparsed text, as it was before the
   * crash. Call on the FX thread.
   */
  public void applyTo(ExperimentDocument document) {
    Path path = original.orElse(null);
    if (experiment.isPresent()) {
      document.restore(experiment.get(), path);
    } else {
      document.restore(ExperimentDocument.blank(), path);
      document.setUnparsedText(text);
    }
  }
}
