package dev.faultline.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void replacingAFileKeepsItsPermissionsAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("workflow.yaml");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

    AtomicFiles.write(file, "new");

    assertThat(file).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-rw-r--");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aNewFileIsReadableByOthersAsTheUmaskAllowsNotOwnerOnly() throws Exception {
    Path plain = dir.resolve("plain.txt");
    Files.writeString(plain, "x"); // what any program writing a file gets here
    Path file = dir.resolve("export.json");

    AtomicFiles.write(file, "{}");

    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void aSymbolicLinkIsWrittenThroughNotReplaced() throws Exception {
    Path real = dir.resolve("real.yaml");
    Files.writeString(real, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real);

    AtomicFiles.write(link, "new");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real).hasContent("new");
  }

  @Test
  void aPrivateFileIsOwnerOnlyWhateverItWasBefore() throws Exception {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    AtomicFiles.writePrivate(file, "token");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
