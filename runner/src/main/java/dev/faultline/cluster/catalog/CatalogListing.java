package dev.faultline.cluster.catalog;

import java.util.List;

/**
 * What a namespace's catalog holds.
 *
 * @param namespace where it was read
 * @param entries one per experiment, by name
 * @param problems ConfigMaps with the catalog's label that could not be read
 */
public record CatalogListing(
    String namespace, List<CatalogEntry> entries, List<CatalogProblem> problems) {
  public CatalogListing {
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }
}
