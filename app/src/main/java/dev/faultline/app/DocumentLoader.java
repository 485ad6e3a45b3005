package dev.faultline.app;

import java.nio.file.Path;

/**
 * Reads an experiment file for the main window. Called on a background thread, never on the FX
 * thread.
 *
 * <p>The seam between the window and the experiment reader; see {@link ExperimentLoader}.
 */
@FunctionalInterface
public interface DocumentLoader {

  /**
   * Reads {@code file}.
   *
   * @param file the file to read
   * @return the experiment, or the text when it does not parse
   * @throws Exception when the file cannot be read at all; its message is shown to the user
   */
  LoadedFile load(Path file) throws Exception;
}
