package dev.faultline.sandbox.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The most recent store events with their resource versions, like the API server's watch cache: a
 * watch that starts from a resource version replays what happened after it, and one that asks for a
 * version older than the cache gets {@code 410 Gone} and relists.
 */
final class WatchHistory {
  record Entry(long resourceVersion, StoreEvent event) {}

  private final int capacity;
  private final Deque<Entry> entries = new ArrayDeque<>();

  WatchHistory(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(long resourceVersion, StoreEvent event) {
    entries.addLast(new Entry(resourceVersion, event));
    if (entries.size() > capacity) {
      entries.removeFirst();
    }
  }

  /**
   * Events after {@code resourceVersion}, or empty when the cache no longer reaches back that far
   * (the caller answers 410 Gone).
   */
  synchronized Optional<List<Entry>> after(long resourceVersion) {
    if (!entries.isEmpty()
        && entries.peekFirst().resourceVersion() > resourceVersion + 1
        && entries.size() == capacity) {
      return Optional.empty();
    }
    var result = new ArrayList<Entry>();
    for (Entry e : entries) {
      if (e.resourceVersion() > resourceVersion) {
        result.add(e);
      }
    }
    return Optional.of(result);
  }
}
