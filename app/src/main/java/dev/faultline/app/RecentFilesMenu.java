package dev.faultline.app;

import java.nio.file.Path;
import java.util.List;

/** The recent-files list as the File menu needs it. */
public interface RecentFilesMenu {
  /** Most recent first. */
  List<Path> list();

  void clear();

  /** A list that remembers nothing (tests that do not care). */
  RecentFilesMenu NONE =
      new RecentFilesMenu() {
        @Override
        public List<Path> list() {
          return List.of();
        }

        @Override
        public void clear() {}
      };
}
