package dev.faultline.app.prefs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The opt-in update check's settings, in {@code updates.json} of the config directory: whether to
 * check when Faultline starts (off unless the user turns it on) and when the last such check was,
 * so it happens at most once every {@link #INTERVAL}.
 *
 * <p>{@link #load} reads the file once (off the FX thread, at start-up); the getters then answer
 * from memory, so the menus can ask on the FX thread. Setters write the file: call them off the FX
 * thread. Thread-safe.
 */
public final class UpdatePrefs {

  static final String FILE_NAME = "updates.json";

  /** At most one check at start-up per this much time. */
  public static final Duration INTERVAL = Duration.ofDays(1);

  /** Empty: nothing is written (tests, {@link #inMemory()}). */
  private final Optional<JsonSettingsFile> file;

  private boolean checkOnStart;
  private Instant lastCheck;

  private UpdatePrefs(Optional<JsonSettingsFile> file, boolean checkOnStart, Instant lastCheck) {
    this.file = file;
    this.checkOnStart = checkOnStart;
    this.lastCheck = lastCheck;
  }

  /** Settings kept nowhere, all off: for windows that remember nothing. */
  public static UpdatePrefs inMemory() {
    return new UpdatePrefs(Optional.empty(), false, null);
  }

  /**
   * Reads the settings in {@code configDir}; a missing or damaged file means off, with a warning.
   */
  public static Loaded<UpdatePrefs> load(Path configDir) {
    JsonSettingsFile file = new JsonSettingsFile(configDir.resolve(FILE_NAME));
    Loaded<tools.jackson.databind.JsonNode> read = file.read();
    boolean on = JsonSettingsFile.bool(read.value(), "checkOnStart").orElse(false);
    Instant last =
        JsonSettingsFile.string(read.value(), "lastCheck").map(UpdatePrefs::instant).orElse(null);
    return new Loaded<>(new UpdatePrefs(Optional.of(file), on, last), read.warning());
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null; // as if never checked: at worst one check too many
    }
  }

  /** Whether Faultline checks for updates when it starts. */
  public synchronized boolean checkOnStart() {
    return checkOnStart;
  }

  /** When the last check at start-up was made, if ever. */
  public synchronized Optional<Instant> lastCheck() {
    return Optional.ofNullable(lastCheck);
  }

  /**
   * Whether a check at start-up is due at {@code now}: the option is on and the last check is at
   * least {@link #INTERVAL} away (either way, so a clock set back does not stop checks for good).
   */
  public synchronized boolean isDue(Instant now) {
    return checkOnStart
        && (lastCheck == null || Duration.between(lastCheck, now).abs().compareTo(INTERVAL) >= 0);
  }

  /** Turns checking at start-up on or off and writes the file. */
  public synchronized void setCheckOnStart(boolean on) throws IOException {
    checkOnStart = on;
    save();
  }

  /** Records a check at start-up made at {@code when} and writes the file. */
  public synchronized void markChecked(Instant when) throws IOException {
    lastCheck = when;
    save();
  }

  private void save() throws IOException {
    if (file.isEmpty()) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("checkOnStart", checkOnStart);
    if (lastCheck != null) {
      data.put("lastCheck", lastCheck.toString());
    }
    file.get().write(data);
  }
}
