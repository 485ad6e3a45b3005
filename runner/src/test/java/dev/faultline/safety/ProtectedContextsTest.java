package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protected-contexts settings file, in a temporary data directory. */
class ProtectedContextsTest {

  @TempDir Path dataDir;

  private Path file() {
    return dataDir.resolve(ProtectedContexts.FILE_NAME);
  }

  @Test
  void withoutAFileNothingIsProtected() throws IOException {
    ProtectedContexts contexts = ProtectedContexts.load(file());

    assertThat(contexts.names()).isEmpty();
    assertThat(contexts.isProtected("prod-eu")).isFalse();
    assertThat(contexts.file()).isEqualTo(file());
    assertThat(file()).doesNotExist();
  }

  @Test
  void protectWritesTheFileAndLoadReadsItBack() throws IOException {
    ProtectedContexts after =
        ProtectedContexts.load(file()).protect("prod-us").protect("prod-eu").protect("prod-eu");

    assertThat(after.names()).containsExactly("prod-eu", "prod-us");
    assertThat(Files.readString(file())).isEqualTo("protected: [prod-eu, prod-us]\n");
    ProtectedContexts loaded = ProtectedContexts.load(file());
    assertThat(loaded.isProtected("prod-eu")).isTrue();
    assertThat(loaded.isProtected("PROD-EU")).isFalse();
    assertThat(loaded.isProtected("staging")).isFalse();
    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files).containsExactly(file());
    }
  }

  @Test
  void unprotectRemovesTheName() throws IOException {
    ProtectedContexts contexts = ProtectedContexts.load(file()).protect("a").protect("b");

    ProtectedContexts after = contexts.unprotect("a").unprotect("not-there");

    assertThat(after.names()).containsExactly("b");
    assertThat(ProtectedContexts.load(file()).names()).containsExactly("b");
  }

  @Test
  void changesStartFromTheFileNotFromAnOldSnapshot() throws IOException {
    ProtectedContexts stale = ProtectedContexts.load(file());
    ProtectedContexts.load(file()).protect("set-by-another-window");

    ProtectedContexts after = stale.protect("prod");

    assertThat(after.names()).containsExactly("prod", "set-by-another-window");
  }

  @Test
  void otherSettingsInTheFileAreKept() throws IOException {
    Files.writeString(file(), "favourite: prod-eu\nprotected: [old]\n");

    ProtectedContexts.load(file()).protect("new");

    assertThat(Files.readString(file())).isEqualTo("protected: [new, old]\nfavourite: prod-eu\n");
  }

  @Test
  void anEmptyFileOrAnEmptyListProtectsNothing() throws IOException {
    Files.writeString(file(), "");
    assertThat(ProtectedContexts.load(file()).names()).isEmpty();
    Files.writeString(file(), "protected:\n");
    assertThat(ProtectedContexts.load(file()).names()).isEmpty();
  }

  @Test
  void aMalformedFileIsAnErrorNamingIt() throws IOException {
    Files.writeString(file(), "protected: prod-eu\n");
    assertThatThrownBy(() -> ProtectedContexts.load(file()))
        .isInstanceOf(IOException.class)
        .hasMessage(
            file()
                + ": not a Faultline contexts file: 'protected' must be a list of context names");

    Files.writeString(file(), "protected: [prod, 5]\n");
    assertThatThrownBy(() -> ProtectedContexts.load(file()))
        .hasMessage(
            file()
                + ": not a Faultline contexts file: 'protected' must list context names, found 5");

    Files.writeString(file(), "protected: [unclosed\n");
    assertThatThrownBy(() -> ProtectedContexts.load(file()))
        .hasMessageStartingWith(file() + ": not valid YAML: ");

    Files.writeString(file(), "- a list\n");
    assertThatThrownBy(() -> ProtectedContexts.load(file()).protect("x"))
        .hasMessageStartingWith(file() + ": not a Faultline contexts file");
    assertThat(Files.readString(file())).isEqualTo("- a list\n");
  }

  @Test
  void theDefaultFileIsInTheDataDirectory() {
    assertThat(ProtectedContexts.defaultFile().getFileName()).hasToString("contexts.yaml");
  }
}
