package dev.faultline.app.prefs;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps its settings (recent files, window layout), following each platform's
 * convention: {@code $XDG_CONFIG_HOME/faultline} or {@code ~/.config/faultline} on Linux and other
 * Unixes, {@code ~/Library/Application Support/Faultline/config} on macOS, {@code
 * %APPDATA%\Faultline\config} on Windows. {@value #ENV} overrides it, for tests and portable
 * installs.
 */
public final class ConfigDirectory {

  /** Environment variable that overrides the config directory. */
  public static final String ENV = "FAULTLINE_CONFIG_DIR";

  private ConfigDirectory() {}

  /** The config directory of this user (not created). */
  public static Path get() {
    return resolve(
        System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
  }

  static Path resolve(Map<String, String> env, String osName, String home) {
    String override = env.get(ENV);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String appData = env.get("APPDATA");
      return appData != null && !appData.isBlank()
          ? Path.of(appData, "Faultline", "config")
          : Path.of(home, "AppData", "Roaming", "Faultline", "config");
    }
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Application Support", "Faultline", "config");
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    // XDG: a relative value is invalid and must be ignored.
    return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg, "faultline")
        : Path.of(home, ".config", "faultline");
  }
}
