package dev.faultline.sandbox.world;

import tools.jackson.databind.JsonNode;

/**
 * The {@code pod-template-hash} of a pod template, as the Deployment controller labels its
 * ReplicaSets. Stable across runs and JVMs, so a seeded world and the controller that later
 * reconciles it agree on which ReplicaSet is current.
 */
final class TemplateHash {
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private TemplateHash() {}

  static String of(JsonNode template) {
    long h = 1125899906842597L;
    for (char c : canonical(template).toCharArray()) {
      h = 31 * h + c;
    }
    var text = new StringBuilder(10);
    long v = h & Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      text.append(ALPHABET.charAt((int) (v % ALPHABET.length())));
      v /= ALPHABET.length();
    }
    return text.toString();
  }

  /** JSON with object keys sorted: the store may re-serialize objects in another key order. */
  private static String canonical(JsonNode node) {
    if (node.isObject()) {
      var keys = new java.util.TreeSet<String>(node.propertyNames());
      var text = new StringBuilder("{");
      for (String key : keys) {
        text.append(text.length() > 1 ? "," : "")
            .append('"')
            .append(key)
            .append("\":")
            .append(canonical(node.get(key)));
      }
      return text.append('}').toString();
    }
    if (node.isArray()) {
      var text = new StringBuilder("[");
      for (JsonNode item : node) {
        text.append(text.length() > 1 ? "," : "").append(canonical(item));
      }
      return text.append(']').toString();
    }
    return node.toString();
  }
}
