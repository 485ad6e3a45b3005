package dev.faultline.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Canvas positions by step id. Kept apart from the steps so that exports ignore it while moves are
 * still undoable edits of the same document.
 */
public record Layout(Map<String, Position> positions) {
  public static final Layout EMPTY = new Layout(Map.of());

  public Layout {
    positions =
        positions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(positions));
  }

  public Optional<Position> of(String stepId) {
    return Optional.ofNullable(positions.get(stepId));
  }

  public Layout with(String stepId, Position position) {
    var copy = new LinkedHashMap<>(positions);
    copy.put(stepId, position);
    return new Layout(copy);
  }
}
