package dev.faultline.attack;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults as JSON: the form the rollback journal and the {@code faultline.dev/fault} annotation
 * hold. One fault is an object with the {@link Fault} record's fields; an annotation that carries
 * several faults (two containers of one pod frozen, two steps on one deployment) holds an array.
 */
public final class FaultJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FaultJson() {}

  /** One fault as a JSON object. */
  public static String write(Fault fault) {
    return JSON.writeValueAsString(fault);
  }

  /** Several faults as a JSON array. */
  public static String writeAll(List<Fault> faults) {
    return JSON.writeValueAsString(faults);
  }

  /**
   * Reads one fault.
   *
   * @throws IllegalArgumentException if the text is not a fault
   */
  public static Fault read(String json) {
    try {
      return JSON.readValue(json, Fault.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not a Faultline fault: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads an array of faults, or a single fault as a list of one.
   *
   * @throws IllegalArgumentException if the text is neither
   */
  public static List<Fault> readAll(String json) {
    try {
      JsonNode tree = JSON.readTree(json);
      var faults = new ArrayList<Fault>();
      if (tree.isArray()) {
        for (JsonNode item : tree) {
          faults.add(JSON.treeToValue(item, Fault.class));
        }
      } else {
        faults.add(JSON.treeToValue(tree, Fault.class));
      }
      return List.copyOf(faults);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not Faultline faults: " + e.getOriginalMessage(), e);
    }
  }
}
