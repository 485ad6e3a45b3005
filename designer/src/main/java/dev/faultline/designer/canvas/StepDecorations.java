package dev.faultline.designer.canvas;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;

/**
 * The badges and run states the application puts on cards, as two observable maps keyed by step id,
 * and the immutable picture of both that the canvas draws from.
 *
 * <p>The maps may change many entries per pulse (a preview result, a batch of run events). A change
 * only marks the picture stale and, on the first change since the last frame, asks for a repaint;
 * the view then {@link #flush()}es once per pulse: one new picture, one comparison of card looks,
 * only the changed cards' tiles rendered again.
 */
final class StepDecorations {

  private final ObservableMap<String, String> badges = FXCollections.observableHashMap();
  private final ObservableMap<String, StepRunState> states = FXCollections.observableHashMap();
  private final Runnable firstChange;
  private boolean stale;
  private Map<String, StepDecoration> look = Map.of();
  private Set<String> animated = Set.of();

  /**
   * @param firstChange called on the first change after a flush, to ask for a repaint
   */
  StepDecorations(Runnable firstChange) {
    this.firstChange = firstChange;
    badges.addListener((MapChangeListener<String, String>) change -> changed());
    states.addListener((MapChangeListener<String, StepRunState>) change -> changed());
  }

  ObservableMap<String, String> badges() {
    return badges;
  }

  ObservableMap<String, StepRunState> states() {
    return states;
  }

  private void changed() {
    if (!stale) {
      stale = true;
      firstChange.run();
    }
  }

  /**
   * Takes the maps' current contents as the picture to draw. Returns whether it differs from the
   * previous one; when it does not, the previous map object is kept, so looks compare by identity.
   */
  boolean flush() {
    if (!stale) {
      return false;
    }
    stale = false;
    Map<String, StepDecoration> next = new HashMap<>();
    badges.forEach(
        (id, badge) -> merge(next, id, badge, (d, b) -> new StepDecoration(b, d.state())));
    states.forEach(
        (id, state) -> merge(next, id, state, (d, s) -> new StepDecoration(d.badge(), s)));
    Map<String, StepDecoration> frozen = Map.copyOf(next);
    if (frozen.equals(look)) {
      return false;
    }
    look = frozen;
    Set<String> moving = new HashSet<>();
    frozen.forEach(
        (id, decoration) -> {
          if (decoration.animated()) {
            moving.add(id);
          }
        });
    animated = Set.copyOf(moving);
    return true;
  }

  private static <T> void merge(
      Map<String, StepDecoration> into,
      String id,
      T value,
      BiFunction<StepDecoration, T, StepDecoration> with) {
    if (id == null || value == null) {
      return;
    }
    StepDecoration current = into.getOrDefault(id, new StepDecoration(null, null));
    into.put(id, with.apply(current, value));
  }

  /** The picture as of the last flush: an immutable map, a new object only when it changed. */
  Map<String, StepDecoration> look() {
    return look;
  }

  /** The decoration of one card as of the last flush; {@code null} for a plain card. */
  StepDecoration of(String id) {
    return look.get(id);
  }

  /** The steps running or waiting as of the last flush: the cards that animate. */
  Set<String> animated() {
    return animated;
  }
}
