package dev.faultline.engine;

/**
 * Receives a run's events, in order, on a runner thread (never the FX thread): a UI must hand them
 * over to its own thread in batches. A listener that throws is logged and keeps receiving events;
 * it cannot disturb the run.
 */
@FunctionalInterface
public interface RunListener {
  void onEvent(RunEvent event);
}
