package dev.faultline.app.prefs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The most recently opened or saved experiment files, newest first, at most {@value #MAX}, stored
 * in {@code recent-files.json} of the config directory.
 *
 * <p>Every call reads the file afresh and changes write it back, so two running instances add to
 * one list instead of overwriting each other's entries with a stale copy. All methods do file IO:
 * call them off the FX thread. Thread-safe.
 */
public final class RecentFiles {

  /** How many files the list keeps. */
  public static final int MAX = 10;

  static final String FILE_NAME = "recent-files.json";

  private final JsonSettingsFile file;

  /** The list kept in {@code configDir}; see {@link ConfigDirectory#get()}. */
  public RecentFiles(Path configDir) {
    this.file = new JsonSettingsFile(configDir.resolve(FILE_NAME));
  }

  /** The list, with a warning when the file was damaged (the list is then empty). */
  public synchronized Loaded<List<RecentFile>> load() {
    return read().map(RecentFiles::withExistence);
  }

  /** The list, newest first; see {@link #load()} for the warning about a damaged file. */
  public List<RecentFile> list() {
    return load().value();
  }

  /** Puts {@code path} first (moving it up if already listed) and drops the oldest beyond MAX. */
  public synchronized void add(Path path) throws IOException {
    Path normalised = normalise(path);
    List<Path> paths = new ArrayList<>(read().value());
    paths.remove(normalised);
    paths.addFirst(normalised);
    write(paths.subList(0, Math.min(MAX, paths.size())));
  }

  /** Removes {@code path}, e.g. after the user chose a file that is gone. */
  public synchronized void remove(Path path) throws IOException {
    List<Path> paths = new ArrayList<>(read().value());
    if (paths.remove(normalise(path))) {
      write(paths);
    }
  }

  /** Empties the list (File › Open Recent › Clear). */
  public synchronized void clear() throws IOException {
    write(List.of());
  }

  /** The one form a path is compared and stored in: absolute, without {@code .} or {@code ..}. */
  static Path normalise(Path path) {
    return path.toAbsolutePath().normalize();
  }

  private Loaded<List<Path>> read() {
    Loaded<JsonNode> root = file.read();
    List<Path> paths = new ArrayList<>();
    JsonNode files = root.value().get("files");
    if (files != null && files.isArray()) {
      for (JsonNode entry : files.values()) {
        if (entry.isString()) {
          try {
            Path path = normalise(Path.of(entry.stringValue()));
            if (!paths.contains(path) && paths.size() < MAX) {
              paths.add(path);
            }
          } catch (InvalidPathException unusable) {
            // An entry written on another OS, or edited by hand: skip it, keep the rest.
          }
        }
      }
    }
    return root.map(ignored -> List.copyOf(paths));
  }

  private void write(List<Path> paths) throws IOException {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("version", 1);
    data.put("files", paths.stream().map(Path::toString).toList());
    file.write(data);
  }

  private static List<RecentFile> withExistence(List<Path> paths) {
    return paths.stream().map(p -> new RecentFile(p, Files.isRegularFile(p))).toList();
  }
}
