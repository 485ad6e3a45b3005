package dev.faultline.app.prefs;

import dev.faultline.format.AtomicFiles;
import dev.faultline.format.JsonText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One small JSON settings file: read leniently, written atomically.
 *
 * <p>A file that cannot be read or parsed is read as an empty object, with a warning, and copied
 * aside to {@code NAME.corrupt} first, so whatever was in it is not lost when the defaults are
 * written over it.
 */
final class JsonSettingsFile {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path file;
  private final boolean keepDamaged;

  /** A settings file the user may care about: a damaged one is copied aside before it is lost. */
  JsonSettingsFile(Path file) {
    this(file, true);
  }

  /**
   * @param keepDamaged whether to copy a damaged file aside; not for machine-written records such
   *     as recovery sidecars, where a copy would only pile up
   */
  JsonSettingsFile(Path file, boolean keepDamaged) {
    this.file = file;
    this.keepDamaged = keepDamaged;
  }

  Path path() {
    return file;
  }

  /** The top-level object; an empty one when the file is missing (no warning) or damaged. */
  Loaded<JsonNode> read() {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException missing) {
      return Loaded.ok(empty());
    } catch (IOException | RuntimeException unreadable) {
      return damaged("cannot be read (" + unreadable.getMessage() + ")");
    }
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || !root.isObject()) {
        return damaged("is not a JSON object");
      }
      return Loaded.ok(root);
    } catch (JacksonException corrupt) {
      return damaged("is not valid JSON (" + corrupt.getOriginalMessage() + ")");
    }
  }

  /** Replaces the file with {@code data} (maps, lists, strings, numbers, booleans) as JSON. */
  void write(Map<String, ?> data) throws IOException {
    AtomicFiles.write(file, JsonText.write(data));
  }

  private Loaded<JsonNode> damaged(String why) {
    String keptAs = "";
    if (!keepDamaged) {
      return new Loaded<>(empty(), Optional.of(file + " " + why + "."));
    }
    try {
      Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
      Files.copy(file, aside, StandardCopyOption.REPLACE_EXISTING);
      keptAs = " It was kept as " + aside.getFileName() + ".";
    } catch (IOException | RuntimeException ignored) {
      // Best effort: the warning still says the defaults are in use.
    }
    return new Loaded<>(empty(), Optional.of(file + " " + why + "; using defaults." + keptAs));
  }

  private static JsonNode empty() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The number at {@code name}, if it is a finite number. */
  static Optional<Double> number(JsonNode object, String name) {
    JsonNode node = object == null ? null : object.get(name);
    if (node == null || !node.isNumber() || !Double.isFinite(node.doubleValue())) {
      return Optional.empty();
    }
    return Optional.of(node.doubleValue());
  }

  static Optional<String> string(JsonNode object, String name) {
    JsonNode node = object == null ? null : object.get(name);
    return node != null && node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
  }

  static Optional<Boolean> bool(JsonNode object, String name) {
    JsonNode node = object == null ? null : object.get(name);
    return node != null && node.isBoolean() ? Optional.of(node.booleanValue()) : Optional.empty();
  }
}
