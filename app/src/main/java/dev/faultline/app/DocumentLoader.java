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
   * @return a short summary for the status bar, such as {@code "12 lines"}
   * @throws Exception when the file cannot be read; its message is shown to the user
   */
  String load(Path file) throws Exception;
}
