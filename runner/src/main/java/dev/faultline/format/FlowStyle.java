package dev.faultline.format;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that the YAML writer puts on one line ({@code {x: 80, y: 120}}). Used for small, fixed
 * shapes where one line reads better and diffs better: layout positions, blast radius and owner.
 */
final class FlowStyle {
  private FlowStyle() {}

  static final class FlowMap extends LinkedHashMap<String, Object> {
    FlowMap(Map<String, Object> values) {
      super(values);
    }
  }
}
