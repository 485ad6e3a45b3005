package dev.faultline.app.prefs;

import java.nio.file.Path;

/**
 * One entry of File › Open Recent.
 *
 * @param path normalised absolute path
 * @param exists whether the file was there when the list was read; a missing one stays in the list
 *     (it may be on a drive that is not mounted) but the menu can grey it out
 */
public record RecentFile(Path path, boolean exists) {

  /** The file name, for the menu item's text. */
  public String fileName() {
    Path name = path.getFileName();
    return name == null ? path.toString() : name.toString();
  }
}
