package dev.faultline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The login-shell PATH, asked of fake shells: the user's real shell and profile are not run. */
class LoginShellPathTest {

  @TempDir Path dir;

  private Path shell(String body) throws IOException {
    Path shell = dir.resolve("fake-shell");
    Files.writeString(shell, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(shell, PosixFilePermissions.fromString("rwx------"));
    return shell;
  }

  private static LoginShellPath withShell(Path shell, Duration timeout) {
    return new LoginShellPath(Map.of("SHELL", shell.toString()), "Linux", timeout);
  }

  @Test
  void asksTheShellAsALoginShellOnLinuxAndMacOs() {
    Map<String, String> zsh = Map.of("SHELL", "/bin/zsh");

    assertThat(LoginShellPath.command(zsh, "Linux"))
        .hasValueSatisfying(
            command -> {
              assertThat(command.subList(0, 3)).containsExactly("/bin/zsh", "-l", "-c");
              assertThat(command.get(3)).contains("printf").contains("\"$PATH\"");
            });
    assertThat(LoginShellPath.command(zsh, "Mac OS X")).isPresent();
    assertThat(LoginShellPath.command(zsh, "Windows 11")).isEmpty();
    assertThat(LoginShellPath.command(Map.of(), "Linux")).isEmpty();
    assertThat(LoginShellPath.command(Map.of("SHELL", " "), "Linux")).isEmpty();
    assertThat(LoginShellPath.command(Map.of("SHELL", "zsh"), "Linux")).isEmpty();
  }

  @Test
  void keepsOnlyWhatIsBetweenTheMarkers() {
    String banner = "Welcome back!\nLast login: today\n";

    assertThat(
            LoginShellPath.parse(
                banner + "__FAULTLINE_PATH_START__/a:/b__FAULTLINE_PATH_END__trailing"))
        .contains("/a:/b");
    assertThat(LoginShellPath.parse("no markers at all")).isEmpty();
    assertThat(LoginShellPath.parse("__FAULTLINE_PATH_START____FAULTLINE_PATH_END__")).isEmpty();
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void runsTheShellOnceAndRemembersItsPath() throws IOException {
    Path calls = dir.resolve("calls");
    Path shell =
        shell(
            """
            echo run >> '%s'
            echo "Welcome to the login shell"
            PATH="/opt/login/bin:$PATH"; export PATH
            # $1 is -l, $2 is -c, $3 the command
            exec /bin/sh -c "$3"
            """
                .formatted(calls));
    LoginShellPath path = withShell(shell, Duration.ofSeconds(10));

    Optional<String> first = path.get();
    Optional<String> second = path.get();

    assertThat(first).hasValueSatisfying(p -> assertThat(p).startsWith("/opt/login/bin:"));
    assertThat(second).isEqualTo(first);
    assertThat(Files.readAllLines(calls)).hasSize(1);
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aShellThatHangsIsGivenUpAfterTheTimeout() throws IOException {
    Path shell = shell("sleep 30\n");
    LoginShellPath path = withShell(shell, Duration.ofMillis(300));

    long started = System.nanoTime();
    Optional<String> found = path.get();
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(found).isEmpty();
    assertThat(millis).isLessThan(5_000);
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aFailingOrMissingShellGivesNothing() throws IOException {
    Path failing = shell("echo 'syntax error' >&2\nexit 2\n");

    assertThat(withShell(failing, Duration.ofSeconds(10)).get()).isEmpty();
    assertThat(withShell(dir.resolve("no-such-shell"), Duration.ofSeconds(10)).get()).isEmpty();
  }

  @Test
  void elsewhereNothingRuns() {
    assertThat(
            new LoginShellPath(Map.of("SHELL", "/bin/sh"), "Windows 11", Duration.ofSeconds(1))
                .get())
        .isEmpty();
  }
}
