package dev.faultline.app.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowLayoutStoreTest {

  @TempDir Path config;

  @Test
  void roundTripsEverything() throws Exception {
    var store = new WindowLayoutStore(config);
    WindowLayout layout =
        WindowLayout.DEFAULT
            .withBounds(new WindowBounds(-1600, 120, 1400, 900), true)
            .withDivider(SplitDivider.LEFT, 0.2)
            .withDivider(SplitDivider.BOTTOM, 0.65)
            .withPanel(Panel.YAML, true)
            .withPanel(Panel.PROBLEMS, false)
            .withTheme(ThemeChoice.DARK);

    store.save(layout);
    Loaded<WindowLayout> loaded = new WindowLayoutStore(config).load();

    assertThat(loaded.value()).isEqualTo(layout);
    assertThat(loaded.warning()).isEmpty();
    assertThat(loaded.value().divider(SplitDivider.RIGHT)).isEmpty();
    assertThat(Files.readString(config.resolve(WindowLayoutStore.FILE_NAME)))
        .contains("\"left\": 0.2", "\"theme\": \"dark\"", "\"yaml\": true");
    assertThat(TempFiles.namesIn(config)).containsExactly(WindowLayoutStore.FILE_NAME);
  }

  @Test
  void firstStartGivesTheDefaultsQuietly() {
    Loaded<WindowLayout> loaded = new WindowLayoutStore(config).load();

    assertThat(loaded.value()).isEqualTo(WindowLayout.DEFAULT);
    assertThat(loaded.warning()).isEmpty();
    assertThat(loaded.value().bounds()).isEmpty();
    assertThat(loaded.value().isShown(Panel.PALETTE)).isTrue();
    assertThat(loaded.value().theme()).isEqualTo(ThemeChoice.SYSTEM);
  }

  @Test
  void aCorruptFileGivesTheDefaultsWithAWarning() throws Exception {
    Files.writeString(config.resolve(WindowLayoutStore.FILE_NAME), "\u0000\u0001 not json");

    Loaded<WindowLayout> loaded = new WindowLayoutStore(config).load();

    assertThat(loaded.value()).isEqualTo(WindowLayout.DEFAULT);
    assertThat(loaded.warning()).hasValueSatisfying(w -> assertThat(w).contains("window.json"));
  }

  @Test
  void aBadValueFallsBackAloneAndTheRestIsKept() throws Exception {
    Files.writeString(
        config.resolve(WindowLayoutStore.FILE_NAME),
        """
        {"window": {"x": 10, "y": 20, "width": -5, "height": 600, "maximized": "yes"},
         "dividers": {"left": 1.5, "right": 0.8, "sideways": 0.1},
         "panels": {"yaml": true, "palette": "no"},
         "theme": "neon"}
        """);

    WindowLayout layout = new WindowLayoutStore(config).load().value();

    assertThat(layout.bounds()).isEqualTo(Optional.empty());
    assertThat(layout.maximized()).isFalse();
    assertThat(layout.dividers()).containsOnlyKeys(SplitDivider.RIGHT);
    assertThat(layout.isShown(Panel.YAML)).isTrue();
    assertThat(layout.isShown(Panel.PALETTE)).isTrue();
    assertThat(layout.theme()).isEqualTo(ThemeChoice.SYSTEM);
  }
}
