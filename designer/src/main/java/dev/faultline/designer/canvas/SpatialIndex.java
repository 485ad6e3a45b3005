package dev.faultline.designer.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the steps in a region without looking at all of them: a uniform grid of buckets, each
 * holding the ids of the rectangles that overlap it. Drawing asks it for the viewport, hit-testing
 * for a point, the rubber band for its rectangle.
 *
 * <p>Updated incrementally ({@link #put}, {@link #remove}) as the graph reconciles, so a move of
 * one step costs a few bucket updates, not a rebuild.
 */
public final class SpatialIndex {

  /** A little more than a card, so a card touches at most four buckets. */
  static final double CELL = 256;

  private final Map<Long, List<String>> buckets = new HashMap<>();
  private final Map<String, Rect> rects = new HashMap<>();

  /** Adds {@code id} at {@code rect}, or moves it there. */
  public void put(String id, Rect rect) {
    Rect old = rects.put(id, rect);
    if (old != null) {
      forCells(old, key -> removeFrom(key, id));
    }
    forCells(rect, key -> buckets.computeIfAbsent(key, k -> new ArrayList<>(4)).add(id));
  }

  public void remove(String id) {
    Rect old = rects.remove(id);
    if (old != null) {
      forCells(old, key -> removeFrom(key, id));
    }
  }

  public int size() {
    return rects.size();
  }

  /** The ids whose rectangles intersect {@code area}, each once, in no particular order. */
  public Set<String> query(Rect area) {
    Set<String> found = new LinkedHashSet<>();
    forCells(
        area,
        key -> {
          List<String> bucket = buckets.get(key);
          if (bucket != null) {
            for (String id : bucket) {
              if (!found.contains(id) && rects.get(id).intersects(area)) {
                found.add(id);
              }
            }
          }
        });
    return found;
  }

  /** The ids whose rectangles contain the point. */
  public Set<String> at(double x, double y) {
    Set<String> found = new LinkedHashSet<>();
    List<String> bucket = buckets.get(key(cell(x), cell(y)));
    if (bucket != null) {
      for (String id : bucket) {
        if (rects.get(id).contains(x, y)) {
          found.add(id);
        }
      }
    }
    return found;
  }

  private void removeFrom(long key, String id) {
    List<String> bucket = buckets.get(key);
    if (bucket != null) {
      bucket.remove(id);
      if (bucket.isEmpty()) {
        buckets.remove(key);
      }
    }
  }

  private interface CellAction {
    void apply(long key);
  }

  private static void forCells(Rect rect, CellAction action) {
    long minX = cell(rect.x());
    long maxX = cell(rect.maxX());
    long minY = cell(rect.y());
    long maxY = cell(rect.maxY());
    for (long cx = minX; cx <= maxX; cx++) {
      for (long cy = minY; cy <= maxY; cy++) {
        action.apply(key(cx, cy));
      }
    }
  }

  private static long cell(double value) {
    return (long) Math.floor(value / CELL);
  }

  private static long key(long cx, long cy) {
    return (cx << 32) ^ (cy & 0xffffffffL);
  }
}
