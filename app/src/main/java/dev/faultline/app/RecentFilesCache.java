package dev.faultline.app;

import dev.faultline.app.prefs.RecentFile;
import dev.faultline.app.prefs.RecentFiles;
import dev.faultline.designer.fx.UiTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The recent-files list for the File menu, kept in memory on the FX thread and written to its file
 * in the background, so showing the menu never touches the disk.
 */
final class RecentFilesCache implements RecentFilesMenu {

  private final Optional<RecentFiles> store;
  private final UiTaskExecutor tasks;
  private List<Path> paths;

  RecentFilesCache(Optional<RecentFiles> store, List<Path> initial, UiTaskExecutor tasks) {
    this.store = store;
    this.tasks = tasks;
    this.paths = List.copyOf(initial);
  }

  @Override
  public List<Path> list() {
    return paths;
  }

  /** Puts {@code path} first (after an open or a save). */
  void add(Path path) {
    var copy = new java.util.ArrayList<Path>(paths);
    copy.remove(path);
    copy.addFirst(path);
    paths = List.copyOf(copy.subList(0, Math.min(copy.size(), RecentFiles.MAX)));
    store.ifPresent(
        files ->
            tasks.execute(
                () -> {
                  files.add(path);
                  return files.list().stream().map(RecentFile::path).toList();
                },
                // Another instance may have added files too: the file has the whole story.
                merged -> paths = merged,
                failure -> {}));
  }

  @Override
  public void clear() {
    paths = List.of();
    store.ifPresent(
        files ->
            tasks.execute(
                () -> {
                  files.clear();
                  return null;
                },
                done -> {},
                failure -> {}));
  }
}
