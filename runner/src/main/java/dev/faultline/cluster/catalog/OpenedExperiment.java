package dev.faultline.cluster.catalog;

import dev.faultline.format.ReadResult;
import java.util.Objects;

/**
 * A version read from the catalog, parsed and validated like a file: an experiment that does not
 * parse comes with its problems (line and column in {@link #text}) and no experiment.
 *
 * @param namespace the namespace it came from
 * @param version which version
 * @param text the stored YAML
 * @param read the parsed and validated result
 */
public record OpenedExperiment(
    String namespace, CatalogVersion version, String text, ReadResult read) {
  public OpenedExperiment {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(read, "read");
  }

  /** Where it came from, for titles and messages: {@code team-chaos/checkout v3}. */
  public String origin() {
    return namespace + "/" + version.name() + " v" + version.version();
  }
}
