package dev.faultline.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The {@code PATH} the user's login shell sets up, found by running {@code $SHELL -l -c 'printf %s
 * "$PATH"'} once. An app started from a desktop menu inherits a minimal {@code PATH} without the
 * directories where {@code aws}, {@code gke-gcloud-auth-plugin} or {@code kubelogin} live; the
 * login shell knows them.
 *
 * <p>Linux and macOS only; on other systems, without {@code SHELL}, when the shell fails, prints
 * nothing usable or takes longer than the timeout, the result is empty. The first {@link #get()}
 * blocks up to the timeout; later calls return the remembered answer. Thread-safe.
 */
public final class LoginShellPath implements Supplier<Optional<String>> {

  /** How long the login shell may take. */
  public static final Duration TIMEOUT = Duration.ofSeconds(3);

  private static final String START = "__FAULTLINE_PATH_START__";
  private static final String END = "__FAULTLINE_PATH_END__";

  private final Optional<List<String>> command;
  private final Duration timeout;
  private Optional<String> resolved;

  /**
   * Creates a resolver; nothing runs until {@link #get()}.
   *
   * @param environment the process environment ({@code SHELL} is read)
   * @param osName the {@code os.name} system property
   * @param timeout how long the shell may take
   */
  public LoginShellPath(Map<String, String> environment, String osName, Duration timeout) {
    this.command = command(environment, osName);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** The resolver for this process: its {@code SHELL}, its operating system, {@link #TIMEOUT}. */
  public static LoginShellPath system() {
    return new LoginShellPath(System.getenv(), System.getProperty("os.name", ""), TIMEOUT);
  }

  /**
   * The command that prints the login shell's {@code PATH} between markers (so banners printed by
   * profile scripts do not get mixed in), or empty where there is no login shell to ask.
   */
  static Optional<List<String>> command(Map<String, String> environment, String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    boolean unixLike = os.contains("linux") || os.contains("mac") || os.contains("darwin");
    String shell = environment.get("SHELL");
    if (!unixLike || shell == null || shell.isBlank() || !shell.startsWith("/")) {
      return Optional.empty();
    }
    return Optional.of(
        List.of(shell.strip(), "-l", "-c", "printf '" + START + "%s" + END + "' \"$PATH\""));
  }

  /** The login shell's {@code PATH}; runs the shell on the first call only. */
  @Override
  public synchronized Optional<String> get() {
    if (resolved == null) {
      resolved = command.flatMap(this::run);
    }
    return resolved;
  }

  private Optional<String> run(List<String> shellCommand) {
    Process process;
    try {
      process =
          new ProcessBuilder(shellCommand)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    try {
      process.getOutputStream().close();
      FutureTask<String> output = new FutureTask<>(() -> read(process.getInputStream()));
      Thread.ofVirtual().name("faultline-login-shell").start(output);
      String text = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return parse(text);
    } catch (TimeoutException | ExecutionException | IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /** Reads until the end marker (a daemon started by a profile may keep the pipe open) or EOF. */
  private static String read(InputStream in) throws IOException {
    try (in) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes.write(buffer, 0, n);
        if (bytes.toString(StandardCharsets.UTF_8).contains(END)) {
          break;
        }
      }
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** The text between the markers, when it looks like a {@code PATH}. */
  static Optional<String> parse(String output) {
    int start = output.lastIndexOf(START);
    int end = output.lastIndexOf(END);
    if (start < 0 || end < start) {
      return Optional.empty();
    }
    String path = output.substring(start + START.length(), end).strip();
    return path.isEmpty() || path.contains("\n") ? Optional.empty() : Optional.of(path);
  }
}
