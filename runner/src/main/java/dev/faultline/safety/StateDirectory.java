package dev.faultline.safety;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Faultline keeps machine-local state that must survive a crash: rollback journals ({@code
 * runs/}) and the registry of runs in progress ({@code active/}).
 *
 * <p>In order of precedence:
 *
 * <ol>
 *   <li>the system property {@value #PROPERTY} (tests in a forked JVM);
 *   <li>the environment variable {@value #ENV} (tests, portable installs);
 *   <li>{@code $FAULTLINE_DATA_DIR/state} when the data directory is overridden, so a test or
 *       portable install that moves the data directory moves the state with it;
 *   <li>Linux and other Unixes: {@code $XDG_STATE_HOME/faultline}, else {@code
 *       ~/.local/state/faultline} (XDG Base Directory: state that should persist between restarts
 *       but is not important or portable enough for the data directory);
 *   <li>macOS: {@code ~/Library/Application Support/Faultline/state};
 *   <li>Windows: {@code %LOCALAPPDATA%\Faultline\state} (machine-local, not roaming).
 * </ol>
 */
public final class StateDirectory {
  /** System property that overrides the state directory. */
  public static final String PROPERTY = "faultline.state.dir";

  /** Environment variable that overrides the state directory. */
  public static final String ENV = "FAULTLINE_STATE_DIR";

  private StateDirectory() {}

  /** The state directory of this process (not created). */
  public static Path get() {
    String home = System.getenv("HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("user.home", ".");
    }
    return resolve(
        System.getenv(), System.getProperty(PROPERTY), System.getProperty("os.name", ""), home);
  }

  /**
   * The state directory for the given process facts.
   *
   * @param env the environment
   * @param property the value of {@value #PROPERTY}, or {@code null}
   * @param osName {@code os.name}
   * @param home the home directory
   */
  public static Path resolve(Map<String, String> env, String property, String osName, String home) {
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String override = env.get(ENV);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String data = env.get("FAULTLINE_DATA_DIR");
    if (data != null && !data.isBlank()) {
      return Path.of(data, "state");
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String local = env.get("LOCALAPPDATA");
      return local != null && !local.isBlank()
          ? Path.of(local, "Faultline", "state")
          : Path.of(home, "AppData", "Local", "Faultline", "state");
    }
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Application Support", "Faultline", "state");
    }
    String xdg = env.get("XDG_STATE_HOME");
    return xdg != null && !xdg.isBlank()
        ? Path.of(xdg, "faultline")
        : Path.of(home, ".local", "state", "faultline");
  }
}
