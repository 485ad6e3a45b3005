package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineCountLoaderTest {

  @TempDir Path dir;

  private final LineCountLoader loader = new LineCountLoader();

  @Test
  void countsLinesWithAndWithoutATrailingNewline() throws Exception {
    assertThat(loader.load(write("a.yaml", "a: 1\nb: 2\n"))).isEqualTo("2 lines");
    assertThat(loader.load(write("b.yaml", "a: 1\nb: 2"))).isEqualTo("2 lines");
    assertThat(loader.load(write("c.yaml", "a: 1"))).isEqualTo("1 line");
    assertThat(loader.load(write("d.yaml", ""))).isEqualTo("0 lines");
    assertThat(loader.load(write("e.yaml", "\n\n"))).isEqualTo("2 lines");
  }

  @Test
  void countsAcrossBufferBoundaries() throws Exception {
    Path big = write("big.yaml", "x\n".repeat(100_000));

    assertThat(loader.load(big)).isEqualTo("100000 lines");
  }

  @Test
  void aMissingFileFails() {
    assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aDirectoryFailsWithAReason() {
    assertThatThrownBy(() -> loader.load(dir))
        .isInstanceOfSatisfying(
            FileSystemException.class, e -> assertThat(e.getReason()).isEqualTo("is a directory"));
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }
}
