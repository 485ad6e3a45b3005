package dev.faultline.sandbox.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/**
 * The demo HTTP server of one sandbox Service, on 127.0.0.1.
 *
 * <p>Its health follows the simulated pods ({@link Backends}) and its traffic suffers the faults
 * the sandbox's chaos controllers inject. Endpoints: {@code GET /health} (JSON, 200 UP or 503
 * DOWN), {@code GET /metrics} (Prometheus text), and any other path as ordinary traffic answering a
 * small JSON object. Thread-safe; every request runs on its own virtual thread, so a delayed
 * request never holds up another.
 *
 * <p>Faults come in named layers, one per source (for example {@code networkchaos/shop/slow} and
 * {@code virtualservice/shop/checkout}); layers act independently, so their delays add up and their
 * abort chances combine as independent events.
 */
public final class DemoService implements AutoCloseable {
  /** The layer {@link #setFaults} writes. */
  public static final String DEFAULT_SOURCE = "default";

  private static final byte[] LOOPBACK = {127, 0, 0, 1};

  private final ServiceKey key;
  private final Backends backends;
  private final FaultLayers faults;
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();
  // Typed loosely so a service that never serves gRPC never loads the gRPC classes.
  private AutoCloseable grpc; // guarded by this
  private int grpcPort; // guarded by this

  private DemoService(
      ServiceKey key,
      Backends backends,
      FaultLayers faults,
      HttpServer server,
      ExecutorService executor) {
    this.key = key;
    this.backends = backends;
    this.faults = faults;
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds 127.0.0.1 and starts serving.
   *
   * @param key the Service this server stands for; names it in answers and metrics labels
   * @param backends read on every request for the current ready and total pods
   * @param random the dice for faults; a seeded generator makes fault outcomes repeatable
   * @param port the port to bind, or 0 for a free one
   * @throws UncheckedIOException if the port cannot be bound (e.g. it is taken)
   */
  public static DemoService start(
      ServiceKey key, Backends backends, RandomGenerator random, int port) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(backends, "backends");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    FaultLayers faults = new FaultLayers(random);
    HttpServer server;
    try {
      server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind 127.0.0.1:" + port + " for " + key, e);
    }
    ExecutorService executor =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("demo-" + key + "-", 0).factory());
    server.setExecutor(executor);
    server.createContext("/", new DemoHandler(key, backends, faults, new DemoMetrics(key)));
    server.start();
    return new DemoService(key, backends, faults, server, executor);
  }

  /** The Service this server stands for. */
  public ServiceKey key() {
    return key;
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /**
   * Also serves gRPC ({@code grpc.health.v1}, reflection, {@code demo.Checkout/Quote}, {@code
   * demo.Inventory/Check}) on 127.0.0.1, with this service's pods and faults; returns its port.
   * Calling it again returns the same port.
   *
   * @throws IllegalStateException when the service is closed
   * @throws java.io.UncheckedIOException when no port can be bound
   */
  public synchronized int serveGrpc() {
    if (closed.get()) {
      throw new IllegalStateException(key + " is closed");
    }
    if (grpc == null) {
      GrpcDemoServer started = GrpcDemoServer.start(key, backends, faults, 0);
      grpc = started;
      grpcPort = started.port();
    }
    return grpcPort;
  }

  /** Replaces all fault layers with {@code faults} alone, in the {@link #DEFAULT_SOURCE} layer. */
  public void setFaults(Faults faults) {
    this.faults.replaceAll(DEFAULT_SOURCE, Objects.requireNonNull(faults, "faults"));
  }

  /** Removes every fault layer. */
  public void clearFaults() {
    faults.clear();
  }

  /** Adds or replaces the fault layer of one source, leaving other sources' layers alone. */
  public void putFault(String sourceId, Faults faults) {
    this.faults.put(sourceId, faults);
  }

  /** Removes the fault layer of one source; nothing happens if it has none. */
  public void removeFault(String sourceId) {
    faults.remove(sourceId);
  }

  /** The active fault layers by source id, sorted; an immutable snapshot. */
  public SortedMap<String, Faults> faults() {
    return faults.snapshot();
  }

  /** The chance, 0 to 100, that a request is aborted by at least one layer. */
  public double abortPercent() {
    return faults.abortPercent();
  }

  /**
   * Stops serving and releases the port. Requests still waiting out a delay are dropped. Calling it
   * again does nothing.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow(); // interrupts requests sleeping in a delay
      synchronized (this) {
        if (grpc != null) {
          try {
            grpc.close();
          } catch (Exception e) {
            // best effort: the HTTP side is down already
          }
        }
      }
    }
  }
}
