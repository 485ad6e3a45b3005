package dev.faultline.engine;

import java.util.ArrayList;
import java.util.List;

/** What the fake executors and journal did, in order, as short lines: "apply a#0". */
final class ExecutionLog {
  private final List<String> lines = new ArrayList<>();

  synchronized void add(String line) {
    lines.add(line);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The lines that start with one of the given words, e.g. only "apply" and "rollback". */
  synchronized List<String> only(String... words) {
    return lines.stream()
        .filter(l -> java.util.Arrays.stream(words).anyMatch(w -> l.startsWith(w + " ")))
        .toList();
  }
}
