package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDirectoryTest {
  @Test
  void followsEachPlatformAndHonoursOverrides() {
    assertThat(StateDirectory.resolve(Map.of(), null, "Linux", "/home/u"))
        .isEqualTo(Path.of("/home/u/.local/state/faultline"));
    assertThat(StateDirectory.resolve(Map.of("XDG_STATE_HOME", "/x"), null, "Linux", "/home/u"))
        .isEqualTo(Path.of("/x/faultline"));
    assertThat(StateDirectory.resolve(Map.of(), null, "Mac OS X", "/Users/u"))
        .isEqualTo(Path.of("/Users/u/Library/Application Support/Faultline/state"));
    assertThat(
            StateDirectory.resolve(
                Map.of("LOCALAPPDATA", "C:\\L"), null, "Windows 11", "C:\\Users\\u"))
        .isEqualTo(Path.of("C:\\L", "Faultline", "state"));
    assertThat(StateDirectory.resolve(Map.of("FAULTLINE_DATA_DIR", "/d"), null, "Linux", "/h"))
        .isEqualTo(Path.of("/d/state"));
    assertThat(
            StateDirectory.resolve(
                Map.of("FAULTLINE_STATE_DIR", "/s", "FAULTLINE_DATA_DIR", "/d"),
                null,
                "Linux",
                "/h"))
        .isEqualTo(Path.of("/s"));
    assertThat(StateDirectory.resolve(Map.of("FAULTLINE_STATE_DIR", "/s"), "/p", "Linux", "/h"))
        .isEqualTo(Path.of("/p"));
  }
}
