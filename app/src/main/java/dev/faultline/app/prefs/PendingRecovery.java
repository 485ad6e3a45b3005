package dev.faultline.app.prefs;

import dev.faultline.format.Syntax;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * Unsaved changes a crashed (or killed) Faultline left behind, found at start-up.
 *
 * @param id the recovery file's name without extension
 * @param original the file the changes belong to; empty for an untitled experiment
 * @param syntax the syntax of the saved text
 * @param savedAt when the text was last written
 * @param textFile the recovery text
 */
public record PendingRecovery(
    String id, Optional<Path> original, Syntax syntax, Instant savedAt, Path textFile) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

  public PendingRecovery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(syntax, "syntax");
    Objects.requireNonNull(savedAt, "savedAt");
    Objects.requireNonNull(textFile, "textFile");
  }

  /** The original's file name, or {@code an untitled experiment}. */
  public String displayName() {
    return original.map(Path::getFileName).map(Path::toString).orElse("an untitled experiment");
  }

  /**
   * The question to ask: {@code Restore unsaved changes to checkout.yaml from 12:03?} (with the
   * date when it was not today).
   */
  public String question(ZoneId zone, LocalDate today) {
    var local = savedAt.atZone(zone);
    String when = local.toLocalDate().equals(today) ? TIME.format(local) : DATE_TIME.format(local);
    return "Restore unsaved changes to " + displayName() + " from " + when + "?";
  }
}
