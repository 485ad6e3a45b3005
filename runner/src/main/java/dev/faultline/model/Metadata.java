package dev.faultline.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Name, description and labels of an experiment. */
public record Metadata(String name, String description, Map<String, String> labels, Extras extras) {
  public Metadata {
    labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    extras = extras == null ? Extras.NONE : extras;
  }

  public static Metadata named(String name) {
    return new Metadata(name, null, Map.of(), Extras.NONE);
  }
}
