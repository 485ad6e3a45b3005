package dev.faultline.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems rules find, placing each in the source through the locator. */
public final class ProblemSink {
  private final Locator locator;
  private final List<Problem> problems = new ArrayList<>();

  public ProblemSink(Locator locator) {
    this.locator = locator;
  }

  public void error(String path, String message) {
    add(Severity.ERROR, path, 0, message);
  }

  /** An error that points {@code offset} characters into the value at {@code path}. */
  public void error(String path, int offset, String message) {
    add(Severity.ERROR, path, offset, message);
  }

  public void warning(String path, String message) {
    add(Severity.WARNING, path, 0, message);
  }

  private void add(Severity severity, String path, int offset, String message) {
    problems.add(locator.place(new Problem(severity, path, 0, 0, message), Math.max(0, offset)));
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }
}
