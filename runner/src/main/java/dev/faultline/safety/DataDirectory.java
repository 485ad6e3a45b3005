package dev.faultline.safety;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Faultline keeps its own files (sandbox kubeconfig, later autosaves and run journals),
 * following each platform's convention. {@code FAULTLINE_DATA_DIR} overrides it, for tests and
 * portable installs.
 */
public final class DataDirectory {
  private DataDirectory() {}

  public static Path get() {
    return resolve(
        System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
  }

  static Path resolve(Map<String, String> env, String osName, String home) {
    String override = env.get("FAULTLINE_DATA_DIR");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String appData = env.get("APPDATA");
      return appData != null
          ? Path.of(appData, "Faultline")
          : Path.of(home, "AppData", "Roaming", "Faultline");
    }
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Application Support", "Faultline");
    }
    String xdg = env.get("XDG_DATA_HOME");
    return xdg != null && !xdg.isBlank()
        ? Path.of(xdg, "faultline")
        : Path.of(home, ".local", "share", "faultline");
  }
}
