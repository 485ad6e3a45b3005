package dev.faultline.engine;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The gates waiting for an answer, and the answers given. */
final class GateDesk {
  record Answer(boolean approved, String by) {}

  private final Map<String, CompletableFuture<Answer>> waiting = new ConcurrentHashMap<>();

  CompletableFuture<Answer> open(String stepId) {
    return waiting.computeIfAbsent(stepId, id -> new CompletableFuture<>());
  }

  void close(String stepId) {
    waiting.remove(stepId);
  }

  /**
   * @return false when no gate of that id waits
   */
  boolean answer(String stepId, boolean approved, String by) {
    return Optional.ofNullable(waiting.get(stepId))
        .map(f -> f.complete(new Answer(approved, by)))
        .orElse(false);
  }

  Set<String> waitingIds() {
    return Set.copyOf(waiting.keySet());
  }
}
