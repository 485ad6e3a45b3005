package dev.faultline.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code train-aot.sh} on an app image whose launchers are stand-ins: they write the cache
 * file the cfg asks for, and with {@code -XX:AOTMode=on} fail when the cfg's cache is missing, as
 * the JVM does. The script's real run is the installer build's AOT step.
 */
@EnabledOnOs(OS.LINUX)
class TrainAotScriptTest {

  private static final Path SCRIPT = Path.of("src/main/aot/train-aot.sh").toAbsolutePath();

  /** A launcher as jpackage's: reads lib/app/NAME.cfg and expands $APPDIR. */
  private static final String LAUNCHER =
      """
      #!/bin/bash
      app=$(cd "$(dirname "$0")/../lib/app" && pwd)
      cfg="$app/$(basename "$0").cfg"
      option() { sed -n "s/^java-options=$1//p" "$cfg" | sed "s|\\$APPDIR|$app|"; }
      out=$(option -XX:AOTCacheOutput=)
      if [ -n "$out" ]; then
        [ -n "$BREAK_TRAINING" ] || echo cache >"$out"
        exit 0
      fi
      case "$JAVA_TOOL_OPTIONS" in *AOTMode=on*) [ -f "$(option -XX:AOTCache=)" ] || exit 1 ;; esac
      exit 0
      """;

  private static final String CFG =
      """
      [Application]
      app.classpath=$APPDIR/app.jar
      app.mainclass=dev.faultline.app.Launcher

      [JavaOptions]
      java-options=-Djpackage.app-version=0.1.0
      java-options=--enable-native-access=javafx.graphics

      [ArgOptions]
      """;

  @TempDir Path image;

  @Test
  void pointsEachLauncherAtItsTrainedCacheInsideItsJavaOptions() throws Exception {
    fakeImage();

    Result result = train(Map.of("SOURCE_DATE_EPOCH", "1700000000"));

    assertThat(result.exit()).as(result.output()).isZero();
    for (String launcher : List.of("Faultline", "faultline")) {
      assertThat(image.resolve("lib/app/" + launcher + ".aot")).hasContent("cache");
      assertThat(Files.readString(image.resolve("lib/app/" + launcher + ".cfg")))
          .contains(
              """
              java-options=--enable-native-access=javafx.graphics
              java-options=-XX:AOTCache=$APPDIR/%s.aot
              java-options=-Xlog:disable
              java-options=-Xlog:all=warning:stderr

              [ArgOptions]
              """
                  .formatted(launcher))
          .doesNotContain("AOTCacheOutput");
    }
    assertThat(Files.getLastModifiedTime(image.resolve("lib/app/app.jar")))
        .as("jars get SOURCE_DATE_EPOCH, which the packages clamp their copies to")
        .isEqualTo(FileTime.from(Instant.ofEpochSecond(1_700_000_000)));
    try (var files = Files.list(image.resolve("lib/app"))) {
      assertThat(files).noneMatch(file -> file.toString().endsWith(".orig"));
    }
  }

  @Test
  void failsAndRestoresTheCfgFilesWhenTrainingWritesNoCache() throws Exception {
    fakeImage();

    Result result = train(Map.of("BREAK_TRAINING", "1"));

    assertThat(result.exit()).isNotZero();
    assertThat(result.output()).contains("wrote no", "left without an AOT cache");
    for (String launcher : List.of("Faultline", "faultline")) {
      assertThat(Files.readString(image.resolve("lib/app/" + launcher + ".cfg"))).isEqualTo(CFG);
      assertThat(image.resolve("lib/app/" + launcher + ".aot")).doesNotExist();
    }
  }

  private void fakeImage() throws IOException {
    Files.createDirectories(image.resolve("bin"));
    Files.createDirectories(image.resolve("lib/app"));
    Files.writeString(image.resolve("lib/app/app.jar"), "jar");
    for (String launcher : List.of("Faultline", "faultline")) {
      Path bin = image.resolve("bin/" + launcher);
      Files.writeString(bin, LAUNCHER);
      Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(image.resolve("lib/app/" + launcher + ".cfg"), CFG);
    }
  }

  private record Result(int exit, String output) {}

  private Result train(Map<String, String> env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", SCRIPT.toString(), image.toString(), "Faultline", "faultline")
            .redirectErrorStream(true);
    // A display of its own, so the stand-in runs directly rather than under xvfb-run.
    builder.environment().put("DISPLAY", ":faultline-test");
    builder.environment().remove("SOURCE_DATE_EPOCH");
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }
}
