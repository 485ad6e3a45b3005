package dev.faultline.cli;

import dev.faultline.cluster.KubeContexts;
import dev.faultline.safety.DataDirectory;
import dev.faultline.safety.ProtectedContexts;
import dev.faultline.safety.StateDirectory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands read from the process: the environment ({@code KUBECONFIG}), the home directory
 * ({@code ~/.kube/config}) and Faultline's data directory. Injected, so tests never touch the real
 * kubeconfig or settings.
 *
 * @param environment the process environment
 * @param home the user's home directory
 * @param dataDirectory Faultline's data directory, holding {@value ProtectedContexts#FILE_NAME}
 */
record CliEnvironment(Map<String, String> environment, Path home, Path dataDirectory) {

  CliEnvironment {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
  }

  /** This process's environment, {@code HOME} (else {@code user.home}) and data directory. */
  static CliEnvironment system() {
    String home = System.getenv("HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("user.home", ".");
    }
    return new CliEnvironment(System.getenv(), Path.of(home), DataDirectory.get());
  }

  /** The kubeconfig files kubectl would read here. */
  KubeContexts kubeContexts() {
    return new KubeContexts(environment, home);
  }

  /**
   * Faultline's state directory (journals, active runs): {@code faultline.state.dir}, else {@code
   * FAULTLINE_STATE_DIR}, else as {@link StateDirectory} derives it from this environment and home.
   */
  Path stateDirectory() {
    return StateDirectory.resolve(
        environment,
        System.getProperty(StateDirectory.PROPERTY),
        System.getProperty("os.name", ""),
        home.toString());
  }

  /** Where a running app's embedded sandbox writes its kubeconfig. */
  Path sandboxKubeconfig() {
    return dataDirectory.resolve("sandbox").resolve("kubeconfig");
  }

  /** The protected-contexts settings file. */
  Path protectedContextsFile() {
    return dataDirectory.resolve(ProtectedContexts.FILE_NAME);
  }
}
