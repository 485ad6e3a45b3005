package dev.faultline.app.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDirectoryTest {

  @Test
  void linuxFollowsXdgConfigHome() {
    assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "/x/conf"), "Linux", "/home/me"))
        .isEqualTo(Path.of("/x/conf/faultline"));
  }

  @Test
  void linuxWithoutXdgOrWithARelativeOneUsesDotConfig() {
    assertThat(ConfigDirectory.resolve(Map.of(), "Linux", "/home/me"))
        .isEqualTo(Path.of("/home/me/.config/faultline"));
    assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "conf"), "Linux", "/home/me"))
        .isEqualTo(Path.of("/home/me/.config/faultline"));
  }

  @Test
  void theOverrideWinsEverywhere() {
    var env = Map.of(ConfigDirectory.ENV, "/tmp/cfg", "XDG_CONFIG_HOME", "/x/conf");
    assertThat(ConfigDirectory.resolve(env, "Linux", "/home/me")).isEqualTo(Path.of("/tmp/cfg"));
    assertThat(ConfigDirectory.resolve(env, "Mac OS X", "/Users/me"))
        .isEqualTo(Path.of("/tmp/cfg"));
  }

  @Test
  void macAndWindowsUseTheirOwnPlaces() {
    assertThat(ConfigDirectory.resolve(Map.of(), "Mac OS X", "/Users/me"))
        .isEqualTo(Path.of("/Users/me/Library/Application Support/Faultline/config"));
    assertThat(ConfigDirectory.resolve(Map.of("APPDATA", "/appdata"), "Windows 11", "/users/me"))
        .isEqualTo(Path.of("/appdata", "Faultline", "config"));
  }
}
