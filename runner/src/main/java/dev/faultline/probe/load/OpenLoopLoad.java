package dev.faultline.probe.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * Sends requests on an {@link OpenLoopSchedule} and cuts what happened into windows.
 *
 * <p>One platform thread, the dispatcher, keeps time: it parks until the next request is due, puts
 * the due time in a backlog and goes back to sleep; it never waits for an answer, so a slow server
 * cannot slow the schedule down. Workers, one virtual thread per connection, take due times from
 * the backlog, send, and record the latency from the due time. Workers start when a request finds
 * none free, up to {@code maxConnections}; beyond that, requests wait in the backlog for a
 * connection (the wait counts in their latency, as it would for a user). A request that waited past
 * its deadline ({@code timeout} after it was due) is not sent and counts as a timeout. The backlog
 * is bounded ({@link #backlogFor}: about a timeout's worth of requests); a request due when it is
 * full is not sent either and counts as an error ("client saturated"), so a stalled server cannot
 * make the generator hoard requests without bound.
 *
 * <p>The dispatcher also ends windows at their boundaries ({@code window} apart from the start). A
 * load with a duration ends by letting the backlog drain and the requests in flight answer or time
 * out, then hands over its last window; an endless one (a continuous probe) runs until {@link
 * #close}.
 */
final class OpenLoopLoad implements AutoCloseable {
  static final int MAX_BACKLOG = 200_000;
  private static final long STOP = Long.MIN_VALUE;

  private final OpenLoopSchedule schedule;
  private final long durationNanos;
  private final long windowNanos;
  private final long timeoutNanos;
  private final int maxConnections;
  private final Transport transport;
  private final IntPredicate expected;
  private final BlockingQueue<Long> backlog;
  private final WindowCutter cutter = new WindowCutter();
  private final BlockingQueue<Window> windows = new LinkedBlockingQueue<>();
  private final AtomicInteger idle = new AtomicInteger();
  private final List<Thread> workers = new CopyOnWriteArrayList<>(); // added by the dispatcher only
  private final Thread dispatcher;
  private volatile boolean closed;
  private volatile long startNanos;

  /**
   * @param durationNanos how long to load; {@link Long#MAX_VALUE} for until {@link #close}
   * @param backlog how many requests may wait for a connection
   * @param expected which statuses count as success
   */
  OpenLoopLoad(
      OpenLoopSchedule schedule,
      long durationNanos,
      long windowNanos,
      long timeoutNanos,
      int maxConnections,
      int backlog,
      Transport transport,
      IntPredicate expected) {
    if (durationNanos <= 0 || windowNanos <= 0 || timeoutNanos <= 0 || maxConnections < 1) {
      throw new IllegalArgumentException("duration, window, timeout and connections must be > 0");
    }
    this.schedule = schedule;
    this.durationNanos = durationNanos;
    this.windowNanos = windowNanos;
    this.timeoutNanos = timeoutNanos;
    this.maxConnections = maxConnections;
    this.transport = transport;
    this.expected = expected;
    this.backlog = new ArrayBlockingQueue<>(backlog);
    this.dispatcher =
        Thread.ofPlatform().name("faultline-load-dispatcher").daemon().unstarted(this::dispatch);
  }

  /**
   * A backlog that holds every request due within one {@code timeout} at the peak rate, plus one
   * per connection: a request that would not fit would have timed out waiting anyway. At least 16,
   * at most {@value #MAX_BACKLOG} (a few MB).
   */
  static int backlogFor(OpenLoopSchedule schedule, long timeoutNanos, int maxConnections) {
    double perTimeout = Math.ceil(schedule.peakRate() * timeoutNanos / 1e9);
    return (int) Math.clamp(perTimeout + maxConnections, 16, MAX_BACKLOG);
  }

  /** Starts sending; the first request is due now. */
  OpenLoopLoad start() {
    startNanos = System.nanoTime();
    dispatcher.start();
    return this;
  }

  /**
   * The next finished window, waiting up to {@code timeoutNanos}; {@code null} if none finished in
   * time or the load is over.
   */
  Window nextWindow(long timeoutNanos) throws InterruptedException {
    return windows.poll(timeoutNanos, TimeUnit.NANOSECONDS);
  }

  /** Windows finished and not yet taken, without waiting. */
  List<Window> finishedWindows() {
    var out = new ArrayList<Window>();
    windows.drainTo(out);
    return out;
  }

  /** Whether the dispatcher is still running (false once the last window was handed over). */
  boolean running() {
    return dispatcher.isAlive();
  }

  private void dispatch() {
    long start = startNanos;
    boolean finite = durationNanos != Long.MAX_VALUE;
    long end = finite ? start + durationNanos : Long.MAX_VALUE;
    long windowStart = 0;
    int index = 0;
    long k = 0;
    long due = start + schedule.dueNanos(0);
    try {
      while (!closed) {
        long now = System.nanoTime();
        if (now >= end) {
          break;
        }
        long windowEnd = start + windowStart + windowNanos;
        if (now >= windowEnd) {
          long from = windowStart;
          windowStart += windowNanos;
          publish(index++, from, windowStart, false);
          continue;
        }
        if (due < end && now >= due) {
          send(due);
          k++;
          due = start + schedule.dueNanos(k);
          continue;
        }
        long wake = Math.min(Math.min(due, end), windowEnd);
        LockSupport.parkNanos(wake - now);
      }
      if (closed) {
        return;
      }
      drain();
      publish(index, windowStart, durationNanos, true);
    } catch (InterruptedException e) {
      // closed while draining
    } finally {
      stopWorkers();
    }
  }

  private void publish(int index, long from, long to, boolean last) {
    double scheduled = schedule.expectedBy(to) - schedule.expectedBy(from);
    windows.add(new Window(index, from, to, scheduled, cutter.cut(), last));
  }

  private void send(long due) {
    // Each idle worker will take one queued request; start one more if none is left for this one.
    if (backlog.size() >= idle.get()) {
      if (workers.size() < maxConnections) {
        Thread worker = Thread.ofVirtual().name("faultline-load-worker").unstarted(this::work);
        workers.add(worker);
        worker.start();
      } else {
        cutter.waited();
      }
    }
    if (!backlog.offer(due)) {
      cutter.notSent();
    }
  }

  /** Lets every worker finish the backlog and its request in flight. */
  private void drain() throws InterruptedException {
    for (int i = 0; i < workers.size(); i++) {
      backlog.put(STOP);
    }
    long deadline = System.nanoTime() + timeoutNanos + TimeUnit.SECONDS.toNanos(1);
    for (Thread worker : workers) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        worker.join(java.time.Duration.ofNanos(left));
      }
    }
  }

  private void stopWorkers() {
    for (Thread worker : workers) {
      worker.interrupt(); // a blocked socket read gives up at once on a virtual thread
    }
    // Close is a barrier: once it returns, no worker can still be writing a request.
    for (Thread worker : workers) {
      try {
        worker.join(java.time.Duration.ofSeconds(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void work() {
    try (Transport.Channel channel = transport.open()) {
      while (!closed) {
        long due;
        idle.incrementAndGet();
        try {
          due = backlog.take();
        } catch (InterruptedException e) {
          return;
        } finally {
          idle.decrementAndGet();
        }
        if (due == STOP) {
          return;
        }
        long sent = System.nanoTime();
        long deadline = due + timeoutNanos;
        if (sent >= deadline) {
          cutter.expired(due, sent);
          continue;
        }
        try {
          int status = channel.send(deadline);
          cutter.answered(status, expected.test(status), due, sent, System.nanoTime());
        } catch (SocketTimeoutException | HttpTimeoutException e) {
          cutter.timedOut(due, sent, System.nanoTime());
        } catch (IOException e) {
          if (closed) {
            return;
          }
          cutter.failed(describe(e));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** A connection failure in a few words: {@code connection refused}. */
  static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused";
      }
      if (t instanceof UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
      if (t instanceof NoRouteToHostException) {
        return "no route to host";
      }
    }
    String message = failure.getMessage();
    return message == null || message.isBlank()
        ? failure.getClass().getSimpleName()
        : message.toLowerCase(java.util.Locale.ROOT).startsWith("connection")
            ? message.toLowerCase(java.util.Locale.ROOT)
            : message;
  }

  /** Stops at once: no more requests, requests in flight are abandoned. Idempotent. */
  @Override
  public void close() {
    closed = true;
    dispatcher.interrupt();
    LockSupport.unpark(dispatcher);
    try {
      dispatcher.join(java.time.Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopWorkers();
  }
}
