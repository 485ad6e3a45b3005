package dev.faultline.cluster;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedContext;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exec credential plugins of parsed kubeconfig files, before fabric8 runs them.
 *
 * <p>fabric8 8.0.0 ({@code KubeConfigUtils.getExecCredentialFromExecConfig}) runs a plugin as
 * {@code sh -c "COMMAND ARGS"} with this process's environment plus the {@code env} entries of the
 * kubeconfig's {@code exec} block; it looks the command up only on this process's {@code PATH}, and
 * when that fails leaves the bare name for {@code sh} to find. So a {@code PATH} entry added to the
 * {@code exec} env (in memory only; files are never written) is the {@code PATH} the shell searches
 * and the plugin itself runs with.
 */
final class ExecCredentials {

  static final String PATH = "PATH";

  private ExecCredentials() {}

  /**
   * A parsed kubeconfig file.
   *
   * @param file where it was read from
   * @param config its content
   */
  record Parsed(Path file, Config config) {}

  /**
   * An exec block and the file that defines it.
   *
   * @param exec the block, as parsed
   * @param file the kubeconfig file, against which a relative command is resolved
   */
  record Plugin(ExecConfig exec, Path file) {}

  /**
   * The exec plugin of the user fabric8 will use for {@code context}, if that user has one. fabric8
   * merges contexts and users with the first file winning and, within one file, the last entry of a
   * name; so does this.
   */
  static Optional<Plugin> plugin(List<Parsed> parsed, String context) {
    String userName = null;
    for (Parsed file : parsed.reversed()) {
      for (NamedContext named : list(file.config().getContexts())) {
        if (context.equals(named.getName())
            && named.getContext() != null
            && named.getContext().getUser() != null) {
          userName = named.getContext().getUser();
        }
      }
    }
    if (userName == null) {
      return Optional.empty();
    }
    Plugin found = null;
    for (Parsed file : parsed.reversed()) {
      for (NamedAuthInfo named : list(file.config().getUsers())) {
        if (userName.equals(named.getName()) && named.getUser() != null) {
          ExecConfig exec = named.getUser().getExec();
          found = exec == null ? null : new Plugin(exec, file.file());
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Makes {@code plugin} run with {@code path}, unless its kubeconfig sets {@code PATH} itself or
   * the login shell adds nothing. Changes the parsed objects only.
   */
  static void usePath(Plugin plugin, ExecPluginPath path) {
    if (!path.extendsProcessPath()) {
      return;
    }
    List<ExecEnvVar> env = new ArrayList<>(list(plugin.exec().getEnv()));
    if (env.stream().noneMatch(variable -> PATH.equals(variable.getName()))) {
      env.add(new ExecEnvVar(PATH, path.get()));
      plugin.exec().setEnv(env);
    }
  }

  /**
   * Checks, before fabric8 runs it, that the plugin can be found the way {@code sh} would find it.
   * Unix-like systems only: on Windows fabric8 runs {@code cmd.exe}, which looks further.
   *
   * @param kubeconfig the file that defines the user, for a relative command
   * @throws KubeconfigException naming the context, the command and where it was looked for
   */
  static void checkFindable(Plugin plugin, String context, ExecPluginPath path)
      throws KubeconfigException {
    ExecConfig exec = plugin.exec();
    Path kubeconfig = plugin.file();
    String command = exec.getCommand();
    if (command == null || command.isBlank()) {
      throw new KubeconfigException(
          "context \"" + context + "\": the user's exec credential plugin names no command");
    }
    if (File.separatorChar != '/' || findable(command, kubeconfig, effectivePath(exec, path))) {
      return;
    }
    String hint =
        exec.getInstallHint() == null || exec.getInstallHint().isBlank()
            ? ""
            : " " + exec.getInstallHint().strip();
    throw new KubeconfigException(
        "context \""
            + context
            + "\": the credential plugin \""
            + command
            + "\" was not found (searched PATH "
            + effectivePath(exec, path)
            + "); install it, or start Faultline from a shell where kubectl works."
            + hint);
  }

  /** The {@code PATH} the plugin's shell searches: the exec env's, else the merged one. */
  private static String effectivePath(ExecConfig exec, ExecPluginPath path) {
    return list(exec.getEnv()).stream()
        .filter(variable -> PATH.equals(variable.getName()) && variable.getValue() != null)
        .map(ExecEnvVar::getValue)
        .findFirst()
        .orElseGet(path::get);
  }

  private static boolean findable(String command, Path kubeconfig, String path) {
    try {
      if (command.contains("/")) {
        Path file = Path.of(command);
        if (!file.isAbsolute() && kubeconfig != null) {
          file = kubeconfig.toAbsolutePath().resolveSibling(command).normalize();
        }
        return Files.isExecutable(file);
      }
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
          return true;
        }
      }
      return false;
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /**
   * The failure to report when the plugin ran but fabric8 got no token or certificate from it
   * (fabric8 only logs that).
   */
  static KubeconfigException gaveNoCredentials(ExecConfig exec, String context) {
    String commandLine =
        String.join(" ", exec.getCommand(), String.join(" ", list(exec.getArgs()))).strip();
    return new KubeconfigException(
        "context \""
            + context
            + "\": the credential plugin \""
            + exec.getCommand()
            + "\" returned no token or certificate; run \""
            + commandLine
            + "\" in a terminal to see why (you may need to log in again, e.g. aws sso login,"
            + " gcloud auth login or az login)");
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }
}
