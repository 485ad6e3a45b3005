package dev.faultline.designer.yaml;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Where a step starts in the document's text, YAML or JSON, as the writer lays it out. */
final class StepLines {
  private StepLines() {}

  /**
   * The 1-based line of the step with id {@code stepId}: {@code - id: kill} in YAML, {@code "id" :
   * "kill"} in JSON. Empty when there is none (the text was typed by hand, or the id is not there).
   */
  static OptionalInt find(String text, String stepId) {
    Pattern start =
        Pattern.compile(
            "^\\s*(?:-\\s+id:\\s*[\"']?"
                + Pattern.quote(stepId)
                + "[\"']?\\s*$|\"id\"\\s*:\\s*\""
                + Pattern.quote(stepId)
                + "\")",
            Pattern.MULTILINE);
    var match = start.matcher(text);
    if (!match.find()) {
      return OptionalInt.empty();
    }
    int line = 1;
    for (int i = 0; i < match.start(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    // The match may begin at the line's indentation; count from its first character.
    return OptionalInt.of(line);
  }
}
