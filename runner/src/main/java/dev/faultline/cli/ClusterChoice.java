package dev.faultline.cli;

import dev.faultline.cluster.ClusterConnector;
import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextDiscovery;
import dev.faultline.cluster.ContextRef;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.model.Experiment;
import dev.faultline.model.TimeSpan;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.validate.Suggestions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The cluster options {@code preview} and {@code run} share ({@code --context}, {@code
 * --kubeconfig}, {@code --sandbox}, {@code --timeout}), as a picocli mixin, and the one rule for
 * which cluster they talk to: {@code --sandbox}, else {@code --context}, else the experiment's
 * {@code spec.context}, else the kubeconfig's current context, else the embedded sandbox (said on
 * stderr).
 */
final class ClusterChoice {
  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "Kubeconfig context (default: the experiment's, else the current one).")
  String context;

  @Option(
      names = "--kubeconfig",
      paramLabel = "PATH",
      description = "Kubeconfig file instead of KUBECONFIG / ~/.kube/config.")
  Path kubeconfig;

  @Option(names = "--sandbox", description = "Use a new embedded sandbox cluster.")
  boolean sandbox;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "How long to wait for the cluster (default: ${DEFAULT-VALUE}).")
  String timeout = "30s";

  /** {@code --timeout}, or 30 s when it does not parse. */
  Duration timeout() {
    return TimeSpan.parse(timeout).orElse(Duration.ofSeconds(30));
  }

  /** The kubeconfig files to read: {@code --kubeconfig}, else the environment's. */
  KubeContexts contexts(KubeContexts fromEnvironment) {
    return kubeconfig == null ? fromEnvironment : KubeContexts.ofFiles(List.of(kubeconfig));
  }

  /**
   * A connector for {@code contexts}. A sandbox started by this command writes its kubeconfig to a
   * private temporary file, so it never replaces the one a running app's sandbox wrote.
   */
  ClusterConnector connector(KubeContexts contexts, String command, boolean demoServices)
      throws IOException {
    Path sandboxKubeconfig =
        Files.createTempDirectory("faultline-" + command).resolve("kubeconfig");
    return new ClusterConnector(
        contexts,
        SandboxOptions.defaults().withKubeconfig(sandboxKubeconfig).withDemoServices(demoServices));
  }

  /**
   * @throws IllegalArgumentException when the named context does not exist
   */
  ClusterTarget choose(
      ContextDiscovery discovery, Experiment experiment, PrintWriter err, String command) {
    if (sandbox) {
      return new ClusterTarget.EmbeddedSandbox();
    }
    String wanted =
        context != null ? context : experiment == null ? null : experiment.spec().context();
    if (wanted != null) {
      Optional<ContextRef> ref =
          discovery.contexts().stream().filter(c -> c.name().equals(wanted)).findFirst();
      if (ref.isEmpty()) {
        throw new IllegalArgumentException(
            "no kubeconfig context '"
                + wanted
                + "'"
                + Suggestions.didYouMean(
                    wanted, discovery.contexts().stream().map(ContextRef::name).toList()));
      }
      return new ClusterTarget.KubeContext(ref.get());
    }
    if (!discovery.kubeconfigExists() || discovery.current().isEmpty()) {
      err.println(
          command
              + ": no kubeconfig context found; using the embedded sandbox (pass --context to choose)");
      return new ClusterTarget.EmbeddedSandbox();
    }
    return new ClusterTarget.KubeContext(discovery.current().get());
  }
}
