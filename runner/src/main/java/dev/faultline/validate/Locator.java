package dev.faultline.validate;

/**
 * Finds where a model path is in the source file, so problems found on the model can name a line
 * and column. Implemented by the file reader's source map; {@link #NONE} for in-memory documents.
 */
public interface Locator {
  Locator NONE = (path, offset) -> new int[] {0, 0};

  /**
   * Line and column (1-based) of {@code offset} characters into the value at {@code path}, or of
   * the nearest enclosing field that exists in the file; {@code {0, 0}} when unknown.
   */
  int[] locate(String path, int offset);

  /** Attaches the source position of its path to a problem that has none yet. */
  default Problem place(Problem problem) {
    return place(problem, 0);
  }

  /** Like {@link #place(Problem)}, pointing {@code offset} characters into the value. */
  default Problem place(Problem problem, int offset) {
    if (problem.hasPosition()) {
      return problem;
    }
    int[] where = locate(problem.path(), offset);
    return problem.at(where[0], where[1]);
  }
}
