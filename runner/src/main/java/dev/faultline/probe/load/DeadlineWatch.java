package dev.faultline.probe.load;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces the deadlines of requests in flight by closing the connections that pass them, every
 * {@value #TICK_MILLIS} ms from one platform thread.
 *
 * <p>Why not socket timeouts: on a virtual thread, a read with a timeout arms and cancels a timer
 * for every read, which cost a third of the client's CPU per request in {@code LoadBenchmark}. A
 * read without a timeout only parks. The price is precision: a request times out up to {@value
 * #TICK_MILLIS} ms after its deadline (its latency is recorded as measured, so percentiles are not
 * flattered).
 */
final class DeadlineWatch implements AutoCloseable {
  static final long TICK_MILLIS = 5;

  private final Set<Http1Connection> watched = ConcurrentHashMap.newKeySet();
  private final Thread thread =
      Thread.ofPlatform().name("faultline-load-deadlines").daemon().unstarted(this::watch);
  private volatile boolean closed;

  /** Starts watching {@code connection}; the watch starts with the first. */
  synchronized void add(Http1Connection connection) {
    watched.add(connection);
    if (!closed && thread.getState() == Thread.State.NEW) {
      thread.start();
    }
  }

  void remove(Http1Connection connection) {
    watched.remove(connection);
  }

  private void watch() {
    while (!closed) {
      long now = System.nanoTime();
      for (Http1Connection connection : watched) {
        connection.expireIfLate(now);
      }
      LockSupport.parkNanos(Duration.ofMillis(TICK_MILLIS).toNanos());
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    LockSupport.unpark(thread);
  }
}
