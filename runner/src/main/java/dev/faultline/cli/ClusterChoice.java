package dev.faultline.cli;

import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextDiscovery;
import dev.faultline.cluster.ContextRef;
import dev.faultline.model.Experiment;
import dev.faultline.validate.Suggestions;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * Which cluster a command talks to: {@code --sandbox}, else {@code --context}, else the
 * experiment's {@code spec.context}, else the kubeconfig's current context, else the embedded
 * sandbox (said on stderr).
 */
final class ClusterChoice {
  private ClusterChoice() {}

  /**
   * @throws IllegalArgumentException when the named context does not exist
   */
  static ClusterTarget choose(
      boolean sandbox,
      String context,
      ContextDiscovery discovery,
      Experiment experiment,
      PrintWriter err,
      String command) {
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
