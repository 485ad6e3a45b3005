package dev.faultline.format;

import dev.faultline.model.Experiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes experiments as text in the canonical layout, and saves them atomically. */
public final class ExperimentFormat {
  private ExperimentFormat() {}

  public static String write(Experiment experiment, Syntax syntax) {
    Map<String, Object> plain = ExperimentWriter.toPlain(experiment);
    return syntax == Syntax.JSON ? JsonText.write(plain) : YamlText.write(plain);
  }

  /**
   * Saves to {@code file} in the syntax its extension names. The file is replaced in one step: a
   * crash leaves either the old or the new content, never half of it.
   */
  public static void save(Experiment experiment, Path file) throws IOException {
    AtomicFiles.write(file, write(experiment, Syntax.of(file)));
  }
}
