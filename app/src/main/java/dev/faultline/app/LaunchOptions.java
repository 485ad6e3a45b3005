package dev.faultline.app;

import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code faultline-designer [--sandbox] [--kubeconfig PATH] [FILE]}.
 *
 * @param sandbox connect to the embedded sandbox even when a kubeconfig exists
 * @param file the experiment to open
 * @param help print the usage and exit
 * @param kubeconfig the kubeconfig file to read instead of {@code KUBECONFIG} or {@code
 *     ~/.kube/config}
 */
record LaunchOptions(
    boolean sandbox, Optional<String> file, boolean help, Optional<String> kubeconfig) {

  /** No options: open nothing, connect to the current kubeconfig context (or the sandbox). */
  static final LaunchOptions NONE =
      new LaunchOptions(false, Optional.empty(), false, Optional.empty());

  static final String USAGE =
      """
      Usage: faultline-designer [--sandbox] [--kubeconfig PATH] [FILE]

      Opens the Faultline designer, with the experiment FILE if given.

        --sandbox          connect to the embedded sandbox cluster instead of the current
                           kubeconfig context (without a kubeconfig, the sandbox is used anyway)
        --kubeconfig PATH  read this kubeconfig file instead of KUBECONFIG or ~/.kube/config
        -h, --help         show this help and exit
      """;

  /** Options without {@code --kubeconfig}. */
  LaunchOptions(boolean sandbox, Optional<String> file, boolean help) {
    this(sandbox, file, help, Optional.empty());
  }

  /**
   * Parses the arguments. The first non-blank argument that is not an option is the file; the rest
   * are ignored. A lone {@code --} ends the options, for files whose names start with a dash.
   *
   * @throws IllegalArgumentException for an unknown option or {@code --kubeconfig} without a path
   */
  static LaunchOptions parse(List<String> arguments) {
    boolean sandbox = false;
    boolean help = false;
    boolean optionsEnded = false;
    String file = null;
    String kubeconfig = null;
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (!optionsEnded && argument.startsWith("--kubeconfig=")) {
        kubeconfig = path(argument.substring("--kubeconfig=".length()));
      } else if (!optionsEnded && argument.startsWith("-") && argument.length() > 1) {
        switch (argument) {
          case "--sandbox" -> sandbox = true;
          case "-h", "--help" -> help = true;
          case "--" -> optionsEnded = true;
          case "--kubeconfig" -> {
            if (i + 1 >= arguments.size()) {
              throw new IllegalArgumentException("--kubeconfig needs a PATH");
            }
            kubeconfig = path(arguments.get(++i));
          }
          default -> throw new IllegalArgumentException("unknown option " + argument);
        }
      } else if (file == null && !argument.isBlank()) {
        file = argument;
      }
    }
    return new LaunchOptions(
        sandbox, Optional.ofNullable(file), help, Optional.ofNullable(kubeconfig));
  }

  private static String path(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("--kubeconfig needs a PATH");
    }
    return value;
  }
}
