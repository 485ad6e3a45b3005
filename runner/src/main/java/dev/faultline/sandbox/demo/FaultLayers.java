package dev.faultline.sandbox.demo;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The fault layers of one demo service, one per fault source, and the per-request dice.
 *
 * <p>Layers act independently, as separate chaos tools would: each layer rolls its own delay and
 * abort, so delays add up and abort chances combine as independent events. When several layers
 * abort the same request, the layer whose source id sorts first supplies the status, so results do
 * not depend on the order in which controllers happened to register.
 */
final class FaultLayers {
  private final RandomGenerator random;

  // Replaced wholesale on every change, so a request always sees one consistent set of layers.
  private volatile SortedMap<String, Faults> layers = Collections.emptySortedMap();

  FaultLayers(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  synchronized void put(String sourceId, Faults faults) {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(faults, "faults");
    TreeMap<String, Faults> next = new TreeMap<>(layers);
    next.put(sourceId, faults);
    layers = Collections.unmodifiableSortedMap(next);
  }

  synchronized void remove(String sourceId) {
    TreeMap<String, Faults> next = new TreeMap<>(layers);
    next.remove(sourceId);
    layers = Collections.unmodifiableSortedMap(next);
  }

  synchronized void replaceAll(String sourceId, Faults faults) {
    layers = Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(sourceId, faults)));
  }

  synchronized void clear() {
    layers = Collections.emptySortedMap();
  }

  SortedMap<String, Faults> snapshot() {
    return layers;
  }

  /** Chance, 0 to 100, that a request is aborted by at least one layer. */
  double abortPercent() {
    double passes = 1;
    for (Faults f : layers.values()) {
      passes *= 1 - f.abortPercent() / 100;
    }
    return 100 * (1 - passes);
  }

  /**
   * Whether every request is aborted, so the service is down whatever its pods say; layers that
   * match only some requests (a path, a method) do not take the whole service down.
   */
  boolean abortsAll() {
    return layers.values().stream().anyMatch(f -> f.abortPercent() >= 100 && f.match().all());
  }

  /** Rolls the dice of every layer for one request to any path. */
  FaultDecision decide() {
    return decide("GET", "/");
  }

  /**
   * Rolls the dice of every layer that matches the request. Clock offsets add up over all layers,
   * matching or not: a skewed clock is the whole service's.
   */
  FaultDecision decide(String method, String path) {
    SortedMap<String, Faults> current = layers;
    if (current.isEmpty()) {
      return FaultDecision.NONE;
    }
    long delayNanos = 0;
    int status = 0;
    Duration offset = Duration.ZERO;
    var rewrites = new java.util.ArrayList<FaultDecision.Rewrite>();
    // Most RandomGenerator implementations are not thread-safe; requests arrive concurrently.
    synchronized (random) {
      for (Faults f : current.values()) {
        offset = offset.plus(f.clockOffset());
        if (!f.match().matches(method, path)) {
          continue;
        }
        if (random.nextDouble(100) < f.delayPercent()) {
          delayNanos += layerDelayNanos(f);
        }
        if (random.nextDouble(100) < f.abortPercent() && status == 0) {
          status = f.abortStatus();
        }
        if (!f.rewrite().isNone()) {
          rewrites.add(new FaultDecision.Rewrite(f.match(), f.rewrite()));
        }
      }
    }
    return new FaultDecision(Duration.ofNanos(delayNanos), status, rewrites, offset);
  }

  private long layerDelayNanos(Faults f) {
    long latency = f.latency().toNanos();
    long jitter = f.jitter().toNanos();
    if (jitter == 0) {
      return latency;
    }
    return Math.max(0, latency + random.nextLong(-jitter, jitter + 1));
  }
}
