package dev.faultline.cluster.catalog;

/**
 * A ConfigMap that carries the catalog's label but cannot be read as a version: a foreign object, a
 * hand edit, a newer Faultline's layout. Reported, never fatal.
 *
 * @param configMap the ConfigMap's name
 * @param message what is wrong with it
 */
public record CatalogProblem(String configMap, String message) {
  @Override
  public String toString() {
    return "configmap " + configMap + ": " + message;
  }
}
