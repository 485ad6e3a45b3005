package dev.faultline.app.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdatePrefsTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  @TempDir Path dir;

  @Test
  void offByDefaultAndNeverDue() {
    Loaded<UpdatePrefs> loaded = UpdatePrefs.load(dir);

    assertThat(loaded.warning()).isEmpty();
    assertThat(loaded.value().checkOnStart()).isFalse();
    assertThat(loaded.value().isDue(NOW)).isFalse();
    assertThat(dir.resolve(UpdatePrefs.FILE_NAME)).doesNotExist();
  }

  @Test
  void turnedOnItIsDueOncePerDayAndRemembered() throws Exception {
    UpdatePrefs prefs = UpdatePrefs.load(dir).value();
    prefs.setCheckOnStart(true);
    assertThat(prefs.isDue(NOW)).isTrue();

    prefs.markChecked(NOW);

    UpdatePrefs again = UpdatePrefs.load(dir).value();
    assertThat(again.checkOnStart()).isTrue();
    assertThat(again.lastCheck()).contains(NOW);
    assertThat(again.isDue(NOW.plus(Duration.ofHours(23)))).isFalse();
    assertThat(again.isDue(NOW.plus(Duration.ofDays(1)))).isTrue();
    // A clock set back by days must not stop checks until it catches up.
    assertThat(again.isDue(NOW.minus(Duration.ofDays(3)))).isTrue();
    assertThat(Files.readString(dir.resolve(UpdatePrefs.FILE_NAME)))
        .isEqualTo("{\n  \"checkOnStart\": true,\n  \"lastCheck\": \"2026-12-02T12:00:00Z\"\n}\n");
  }

  @Test
  void damagedFileMeansOffWithAWarning() throws Exception {
    Files.writeString(dir.resolve(UpdatePrefs.FILE_NAME), "{ not json");

    Loaded<UpdatePrefs> loaded = UpdatePrefs.load(dir);

    assertThat(loaded.value().checkOnStart()).isFalse();
    assertThat(loaded.warning()).hasValueSatisfying(w -> assertThat(w).contains("updates.json"));
  }

  @Test
  void anUnreadableDateCountsAsNeverChecked() throws Exception {
    Files.writeString(
        dir.resolve(UpdatePrefs.FILE_NAME),
        "{\"checkOnStart\": true, \"lastCheck\": \"yesterday\"}");

    assertThat(UpdatePrefs.load(dir).value().isDue(NOW)).isTrue();
  }

  @Test
  void inMemoryWritesNothing() throws Exception {
    UpdatePrefs prefs = UpdatePrefs.inMemory();
    prefs.setCheckOnStart(true);

    assertThat(prefs.isDue(NOW)).isTrue();
  }
}
