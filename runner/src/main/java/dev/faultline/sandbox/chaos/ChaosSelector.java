package dev.faultline.sandbox.chaos;

import dev.faultline.sandbox.world.ClusterView;
import dev.faultline.sandbox.world.Pods;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chaos Mesh's pod selection: {@code selector} (namespaces, labelSelectors, pods) narrowed by
 * {@code mode} and {@code value} (one, all, fixed, fixed-percent, random-max-percent), over running
 * pods, as the Chaos Mesh controller does.
 */
final class ChaosSelector {
  private ChaosSelector() {}

  static List<ObjectNode> select(ClusterView cluster, JsonNode chaos, RandomGenerator random) {
    JsonNode spec = chaos.path("spec");
    JsonNode selector = spec.path("selector");
    var namespaces = new ArrayList<String>();
    selector.path("namespaces").forEach(n -> namespaces.add(n.asString()));
    if (namespaces.isEmpty()) {
      namespaces.add(chaos.path("metadata").path("namespace").asString());
    }
    Map<String, String> labels = new LinkedHashMap<>();
    selector
        .path("labelSelectors")
        .properties()
        .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
    var candidates = new ArrayList<ObjectNode>();
    JsonNode named = selector.path("pods");
    for (String namespace : namespaces) {
      for (ObjectNode pod : cluster.list("v1", "pods", namespace, labels)) {
        boolean running =
            "Running".equals(pod.path("status").path("phase").asString())
                && !Pods.isTerminating(pod);
        boolean nameOk =
            !named.isObject()
                || named
                    .path(namespace)
                    .toString()
                    .contains("\"" + pod.path("metadata").path("name").asString() + "\"");
        if (running && nameOk) {
          candidates.add(pod);
        }
      }
    }
    candidates.sort(
        Comparator.comparing(
            p ->
                p.path("metadata").path("namespace").asString()
                    + "/"
                    + p.path("metadata").path("name").asString()));
    int count =
        count(
            spec.path("mode").asString("one"),
            spec.path("value").asString("1"),
            candidates.size(),
            random);
    var chosen = new ArrayList<ObjectNode>(candidates);
    java.util.Collections.shuffle(chosen, new java.util.Random(random.nextLong()));
    return List.copyOf(chosen.subList(0, Math.min(count, chosen.size())));
  }

  private static int count(String mode, String value, int total, RandomGenerator random) {
    int n = parse(value);
    return switch (mode) {
      case "all" -> total;
      case "fixed" -> Math.min(n, total);
      case "fixed-percent" -> (int) Math.floor(total * n / 100.0);
      case "random-max-percent" -> {
        int max = (int) Math.floor(total * n / 100.0);
        yield max == 0 ? 0 : 1 + random.nextInt(max);
      }
      default -> Math.min(1, total); // one
    };
  }

  private static int parse(String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
