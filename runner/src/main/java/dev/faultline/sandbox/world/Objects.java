package dev.faultline.sandbox.world;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builders for the Kubernetes objects of the demo world, as JSON trees. */
final class Objects {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Objects() {}

  static ObjectNode object(String apiVersion, String kind, String namespace, String name) {
    ObjectNode o = JSON.objectNode();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    ObjectNode meta = o.putObject("metadata");
    meta.put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    return o;
  }

  /** uid, resourceVersion and creationTimestamp, which the store would set on create. */
  static void stamp(
      ObjectNode object, RandomGenerator random, long resourceVersion, Instant created) {
    ObjectNode meta = object.withObjectProperty("metadata");
    meta.put("uid", new UUID(random.nextLong(), random.nextLong()).toString());
    meta.put("resourceVersion", String.valueOf(resourceVersion));
    meta.put("creationTimestamp", created.toString());
    meta.put("generation", 1);
  }

  static ObjectNode labels(ObjectNode object, Map<String, String> labels) {
    ObjectNode node = object.withObjectProperty("metadata").putObject("labels");
    labels.forEach(node::put);
    return node;
  }

  static void ownedBy(ObjectNode object, ObjectNode owner) {
    ObjectNode ref = object.withObjectProperty("metadata").putArray("ownerReferences").addObject();
    ref.put("apiVersion", owner.path("apiVersion").asString());
    ref.put("kind", owner.path("kind").asString());
    ref.put("name", owner.path("metadata").path("name").asString());
    ref.put("uid", owner.path("metadata").path("uid").asString());
    ref.put("controller", true);
    ref.put("blockOwnerDeletion", true);
  }

  /** A lower-case alphanumeric suffix like the ones Kubernetes generates ({@code 7d9f8}). */
  static String suffix(RandomGenerator random, int length) {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    var text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
