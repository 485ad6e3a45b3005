package dev.faultline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample experiments in docs/examples, which double as test data. */
public final class Examples {
  private Examples() {}

  public static Path dir() {
    Path fromModule = Path.of("..", "docs", "examples");
    return Files.isDirectory(fromModule) ? fromModule : Path.of("docs", "examples");
  }

  public static List<Path> all() {
    try (Stream<Path> files = Files.list(dir())) {
      return files
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
