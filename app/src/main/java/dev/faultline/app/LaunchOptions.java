package dev.faultline.app;

import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code faultline-designer [--sandbox] [FILE]}.
 *
 * @param sandbox connect to the embedded sandbox even when a kubeconfig exists
 * @param file the experiment to open
 * @param help print the usage and exit
 */
record LaunchOptions(boolean sandbox, Optional<String> file, boolean help) {

  /** No options: open nothing, connect to the current kubeconfig context (or the sandbox). */
  static final LaunchOptions NONE = new LaunchOptions(false, Optional.empty(), false);

  static final String USAGE =
      """
      Usage: faultline-designer [--sandbox] [FILE]

      Opens the Faultline designer, with the experiment FILE if given.

        --sandbox   connect to the embedded sandbox cluster instead of the current
                    kubeconfig context (without a kubeconfig, the sandbox is used anyway)
        -h, --help  show this help and exit
      """;

  /**
   * Parses the arguments. The first non-blank argument that is not an option is the file; the rest
   * are ignored. A lone {@code --} ends the options, for files whose names start with a dash.
   *
   * @throws IllegalArgumentException for an unknown option
   */
  static LaunchOptions parse(List<String> arguments) {
    boolean sandbox = false;
    boolean help = false;
    boolean optionsEnded = false;
    String file = null;
    for (String argument : arguments) {
      if (!optionsEnded && argument.startsWith("-") && argument.length() > 1) {
        switch (argument) {
          case "--sandbox" -> sandbox = true;
          case "-h", "--help" -> help = true;
          case "--" -> optionsEnded = true;
          default -> throw new IllegalArgumentException("unknown option " + argument);
        }
      } else if (file == null && !argument.isBlank()) {
        file = argument;
      }
    }
    return new LaunchOptions(sandbox, Optional.ofNullable(file), help);
  }
}
