package dev.faultline.designer.preview;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * A {@link FrameScheduler} on JavaFX pulses: an {@link AnimationTimer} that runs only while work is
 * waiting, so an idle preview costs no frames. Requests from other threads arm it with one {@link
 * Platform#runLater} per frame at most, never one per request.
 */
public final class PulseFrameScheduler implements FrameScheduler {
  private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean armed = new AtomicBoolean();
  private final AnimationTimer timer =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          stop();
          // Disarm before running: a request made by the callbacks (or concurrently) arms the next
          // pulse instead of being lost.
          armed.set(false);
          for (int n = pending.size(); n > 0; n--) {
            Runnable work = pending.poll();
            if (work == null) {
              break;
            }
            work.run();
          }
        }
      };

  @Override
  public void requestFrame(Runnable onFrame) {
    pending.add(onFrame);
    if (armed.compareAndSet(false, true)) {
      if (Platform.isFxApplicationThread()) {
        timer.start();
      } else {
        Platform.runLater(timer::start);
      }
    }
  }
}
