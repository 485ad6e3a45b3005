package dev.faultline.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Orders a run's events and hands them to the listeners on one dispatcher thread, so listeners see
 * them in timestamp order and a slow listener never blocks a step or a probe.
 */
final class EventBus {
  private static final Logger LOG = Logger.getLogger(EventBus.class.getName());

  private final long startNanos = System.nanoTime();
  private final List<RunListener> listeners;
  private final List<RunEvent> recorded = new ArrayList<>();
  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final CountDownLatch finishedDelivered = new CountDownLatch(1);
  private boolean closed;

  EventBus(List<RunListener> listeners, String runId) {
    this.listeners = List.copyOf(listeners);
    Thread.ofVirtual().name("faultline-events-" + runId).start(this::dispatch);
  }

  /** Nanoseconds since the run started. */
  long now() {
    return System.nanoTime() - startNanos;
  }

  long startNanos() {
    return startNanos;
  }

  /** Stamps and queues an event; events after {@link RunEvent.RunFinished} are dropped. */
  synchronized void emit(LongFunction<? extends RunEvent> event) {
    if (closed) {
      return;
    }
    RunEvent e = event.apply(now());
    recorded.add(e);
    queue.add(e);
    if (e instanceof RunEvent.RunFinished) {
      closed = true;
    }
  }

  /**
   * Runs a task on the dispatcher thread after the listeners have seen every event emitted so far,
   * so it observes the run in the same order they do.
   */
  synchronized void runInOrder(Runnable task) {
    if (!closed) {
      queue.add(task);
    }
  }

  synchronized List<RunEvent> recorded() {
    return List.copyOf(recorded);
  }

  /** Waits until the listeners have seen the last event. */
  void awaitDelivered() throws InterruptedException {
    finishedDelivered.await();
  }

  private void dispatch() {
    while (true) {
      Object item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (item instanceof Runnable task) {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "in-order task failed", e);
        }
        continue;
      }
      RunEvent event = (RunEvent) item;
      for (RunListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "run listener failed on " + event, e);
        }
      }
      if (event instanceof RunEvent.RunFinished) {
        finishedDelivered.countDown();
        return;
      }
    }
  }
}
