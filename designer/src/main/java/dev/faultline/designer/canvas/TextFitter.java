package dev.faultline.designer.canvas;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Shortens texts with an ellipsis to fit a width, remembering the answers: cards draw the same
 * texts every frame, and measuring text is the slowest thing a frame would otherwise do.
 */
final class TextFitter {

  /** Enough for the texts of a few thousand cards; cleared wholesale when full. */
  private static final int CAPACITY = 20_000;

  private record Key(String text, Font font, double width) {}

  private final Map<Key, String> fitted = new HashMap<>();
  private final Text measure = new Text();

  /** {@code text} as it fits into {@code width} pixels in {@code font}. */
  String fit(String text, Font font, double width) {
    if (text.isEmpty()) {
      return text;
    }
    Key key = new Key(text, font, width);
    String known = fitted.get(key);
    if (known != null) {
      return known;
    }
    if (fitted.size() >= CAPACITY) {
      fitted.clear();
    }
    String result = shorten(text, font, width);
    fitted.put(key, result);
    return result;
  }

  double width(String text, Font font) {
    measure.setFont(font);
    measure.setText(text);
    return measure.getLayoutBounds().getWidth();
  }

  private String shorten(String text, Font font, double width) {
    if (width(text, font) <= width) {
      return text;
    }
    // Binary search on the length of the kept prefix.
    int low = 0;
    int high = text.length();
    while (low < high) {
      int mid = (low + high + 1) / 2;
      if (width(text.substring(0, mid).stripTrailing() + "\u2026", font) <= width) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return text.substring(0, low).stripTrailing() + "\u2026";
  }
}
