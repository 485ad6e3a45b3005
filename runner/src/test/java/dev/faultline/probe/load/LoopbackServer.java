package dev.faultline.probe.load;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@link HttpServer} on loopback whose answers the test steers: a delay and a status for
 * every request, and {@link #stallFor} to hold every request that arrives in the next while until
 * the stall ends (a GC pause, a lock), the case coordinated omission hides.
 */
final class LoopbackServer implements AutoCloseable {
  private static final byte[] BODY = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Duration delay = Duration.ZERO;
  private volatile int status = 200;
  private volatile long stallUntil = System.nanoTime();

  LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1_000);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            long wait = Math.max(delay.toNanos(), stallUntil - System.nanoTime());
            if (wait > 0) {
              try {
                Thread.sleep(Duration.ofNanos(wait));
              } catch (InterruptedException e) {
                return;
              }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(BODY);
            }
          }
        });
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/orders");
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getAddress().getPort());
  }

  void delay(Duration delay) {
    this.delay = delay;
  }

  void status(int status) {
    this.status = status;
  }

  /** Holds every request that arrives from now until {@code stall} from now, then answers it. */
  void stallFor(Duration stall) {
    stallUntil = System.nanoTime() + stall.toNanos();
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
