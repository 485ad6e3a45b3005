package dev.faultline.designer.preview;

import java.util.ArrayList;
import java.util.List;

/** Frames the test pumps by hand: {@link #pulse()} runs what was requested since the last one. */
final class ManualFrames implements FrameScheduler {
  private final List<Runnable> requested = new ArrayList<>();

  @Override
  public synchronized void requestFrame(Runnable onFrame) {
    requested.add(onFrame);
  }

  synchronized boolean pending() {
    return !requested.isEmpty();
  }

  void pulse() {
    List<Runnable> now;
    synchronized (this) {
      now = List.copyOf(requested);
      requested.clear();
    }
    now.forEach(Runnable::run);
  }
}
