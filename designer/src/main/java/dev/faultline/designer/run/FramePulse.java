package dev.faultline.designer.run;

import javafx.animation.AnimationTimer;

/**
 * Calls a callback once per frame on the UI thread while started. The run view model drains its
 * event queue through it, so a burst of events costs one UI update per pulse; tests drive it by
 * hand or from a timer thread without the FX toolkit.
 */
interface FramePulse {
  void start(Runnable frame);

  void stop();

  /** The real pulse: an {@link AnimationTimer}, created on the FX thread when first started. */
  static FramePulse animationTimer() {
    return new FramePulse() {
      private AnimationTimer timer;

      @Override
      public void start(Runnable frame) {
        if (timer == null) {
          timer =
              new AnimationTimer() {
                @Override
                public void handle(long now) {
                  frame.run();
                }
              };
        }
        timer.start();
      }

      @Override
      public void stop() {
        if (timer != null) {
          timer.stop();
        }
      }
    };
  }
}
