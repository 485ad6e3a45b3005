package dev.faultline.probe.load;

import java.net.InetSocketAddress;

/**
 * HTTP/1.1 over plain sockets: one {@link Http1Connection} per channel, their deadlines kept by one
 * {@link DeadlineWatch}.
 */
final class PlainTransport implements Transport {
  private final InetSocketAddress address;
  private final RequestBytes request;
  private final DeadlineWatch watch = new DeadlineWatch();

  PlainTransport(InetSocketAddress address, RequestBytes request) {
    this.address = address;
    this.request = request;
  }

  @Override
  public Channel open() {
    return new Http1Connection(address, request, watch);
  }

  @Override
  public void close() {
    watch.close();
  }
}
