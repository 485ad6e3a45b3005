package dev.faultline.app.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.application.ColorScheme;
import org.junit.jupiter.api.Test;

class ThemeChoiceTest {

  @Test
  void systemFollowsTheOsAndTheOthersAreFixed() {
    assertThat(ThemeChoice.SYSTEM.isDark(ColorScheme.DARK)).isTrue();
    assertThat(ThemeChoice.SYSTEM.isDark(ColorScheme.LIGHT)).isFalse();
    assertThat(ThemeChoice.LIGHT.isDark(ColorScheme.DARK)).isFalse();
    assertThat(ThemeChoice.DARK.isDark(ColorScheme.LIGHT)).isTrue();
  }
}
