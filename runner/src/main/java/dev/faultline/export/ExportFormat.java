package dev.faultline.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats an experiment can be exported to; {@link #cliName()} is the CLI's {@code --to}. */
public enum ExportFormat {
  /** Our own format, canonically written. */
  YAML("yaml", "Faultline YAML", "yaml"),
  /** A Chaos Mesh {@code Workflow} that Chaos Mesh runs in the cluster. */
  CHAOS_MESH("chaos-mesh", "Chaos Mesh Workflow", "yaml"),
  /** A Chaos Toolkit experiment using chaostoolkit-kubernetes actions. */
  CHAOS_TOOLKIT("chaostoolkit", "Chaos Toolkit experiment", "json"),
  /** A JUnit 5 test class that builds the experiment with the fluent Java API and runs it. */
  JAVA("java", "JUnit 5 test (Java)", "java");

  private final String cliName;
  private final String title;
  private final String extension;

  ExportFormat(String cliName, String title, String extension) {
    this.cliName = cliName;
    this.title = title;
    this.extension = extension;
  }

  public String cliName() {
    return cliName;
  }

  /** For menus and dialogs. */
  public String title() {
    return title;
  }

  /** The usual file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  public static Optional<ExportFormat> byCliName(String name) {
    return Arrays.stream(values())
        .filter(f -> f.cliName.equals(name.toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
