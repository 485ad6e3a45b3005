package dev.faultline.app.prefs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the cluster-catalog dialogs remember: the namespace used last, in {@code catalog.json} in
 * the config directory. Reads and writes block; the dialogs call {@link #rememberNamespace} from
 * their background work.
 */
public final class CatalogPrefs {
  static final String FILE_NAME = "catalog.json";
  private static final String DEFAULT_NAMESPACE = "default";
  private final JsonSettingsFile file;

  public CatalogPrefs(Path configDir) {
    this.file = new JsonSettingsFile(configDir.resolve(FILE_NAME));
  }

  /** The namespace used last, else {@code default}. */
  public synchronized String lastNamespace() {
    return JsonSettingsFile.string(file.read().value(), "namespace")
        .filter(s -> !s.isBlank())
        .orElse(DEFAULT_NAMESPACE);
  }

  /** Remembers {@code namespace}; a failure to write is not worth an error dialog. */
  public synchronized void rememberNamespace(String namespace) {
    try {
      file.write(Map.of("namespace", namespace));
    } catch (IOException e) {
      // Only a convenience: next time the dialog starts at "default".
    }
  }
}
