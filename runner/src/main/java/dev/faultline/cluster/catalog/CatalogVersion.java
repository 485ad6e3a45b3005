package dev.faultline.cluster.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One saved version of an experiment, as its ConfigMap's labels and annotations describe it.
 *
 * @param name the experiment's {@code metadata.name}
 * @param version 1, 2, …
 * @param configMap the ConfigMap's name
 * @param description the experiment's description, {@code ""} when none
 * @param savedBy who saved it, {@code ""} when unknown
 * @param savedAt when, {@code null} when unknown
 * @param message the save message, {@code ""} when none
 * @param tags the experiment's labels as {@code k=v}
 * @param contentSha256 SHA-256 of the YAML, {@code ""} when unknown
 */
public record CatalogVersion(
    String name,
    int version,
    String configMap,
    String description,
    String savedBy,
    Instant savedAt,
    String message,
    List<String> tags,
    String contentSha256) {
  public CatalogVersion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(configMap, "configMap");
    description = Objects.requireNonNullElse(description, "");
    savedBy = Objects.requireNonNullElse(savedBy, "");
    message = Objects.requireNonNullElse(message, "");
    tags = List.copyOf(tags);
    contentSha256 = Objects.requireNonNullElse(contentSha256, "");
  }
}
