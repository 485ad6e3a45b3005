package dev.faultline.engine;

/** Receives {@link LoopEvent}s on the loop's thread; must return quickly. */
@FunctionalInterface
public interface LoopListener {
  void onLoopEvent(LoopEvent event);
}
