package dev.faultline.app;

import dev.faultline.model.Experiment;
import dev.faultline.validate.Problem;
import java.util.List;

/** What reading an experiment file gave the window: an experiment, or text that does not parse. */
public sealed interface LoadedFile {

  /** The problems found, in source order (read problems and validation problems). */
  List<Problem> problems();

  /** The file parsed: it opens on the canvas, with its validation problems. */
  record Parsed(Experiment experiment, List<Problem> problems) implements LoadedFile {
    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  /** The file does not parse: it opens as text, editable, with the read problems. */
  record Unparsed(String text, List<Problem> problems) implements LoadedFile {
    public Unparsed {
      problems = List.copyOf(problems);
    }
  }
}
