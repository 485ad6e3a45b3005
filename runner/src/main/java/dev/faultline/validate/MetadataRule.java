package dev.faultline.validate;

import dev.faultline.model.Experiment;
import dev.faultline.model.NamespacePolicy;
import java.util.regex.Pattern;

/**
 * The experiment's name is usable as a Kubernetes object name (exports use it), a named context is
 * not empty, and the safety block does not contradict itself. Whether the context exists is not
 * checked here: that depends on the kubeconfig, which the CLI and the app read.
 */
final class MetadataRule implements Rule {
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  @Override
  public void check(Experiment experiment, ProblemSink sink) {
    String name = experiment.metadata().name();
    if (name != null) {
      if (name.isBlank()) {
        sink.error("metadata.name", "the experiment needs a name");
      } else if (!DNS_SUBDOMAIN.matcher(name).matches()) {
        sink.warning(
            "metadata.name",
            "'"
                + name
                + "' is not a valid Kubernetes name (lower-case letters, digits, '-' and '.');"
                + " exports to Chaos Mesh will need another");
      }
    }
    String context = experiment.spec().context();
    if (context != null && context.isBlank()) {
      sink.error(
          "spec.context",
          "'context' is empty; name a kubeconfig context, or leave it out to use the current one");
    }
    NamespacePolicy policy = experiment.spec().effectiveSafety().effectiveNamespaces();
    for (int i = 0; i < policy.allow().size(); i++) {
      String namespace = policy.allow().get(i);
      if (policy.effectiveDeny().contains(namespace)) {
        sink.warning(
            Paths.index("spec.safety.namespaces.allow", i),
            "namespace '" + namespace + "' is both allowed and denied; deny wins");
      }
    }
  }
}
