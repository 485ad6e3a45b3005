package dev.faultline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parse failures come back as one line that says where and what. */
class KubeconfigFilesTest {

  @TempDir Path dir;

  private String problem(String text) throws Exception {
    Path file = Files.writeString(dir.resolve("config"), text);
    try {
      KubeconfigFiles.parse(file);
    } catch (KubeconfigException e) {
      assertThat(e.problem().file()).isEqualTo(file);
      assertThat(e.getMessage()).startsWith(file + ": ");
      return e.problem().message();
    }
    throw new AssertionError("parsed: " + text);
  }

  @Test
  void typeMismatchesNameTheField() throws Exception {
    assertThat(problem("- a\n- b\n"))
        .isEqualTo("not a valid kubeconfig: at the top level: expected a mapping, found a list");
    assertThat(problem("contexts:\n- name: a\n  context: {cluster: [1, 2]}\n"))
        .isEqualTo(
            "not a valid kubeconfig: contexts[0].context.cluster: expected text, found a list");
  }

  @Test
  void yamlErrorsCarryLineAndColumn() throws Exception {
    assertThat(problem("clusters:\n  - name: x\n    cluster:\n      server: \"open\n"))
        .isEqualTo(
            "not a valid kubeconfig: while scanning a quoted scalar: found unexpected end of stream (line 5, column 1)");
  }

  @Test
  void unreadableFilesSayWhy() throws Exception {
    assertThatThrownBy(() -> KubeconfigFiles.parse(dir.resolve("nope")))
        .isInstanceOf(KubeconfigException.class)
        .hasMessage(dir.resolve("nope") + ": file not found");
    Path binary = Files.write(dir.resolve("bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    assertThatThrownBy(() -> KubeconfigFiles.parse(binary))
        .hasMessage(binary + ": not a valid kubeconfig: not UTF-8 text");
  }

  @Test
  void unknownFieldsAreAccepted() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("config"), "kind: Config\nextra: {x: 1}\n", StandardCharsets.UTF_8);
    assertThat(KubeconfigFiles.parse(file).getKind()).isEqualTo("Config");
  }
}
