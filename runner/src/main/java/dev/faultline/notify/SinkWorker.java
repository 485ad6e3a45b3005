package dev.faultline.notify;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Delivers one sink's messages in order on its own virtual thread, from a bounded queue, so a slow
 * or dead sink never holds up the caller: {@link #offer} returns at once, and a full queue drops
 * the message with a warning instead of waiting.
 */
public final class SinkWorker {
  /** Far more than a run sends (start, gates, halt, finish); bounds memory if a sink hangs. */
  static final int CAPACITY = 64;

  private record Item(NotifyMessage message, CompletableFuture<Void> done) {}

  private final Sink sink;
  private final Consumer<String> warnings;
  private final ArrayBlockingQueue<Item> queue = new ArrayBlockingQueue<>(CAPACITY);
  private volatile CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
  private volatile boolean closed;

  /**
   * @param warnings receives one sentence per message that could not be delivered, free of secrets
   */
  public SinkWorker(Sink sink, Consumer<String> warnings) {
    this.sink = sink;
    this.warnings = warnings;
    Thread.ofVirtual().name("faultline-notify-" + sink.label()).start(this::deliver);
  }

  public String label() {
    return sink.label();
  }

  /** Queues a message without waiting; after {@link #close} it is ignored. */
  public void offer(NotifyMessage message) {
    if (closed) {
      return;
    }
    var item = new Item(message, new CompletableFuture<>());
    if (queue.offer(item)) {
      last = item.done();
    } else {
      warnings.accept(
          "notification to "
              + sink.label()
              + " dropped ("
              + message.event().keyword()
              + "): too many are waiting");
    }
  }

  /** Delivers what is queued, then ends the thread. */
  public void close() {
    closed = true;
  }

  /** Waits up to {@code nanos} for every queued message; false when time ran out. */
  public boolean awaitDelivered(long nanos) throws InterruptedException {
    try {
      last.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true; // delivery failures are reported as warnings, never thrown
    }
  }

  private void deliver() {
    try {
      loop();
    } finally {
      sink.close();
    }
  }

  private void loop() {
    while (true) {
      Item item;
      try {
        item = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (item == null) {
        if (closed && queue.isEmpty()) {
          return;
        }
        continue;
      }
      try {
        sink.send(item.message());
      } catch (IOException | RuntimeException e) {
        warnings.accept(
            "notification to "
                + sink.label()
                + " failed ("
                + item.message().event().keyword()
                + "): "
                + e.getMessage());
      } catch (InterruptedException e) {
        item.done().complete(null);
        return;
      } finally {
        item.done().complete(null);
      }
    }
  }
}
