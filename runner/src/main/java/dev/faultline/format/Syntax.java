package dev.faultline.format;

import java.nio.file.Path;
import java.util.Locale;

/** The text syntax of an experiment file, chosen by file extension. */
public enum Syntax {
  YAML,
  JSON;

  /** JSON for {@code .json} files, YAML for everything else ({@code .yaml}, {@code .yml}). */
  public static Syntax of(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
  }
}
