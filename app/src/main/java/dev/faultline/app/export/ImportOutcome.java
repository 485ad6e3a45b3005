package dev.faultline.app.export;

import dev.faultline.export.ConversionWarning;
import java.nio.file.Path;
import java.util.List;

/** What File › Import gave: a new document, or why the file could not be imported. */
public sealed interface ImportOutcome {

  /** The file that was imported. */
  Path source();

  /**
   * The experiment is open as a new, unsaved document.
   *
   * @param format what the file was: {@code Chaos Mesh Workflow}
   * @param steps how many steps the experiment has
   * @param warnings what could not be mapped, with its position in {@code source}
   */
  record Opened(Path source, String format, int steps, List<ConversionWarning> warnings)
      implements ImportOutcome {
    public Opened {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Nothing was opened; the current document stays.
   *
   * @param line 1-based line of the problem in {@code source}, 0 when unknown
   * @param column 1-based column, 0 when unknown
   */
  record Failed(Path source, int line, int column, String message) implements ImportOutcome {
    /** {@code workflow.yaml, line 4, column 3: message}, leaving out what is unknown. */
    public String describe() {
      String name =
          source.getFileName() == null ? source.toString() : source.getFileName().toString();
      String where = line > 0 ? ", line " + line + ", column " + column : "";
      return name + where + ": " + message;
    }
  }
}
