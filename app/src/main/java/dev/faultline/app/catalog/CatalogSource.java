package dev.faultline.app.catalog;

import dev.faultline.cluster.catalog.CatalogException;
import dev.faultline.cluster.catalog.ExperimentCatalog;

/** Where the dialogs find a catalog: the connected cluster's, in the namespace they are given. */
@FunctionalInterface
public interface CatalogSource {
  /**
   * The catalog in {@code namespace}.
   *
   * @throws CatalogException when there is no connected cluster
   */
  ExperimentCatalog catalog(String namespace) throws CatalogException;
}
