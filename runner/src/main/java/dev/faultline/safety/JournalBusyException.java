package dev.faultline.safety;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal is held by a live process (its run is still going), so it must not be rolled back or
 * written by anyone else.
 */
public final class JournalBusyException extends IOException {
  private final transient Path file;

  public JournalBusyException(Path file) {
    super(file + " is in use by a run in progress");
    this.file = file;
  }

  /** The journal file. */
  public Path file() {
    return file;
  }
}
