package dev.faultline.app;

import dev.faultline.app.prefs.ConfigDirectory;
import dev.faultline.app.prefs.PendingRecovery;
import dev.faultline.app.prefs.RecentFile;
import dev.faultline.app.prefs.RecentFiles;
import dev.faultline.app.prefs.RecoveryStore;
import dev.faultline.app.prefs.UpdatePrefs;
import dev.faultline.app.prefs.WindowLayout;
import dev.faultline.app.prefs.WindowLayoutStore;
import dev.faultline.safety.DataDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the app remembers between starts, read before the window opens (off the FX thread, in {@code
 * Application.init}): window layout and theme, recent files, and the recovery copies of crashed
 * sessions.
 *
 * @param layout how the window was left
 * @param layoutStore where the layout is saved on close; empty: nowhere (tests)
 * @param recentFiles the recent-files list; empty: none kept (tests)
 * @param recent the list as read at start, most recent first
 * @param recovery where unsaved changes are copied while editing; empty: nowhere (tests)
 * @param pending recovery copies crashed sessions left, to offer for restoring
 * @param warnings what could not be read (a corrupt settings file), for the status line
 * @param updates the opt-in update check's settings; empty: nothing kept, checking off (tests)
 */
public record AppState(
    WindowLayout layout,
    Optional<WindowLayoutStore> layoutStore,
    Optional<RecentFiles> recentFiles,
    List<Path> recent,
    Optional<RecoveryStore> recovery,
    List<PendingRecovery> pending,
    List<String> warnings,
    Optional<UpdatePrefs> updates) {

  /** What the app remembers, without update settings (checking off). */
  public AppState(
      WindowLayout layout,
      Optional<WindowLayoutStore> layoutStore,
      Optional<RecentFiles> recentFiles,
      List<Path> recent,
      Optional<RecoveryStore> recovery,
      List<PendingRecovery> pending,
      List<String> warnings) {
    this(layout, layoutStore, recentFiles, recent, recovery, pending, warnings, Optional.empty());
  }

  /** The same with {@code updates} as the update check's settings. */
  public AppState withUpdates(UpdatePrefs updates) {
    return new AppState(
        layout,
        layoutStore,
        recentFiles,
        recent,
        recovery,
        pending,
        warnings,
        Optional.of(updates));
  }

  public AppState {
    recent = List.copyOf(recent);
    pending = List.copyOf(pending);
    warnings = List.copyOf(warnings);
  }

  /** Remembers nothing and offers nothing: the default window, for tests and benchmarks. */
  public static AppState none() {
    return new AppState(
        WindowLayout.DEFAULT,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        List.of(),
        List.of());
  }

  /** Reads everything from the user's config and data directories; never throws. */
  public static AppState load() {
    return load(ConfigDirectory.get(), DataDirectory.get());
  }

  static AppState load(Path configDir, Path dataDir) {
    List<String> warnings = new ArrayList<>();
    WindowLayoutStore layoutStore = new WindowLayoutStore(configDir);
    var layout = layoutStore.load();
    layout.warning().ifPresent(warnings::add);
    RecentFiles recentFiles = new RecentFiles(configDir);
    var recent = recentFiles.load();
    recent.warning().ifPresent(warnings::add);
    RecoveryStore recovery = new RecoveryStore(dataDir);
    List<PendingRecovery> pending = List.of();
    try {
      pending = recovery.pending();
    } catch (IOException | RuntimeException e) {
      warnings.add("Cannot look for unsaved changes of a crashed session: " + e.getMessage());
    }
    var updates = UpdatePrefs.load(configDir);
    updates.warning().ifPresent(warnings::add);
    return new AppState(
        layout.value(),
        Optional.of(layoutStore),
        Optional.of(recentFiles),
        recent.value().stream().map(RecentFile::path).toList(),
        Optional.of(recovery),
        pending,
        warnings,
        Optional.of(updates.value()));
  }
}
