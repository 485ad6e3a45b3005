package dev.faultline.cluster.catalog;

/**
 * A catalog operation that could not be done, with a message that names the namespace and what was
 * being done: {@code cannot list experiments in namespace "team-chaos": https://...: forbidden
 * (403) ...}.
 */
public final class CatalogException extends Exception {
  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
