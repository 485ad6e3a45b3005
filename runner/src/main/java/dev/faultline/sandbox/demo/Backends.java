package dev.faultline.sandbox.demo;

/**
 * The sandbox's view of the pods behind one Service. A demo service calls it on every request, so
 * answers always follow the simulated pods; implementations must be thread-safe and fast.
 */
@FunctionalInterface
public interface Backends {
  /** The current ready and total pod counts. */
  BackendState state();

  /** Backends that never change; for tests and for Services whose pods are not simulated. */
  static Backends fixed(int ready, int total) {
    BackendState state = new BackendState(ready, total);
    return () -> state;
  }
}
