package dev.faultline.app.prefs;

import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.Syntax;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The text of an unsaved document, to write to a recovery file.
 *
 * @param text what Save would write now
 * @param syntax YAML or JSON, as the document is saved
 * @param original the file the document belongs to; empty when untitled
 */
public record RecoverySnapshot(String text, Syntax syntax, Optional<Path> original) {

  public RecoverySnapshot {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(syntax, "syntax");
    Objects.requireNonNull(original, "original");
  }

  /**
   * What {@code document} would save now: the text view's unparsed text if any, else the experiment
   * written in the document's syntax. Call on the FX thread (the document lives there).
   */
  public static RecoverySnapshot of(ExperimentDocument document) {
    String text =
        document
            .unparsedText()
            .orElseGet(() -> ExperimentFormat.write(document.experiment(), document.syntax()));
    return new RecoverySnapshot(text, document.syntax(), document.file());
  }
}
