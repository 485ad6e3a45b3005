package dev.faultline.app;

import java.nio.file.Path;

/**
 * Reads an experiment file for the main window. Called on a background thread, never on the FX
 * thread.
 *
 * <p>The seam where the real experiment reader ({@code dev.faultline.format}) plugs in; until then
 * {@link LineCountLoader} only proves the file is readable.
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
