package dev.faultline.sandbox.world;

import dev.faultline.sandbox.api.SandboxStore;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the simulated controllers read and write the store: the same REST paths and JSON a controller
 * would send over HTTP, called in-process. Every write goes through the CRUD dispatcher, so watches
 * and resource versions behave exactly as for kubectl's writes.
 */
public final class ClusterView {
  public static final JsonMapper JSON = JsonMapper.builder().build();
  private final SandboxStore store;

  public ClusterView(SandboxStore store) {
    this.store = store;
  }

  static String path(String apiVersion, String plural, String namespace, String name) {
    String prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    return prefix
        + (namespace == null ? "" : "/namespaces/" + namespace)
        + "/"
        + plural
        + (name == null ? "" : "/" + name);
  }

  public List<ObjectNode> list(
      String apiVersion, String plural, String namespace, Map<String, String> labels) {
    String path = path(apiVersion, plural, namespace, null);
    if (labels != null && !labels.isEmpty()) {
      var selector = new StringBuilder();
      labels.forEach(
          (k, v) -> selector.append(selector.isEmpty() ? "" : ",").append(k).append('=').append(v));
      path += "?labelSelector=" + URLEncoder.encode(selector.toString(), StandardCharsets.UTF_8);
    }
    MockResponse response = store.call(HttpMethod.GET, path, null, null);
    var result = new ArrayList<ObjectNode>();
    if (response.code() == 200) {
      JSON.readTree(response.getBody().readUtf8())
          .path("items")
          .forEach(item -> result.add((ObjectNode) item));
    }
    return result;
  }

  public Optional<ObjectNode> get(String apiVersion, String plural, String namespace, String name) {
    MockResponse response =
        store.call(HttpMethod.GET, path(apiVersion, plural, namespace, name), null, null);
    return response.code() == 200
        ? Optional.of((ObjectNode) JSON.readTree(response.getBody().readUtf8()))
        : Optional.empty();
  }

  public Optional<ObjectNode> create(String plural, ObjectNode object) {
    String namespace = object.path("metadata").path("namespace").asString(null);
    MockResponse response =
        store.call(
            HttpMethod.POST,
            path(object.path("apiVersion").asString(), plural, namespace, null),
            object.toString(),
            null);
    return response.code() < 300
        ? Optional.of((ObjectNode) JSON.readTree(response.getBody().readUtf8()))
        : Optional.empty();
  }

  /** Replaces the object; false when it changed or vanished meanwhile (the caller re-reads). */
  public boolean update(String plural, ObjectNode object) {
    String namespace = object.path("metadata").path("namespace").asString(null);
    String name = object.path("metadata").path("name").asString();
    MockResponse response =
        store.call(
            HttpMethod.PUT,
            path(object.path("apiVersion").asString(), plural, namespace, name),
            object.toString(),
            null);
    return response.code() < 300;
  }

  public boolean delete(String apiVersion, String plural, String namespace, String name) {
    return store
            .call(HttpMethod.DELETE, path(apiVersion, plural, namespace, name), null, null)
            .code()
        < 300;
  }

  /**
   * Changes a pod by read-modify-write, retrying when another writer (a controller, the kubelet
   * simulation) updated it in between; does nothing when the pod is gone.
   */
  public void updatePod(
      String namespace, String name, java.util.function.Consumer<ObjectNode> change) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<ObjectNode> current = get("v1", "pods", namespace, name);
      if (current.isEmpty()) {
        return;
      }
      change.accept(current.get());
      if (update("pods", current.get())) {
        return;
      }
    }
  }

  public static Map<String, String> matchLabels(JsonNode workload) {
    var labels = new java.util.LinkedHashMap<String, String>();
    workload
        .path("spec")
        .path("selector")
        .path("matchLabels")
        .properties()
        .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
    return labels;
  }

  static boolean ownedBy(JsonNode object, JsonNode owner) {
    String uid = owner.path("metadata").path("uid").asString();
    for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
      if (ref.path("uid").asString().equals(uid)) {
        return true;
      }
    }
    return false;
  }
}
