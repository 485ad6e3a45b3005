package dev.faultline.notify;

import java.io.IOException;

/** One destination of notifications; {@link SinkWorker} calls it from its own thread. */
public interface Sink {
  /** How warnings name this sink: a host or a file path, never a URL with its secrets. */
  String label();

  /**
   * Delivers one message, retrying as the sink sees fit.
   *
   * @throws IOException when it finally could not; the message must be free of secrets
   */
  void send(NotifyMessage message) throws IOException, InterruptedException;

  /** Releases what the sink holds (connections); called once, after its last message. */
  default void close() {}
}
