package dev.faultline.app.run;

import dev.faultline.designer.canvas.CanvasView;
import dev.faultline.designer.preview.PreviewCount;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;

/**
 * Puts the live preview's counts on the attack cards as "selected/matched" badges ("3/7"), kept in
 * step with the preview (which updates its counts at most once per pulse).
 */
public final class CanvasBadges {
  public CanvasBadges(CanvasView canvas, ObservableMap<String, PreviewCount> counts) {
    counts.forEach((id, count) -> canvas.stepBadges().put(id, count.text()));
    counts.addListener(
        (MapChangeListener<String, PreviewCount>)
            change -> {
              if (change.wasAdded()) {
                canvas.stepBadges().put(change.getKey(), change.getValueAdded().text());
              } else if (change.wasRemoved()) {
                canvas.stepBadges().remove(change.getKey());
              }
            });
  }
}
