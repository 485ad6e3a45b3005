package dev.faultline.probe.load;

import java.io.IOException;

/**
 * How a load reaches its server: {@link PlainTransport} speaks HTTP/1.1 over its own sockets,
 * {@link JdkTransport} uses the JDK's {@code HttpClient} for {@code https} URLs, and {@code
 * load.grpc} brings its own for unary gRPC calls ({@link HttpLoad#HttpLoad(LoadSpec, Transport)}).
 * Each worker opens one {@link Channel} and uses it alone, so a channel needs no locking.
 */
public interface Transport extends AutoCloseable {
  /** A connection (or the share of a client) that one worker sends its requests over. */
  interface Channel extends AutoCloseable {
    /**
     * Sends the load's request and reads the whole answer.
     *
     * @param deadlineNanos when to give up ({@link System#nanoTime()})
     * @return the answer's status code
     * @throws java.net.SocketTimeoutException or {@link java.net.http.HttpTimeoutException} when
     *     the deadline passed first
     * @throws IOException when the connection failed
     * @throws InterruptedException when the load is stopped meanwhile
     */
    int send(long deadlineNanos) throws IOException, InterruptedException;

    @Override
    void close();
  }

  /** A channel for one worker. */
  Channel open();

  @Override
  default void close() {}
}
