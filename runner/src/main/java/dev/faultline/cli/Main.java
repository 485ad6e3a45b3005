package dev.faultline.cli;

import picocli.CommandLine;

/** Entry point of the {@code faultline} launcher. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests, which must not exit the JVM). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    return new CommandLine(new FaultlineCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
