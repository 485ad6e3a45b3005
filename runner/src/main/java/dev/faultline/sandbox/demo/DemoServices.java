package dev.faultline.sandbox.demo;

import java.net.URI;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The demo HTTP servers of the sandbox, one per Service (namespace and name).
 *
 * <p>Thread-safe: the sandbox may start and stop services from its watch threads while fault
 * controllers and the UI look them up. Starting and stopping are serialized; lookups never block.
 */
public final class DemoServices implements AutoCloseable {
  private final Function<ServiceKey, Backends> backends;
  private final Function<ServiceKey, RandomGenerator> dice;
  private final Map<ServiceKey, DemoService> running = new ConcurrentHashMap<>();

  /**
   * Services whose fault outcomes repeat from run to run: each service's dice are seeded from
   * {@code seed} and its key, so one service's traffic does not shift another's outcomes.
   *
   * @param backends gives the live pod counts of a Service; asked once per started service
   */
  public DemoServices(Function<ServiceKey, Backends> backends, long seed) {
    this(backends, key -> new SplittableRandom(seed ^ (31L * key.toString().hashCode())));
  }

  /** Services with unseeded dice, for live demos where repeatability does not matter. */
  public DemoServices(Function<ServiceKey, Backends> backends) {
    this(backends, key -> new SplittableRandom());
  }

  private DemoServices(
      Function<ServiceKey, Backends> backends, Function<ServiceKey, RandomGenerator> dice) {
    this.backends = Objects.requireNonNull(backends, "backends");
    this.dice = dice;
  }

  /** Starts the service on a free port, or returns it if it is already running. */
  public DemoService start(ServiceKey key) {
    return start(key, 0);
  }

  /**
   * Starts the service on {@code port} (0 for a free one), or returns it if it is already running.
   *
   * @throws IllegalStateException if it is already running on a different, explicitly requested
   *     port
   * @throws java.io.UncheckedIOException if the port cannot be bound
   */
  public synchronized DemoService start(ServiceKey key, int port) {
    Objects.requireNonNull(key, "key");
    DemoService current = running.get(key);
    if (current != null) {
      if (port != 0 && current.port() != port) {
        throw new IllegalStateException(
            key + " already runs on port " + current.port() + ", not " + port);
      }
      return current;
    }
    Backends pods = Objects.requireNonNull(backends.apply(key), "backends for " + key);
    DemoService started = DemoService.start(key, pods, dice.apply(key), port);
    running.put(key, started);
    return started;
  }

  /** Stops the service and releases its port; false if it was not running. */
  public synchronized boolean stop(ServiceKey key) {
    DemoService removed = running.remove(key);
    if (removed == null) {
      return false;
    }
    removed.close();
    return true;
  }

  /** Stops every service. */
  public synchronized void stopAll() {
    for (ServiceKey key : Set.copyOf(running.keySet())) {
      stop(key);
    }
  }

  /** The running service, if any. */
  public Optional<DemoService> find(ServiceKey key) {
    return Optional.ofNullable(running.get(key));
  }

  /**
   * {@code http://127.0.0.1:PORT} of a running service.
   *
   * @throws NoSuchElementException if it is not running
   */
  public URI url(ServiceKey key) {
    return find(key).orElseThrow(() -> new NoSuchElementException(key + " is not running")).url();
  }

  /** The keys of the running services; a snapshot. */
  public Set<ServiceKey> keys() {
    return Set.copyOf(running.keySet());
  }

  /** Same as {@link #stopAll()}. */
  @Override
  public void close() {
    stopAll();
  }
}
