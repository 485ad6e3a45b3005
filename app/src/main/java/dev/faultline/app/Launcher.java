package dev.faultline.app;

import java.io.PrintStream;
import java.util.List;
import javafx.application.Application;

/**
 * The main class: {@code faultline-designer [--sandbox] [--kubeconfig PATH] [FILE]}.
 *
 * <p>It deliberately does not extend {@link Application}: when the main class is an Application
 * subclass, the Java launcher insists that JavaFX is on the module path as named modules, which
 * would make the class-path launch (tests, IDEs, jpackage images) fail with "JavaFX runtime
 * components are missing".
 */
public final class Launcher {

  private Launcher() {}

  /**
   * Starts the desktop application.
   *
   * @param args {@code --sandbox} to use the embedded sandbox cluster, and an experiment file to
   *     open; {@code --help} prints the usage instead
   */
  public static void main(String[] args) {
    int status = check(List.of(args), System.out, System.err);
    if (status >= 0) {
      System.exit(status);
    }
    Application.launch(FaultlineApp.class, args);
  }

  /**
   * Handles what needs no window: the usage, and unknown options.
   *
   * @return the exit status, or -1 to go on and start the application
   */
  static int check(List<String> args, PrintStream out, PrintStream err) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("faultline-designer: " + e.getMessage());
      err.print(LaunchOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      out.print(LaunchOptions.USAGE);
      return 0;
    }
    return -1;
  }
}
