package dev.faultline.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseVersionTest {

  private static ReleaseVersion v(String text) {
    return ReleaseVersion.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
  }

  @ParameterizedTest
  @CsvSource({
    "0.1.0, 0.2.0",
    "0.2.0, 0.10.0",
    "0.9.9, 1.0.0",
    "0.2.0-rc.1, 0.2.0",
    "0.2.0-alpha, 0.2.0-alpha.1",
    "0.2.0-alpha.1, 0.2.0-beta",
    "0.2.0-rc.2, 0.2.0-rc.10",
    "0.2.0-1, 0.2.0-alpha",
    "0.1.0-SNAPSHOT, 0.1.0",
    "0.2.0-rc.1, 0.2.0-SNAPSHOT",
    "0.1.0, 0.2.0-rc.1",
    "1.2, 1.2.1",
  })
  void olderSortsBeforeNewer(String older, String newer) {
    assertThat(v(newer).isNewerThan(v(older))).isTrue();
    assertThat(v(older).isNewerThan(v(newer))).isFalse();
    assertThat(v(older).compareTo(v(newer))).isNegative();
  }

  @ParameterizedTest
  @CsvSource({
    "v0.2.0, 0.2.0",
    "V1.0.0, 1.0.0",
    "1, 1.0.0",
    "0.2.0+build.7, 0.2.0",
    "1.0.0-RC.1, 1.0.0-rc.1"
  })
  void equalVersions(String a, String b) {
    assertThat(v(a).compareTo(v(b))).isZero();
    assertThat(v(a).isNewerThan(v(b))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "", "latest", "v", "1.x", "1.0.0-", "1.0.0-rc..1", "-1.0"})
  void notVersions(String text) {
    assertThat(ReleaseVersion.parse(text)).isEmpty();
  }

  @Test
  void preReleasesAreMarked() {
    assertThat(v("v0.2.0-rc.1").isPreRelease()).isTrue();
    assertThat(v("0.1.0-SNAPSHOT").isPreRelease()).isTrue();
    assertThat(v("v0.2.0").isPreRelease()).isFalse();
  }

  @Test
  void sortsAMixedList() {
    List<ReleaseVersion> list =
        new ArrayList<>(
            List.of(v("1.0.0"), v("0.2.0-rc.1"), v("v0.2.0"), v("0.10.0"), v("0.2.0-SNAPSHOT")));
    Collections.shuffle(list, new java.util.Random(7));
    Collections.sort(list);
    assertThat(list)
        .extracting(ReleaseVersion::toString)
        .containsExactly("0.2.0-rc.1", "0.2.0-SNAPSHOT", "0.2.0", "0.10.0", "1.0.0");
  }
}
