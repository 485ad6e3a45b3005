package dev.faultline.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed reference documents are what the commands and descriptors render today. With {@code
 * -Dfaultline.docs.write=true} the test rewrites them instead (see {@link
 * ReferenceDocs#REGENERATE}), so a change to an annotation or descriptor is one command away from
 * its documentation.
 */
class ReferenceDocsTest {
  /** Surefire runs in the module directory; the documents are in the repository's docs/. */
  private static final Path DOCS = Path.of("..", "docs").toAbsolutePath().normalize();

  @BeforeAll
  static void writeWhenAsked() throws IOException {
    if (Boolean.getBoolean("faultline.docs.write")) {
      ReferenceDocs.write(DOCS);
    }
  }

  @Test
  void cliReferenceIsUpToDate() throws IOException {
    assertUpToDate(ReferenceDocs.CLI_FILE, ReferenceDocs.cli());
  }

  @Test
  void attackAndProbeReferenceIsUpToDate() throws IOException {
    assertUpToDate(ReferenceDocs.DESCRIPTORS_FILE, ReferenceDocs.descriptors());
  }

  @Test
  void renderingIsDeterministic() {
    assertThat(ReferenceDocs.cli()).isEqualTo(ReferenceDocs.cli());
    assertThat(ReferenceDocs.descriptors()).isEqualTo(ReferenceDocs.descriptors());
  }

  private static void assertUpToDate(String name, String expected) throws IOException {
    Path file = DOCS.resolve(name);
    String committed =
        Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)";
    assertThat(committed)
        .as(
            "docs/%s is out of date with the code it is generated from; regenerate it from the"
                + " repository root with%n  %s%nand commit the result",
            name, ReferenceDocs.REGENERATE)
        .isEqualTo(expected);
  }
}
