package dev.faultline.probe.load;

import org.HdrHistogram.WriterReaderPhaser;

/**
 * Hands workers the tally of the current window and swaps in a fresh one when the window ends,
 * without locking the workers: recording is a wait-free critical section of a {@link
 * WriterReaderPhaser}, and {@link #cut} waits only for the records already under way. So every
 * request lands in exactly one window, whole.
 */
final class WindowCutter {
  private final WriterReaderPhaser phaser = new WriterReaderPhaser();
  private volatile Tally active = new Tally();

  void answered(int status, boolean expected, long dueNanos, long sentNanos, long endNanos) {
    long token = phaser.writerCriticalSectionEnter();
    try {
      active.answered(status, expected, dueNanos, sentNanos, endNanos);
    } finally {
      phaser.writerCriticalSectionExit(token);
    }
  }

  void timedOut(long dueNanos, long sentNanos, long endNanos) {
    long token = phaser.writerCriticalSectionEnter();
    try {
      active.timedOut(dueNanos, sentNanos, endNanos);
    } finally {
      phaser.writerCriticalSectionExit(token);
    }
  }

  void expired(long dueNanos, long endNanos) {
    long token = phaser.writerCriticalSectionEnter();
    try {
      active.expired(dueNanos, endNanos);
    } finally {
      phaser.writerCriticalSectionExit(token);
    }
  }

  void failed(String why) {
    long token = phaser.writerCriticalSectionEnter();
    try {
      active.failed(why);
    } finally {
      phaser.writerCriticalSectionExit(token);
    }
  }

  void notSent() {
    long token = phaser.writerCriticalSectionEnter();
    try {
      active.markNotSent();
    } finally {
      phaser.writerCriticalSectionExit(token);
    }
  }

  void waited() {
    long token = phaser.writerCriticalSectionEnter();
    try {
      active.waited();
    } finally {
      phaser.writerCriticalSectionExit(token);
    }
  }

  /** Ends the current window: returns its tally, finished, and starts a new one. */
  Tally cut() {
    phaser.readerLock();
    try {
      Tally done = active;
      active = new Tally();
      phaser.flipPhase(10_000); // records take microseconds; check back every 10 µs
      return done;
    } finally {
      phaser.readerUnlock();
    }
  }
}
