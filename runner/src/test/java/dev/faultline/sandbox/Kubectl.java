package dev.faultline.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real kubectl 1.35 binary against a sandbox, as a user would. The binary comes from
 * {@code FAULTLINE_KUBECTL}, or {@code .tools/kubectl}, which {@code .ci/install-kubectl} fetches
 * when it is missing.
 */
public final class Kubectl {
  private final Path binary;
  private final Path kubeconfig;

  record Result(int exit, String out, String err) {
    Result ok() {
      if (exit != 0) {
        throw new AssertionError("kubectl failed (" + exit + "): " + err + out);
      }
      return this;
    }
  }

  Kubectl(Path kubeconfig) {
    this.binary = locate();
    this.kubeconfig = kubeconfig;
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve(".ci").resolve("install-kubectl"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root (.ci/install-kubectl)");
    }
    return dir;
  }

  public static synchronized Path locate() {
    String configured = System.getenv("FAULTLINE_KUBECTL");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path root = repositoryRoot();
    Path tool = root.resolve(".tools").resolve("kubectl");
    if (!Files.isExecutable(tool)) {
      try {
        Process install =
            new ProcessBuilder(root.resolve(".ci").resolve("install-kubectl").toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (install.waitFor() != 0) {
          throw new IllegalStateException("cannot install kubectl: " + log);
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot install kubectl", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return tool;
  }

  Result run(String... args) {
    return runWithInput(null, args);
  }

  /** Runs kubectl with {@code stdin} (for {@code apply -f -}) and the sandbox kubeconfig. */
  Result runWithInput(String stdin, String... args) {
    var command =
        new ArrayList<String>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    try {
      Path err = Files.createTempFile("kubectl", ".err");
      Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
      if (stdin != null) {
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl " + args[0] + " did not finish in 60 s");
      }
      String errText = Files.readString(err);
      Files.delete(err);
      return new Result(process.exitValue(), out, errText);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts kubectl in the background, its output going to {@code out}. */
  Process start(File out, String... args) throws IOException {
    var command =
        new ArrayList<String>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out).start();
  }
}
