package dev.faultline.cluster.catalog;

import java.util.Objects;

/**
 * What a save did.
 *
 * @param version the version that now holds the content
 * @param created {@code false} when the latest version already had the same content, so nothing was
 *     written
 */
public record SaveResult(CatalogVersion version, boolean created) {
  public SaveResult {
    Objects.requireNonNull(version, "version");
  }
}
