package dev.faultline.cluster.catalog;

import java.util.Objects;

/**
 * One experiment of the catalog: its latest version and how many there are.
 *
 * @param latest the newest version (its description, who saved it and when)
 * @param versions how many versions are stored
 */
public record CatalogEntry(CatalogVersion latest, int versions) {
  public CatalogEntry {
    Objects.requireNonNull(latest, "latest");
  }

  /** The experiment's name. */
  public String name() {
    return latest.name();
  }
}
