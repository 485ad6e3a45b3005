package dev.faultline.designer.preview;

/**
 * Runs work at the next frame (JavaFX pulse) on the FX thread. The preview hands cluster changes to
 * the UI through it, so a burst of events becomes one update per frame.
 *
 * <p>{@link PulseFrameScheduler} is the real one; tests pump frames by hand.
 */
@FunctionalInterface
public interface FrameScheduler {
  /**
   * Calls {@code onFrame} on the FX thread during the next pulse. Thread-safe. Callers coalesce
   * their own requests: each call runs its callback once.
   */
  void requestFrame(Runnable onFrame);
}
