package dev.faultline.validate;

import dev.faultline.model.Experiment;
import dev.faultline.model.NamespacePolicy;
import java.util.regex.Pattern;

/**
 * The experiment's name is usable as a Kubernetes object name (exports use it), and the safety
 * block does not contradict itself.
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
