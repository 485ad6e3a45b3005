package dev.faultline.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * A fake kubeconfig exec credential plugin, like {@code aws eks get-token}: a shell script that
 * counts its runs and prints an {@code ExecCredential} with the token {@code ARG-RUN}. It lives in
 * its own directory, which tests put on the "login shell" PATH only.
 */
final class FakeExecPlugin {

  static final String COMMAND = "faultline-fake-auth";
  static final String API_VERSION = "client.authentication.k8s.io/v1";

  private final Path dir;

  private FakeExecPlugin(Path dir) {
    this.dir = dir;
  }

  /** Writes the plugin into {@code dir} (created), printing a token. */
  static FakeExecPlugin in(Path dir) throws IOException {
    return write(
        dir,
        """
        #!/bin/sh
        n=$(cat '%1$s' 2>/dev/null || echo 0)
        n=$((n + 1))
        echo "$n" > '%1$s'
        printf '{"apiVersion":"%2$s","kind":"ExecCredential","status":{"token":"%%s-%%s"}}' "$1" "$n"
        """);
  }

  /** Writes a plugin into {@code dir} that fails like a logged-out CLI, printing no credential. */
  static FakeExecPlugin failing(Path dir) throws IOException {
    return write(
        dir,
        """
        #!/bin/sh
        echo 1 > '%1$s'
        echo "error: the SSO session has expired" >&2
        exit 1
        """);
  }

  private static FakeExecPlugin write(Path dir, String template) throws IOException {
    Files.createDirectories(dir);
    Path script = dir.resolve(COMMAND);
    Files.writeString(script, template.formatted(dir.resolve("runs"), API_VERSION));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return new FakeExecPlugin(dir);
  }

  /** The directory holding the plugin. */
  Path dir() {
    return dir;
  }

  /** How often the plugin ran. */
  int runs() throws IOException {
    Path runs = dir.resolve("runs");
    return Files.exists(runs) ? Integer.parseInt(Files.readString(runs).strip()) : 0;
  }

  /** An exec path whose login shell adds the plugin's directory to this process's PATH. */
  ExecPluginPath onLoginShellPathOnly() {
    return new ExecPluginPath(System.getenv("PATH"), () -> Optional.of(dir.toString()));
  }

  /** An exec path without the plugin's directory: the desktop launch without a login shell. */
  static ExecPluginPath processPathOnly() {
    return new ExecPluginPath(System.getenv("PATH"), Optional::empty);
  }

  /**
   * A kubeconfig with one context {@code eks-like} whose user runs the plugin with {@code arg}.
   *
   * @param server the API server URL
   * @param extraExec further YAML lines for the {@code exec} block, indented by 8 spaces
   */
  static String kubeconfig(String server, String arg, List<String> extraExec) {
    StringBuilder exec = new StringBuilder();
    for (String line : extraExec) {
      exec.append("        ").append(line).append('\n');
    }
    return """
        apiVersion: v1
        kind: Config
        clusters:
          - name: cluster
            cluster: {server: "%s"}
        users:
          - name: robot
            user:
              exec:
                apiVersion: %s
                command: %s
                args: ["%s"]
                interactiveMode: Never
        %scontexts:
          - name: eks-like
            context: {cluster: cluster, user: robot, namespace: shop}
        current-context: eks-like
        """
        .formatted(server, API_VERSION, COMMAND, arg, exec);
  }
}
