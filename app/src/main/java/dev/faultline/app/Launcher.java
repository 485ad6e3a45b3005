package dev.faultline.app;

import javafx.application.Application;

/**
 * The main class: {@code faultline-designer [FILE]}.
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
   * @param args an optional experiment file to open
   */
  public static void main(String[] args) {
    Application.launch(FaultlineApp.class, args);
  }
}
