package dev.faultline.sandbox.api;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The object store of the sandbox: fabric8's CRUD dispatcher (create, get, list with selectors,
 * update, delete, websocket watch) with two additions. Every change is also published as a {@link
 * StoreEvent} for HTTP watches and controllers, and a world can be seeded in bulk, because the
 * dispatcher's create path scans every stored object and makes 30,000 creates take minutes.
 */
public final class SandboxStore extends KubernetesCrudDispatcher {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private final List<Consumer<StoreEvent>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Objects a delete in this thread is about to remove, by namespace/name: the dispatcher tells
   * listeners about a deletion without the object, but watchers and controllers need its last state
   * (owner references, labels), as a real API server sends it.
   */
  private final ThreadLocal<java.util.Map<String, String>> deleting =
      ThreadLocal.withInitial(java.util.HashMap::new);

  public SandboxStore() {
    super(customResources());
  }

  private static List<CustomResourceDefinitionContext> customResources() {
    return ApiResources.all().stream()
        .filter(ApiResource::isCustom)
        .map(
            r ->
                new CustomResourceDefinitionContext.Builder()
                    .withGroup(r.group())
                    .withVersion(r.version())
                    .withKind(r.kind())
                    .withPlural(r.plural())
                    .withScope(r.namespaced() ? "Namespaced" : "Cluster")
                    .build())
        .toList();
  }

  /** Registers a listener; it runs inside the store's write, so it must only hand the event on. */
  public void addListener(Consumer<StoreEvent> listener) {
    listeners.add(listener);
  }

  public void removeListener(Consumer<StoreEvent> listener) {
    listeners.remove(listener);
  }

  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    String type = newState == null ? "DELETED" : oldAttributes == null ? "ADDED" : "MODIFIED";
    if (listeners.isEmpty()) {
      return;
    }
    String json = newState != null ? newState : lastState(oldAttributes, resource);
    // Watches select by path attributes (plural, namespace) and object attributes (name, labels);
    // a deleted object's attributes are the ones it was stored under.
    AttributeSet objectAttributes =
        newState != null ? attributeExtractor.fromResource(json) : oldAttributes;
    AttributeSet attributes =
        objectAttributes == null
            ? pathAttributes
            : AttributeSet.merge(pathAttributes, objectAttributes);
    var event = new StoreEvent(type, attributes, json);
    listeners.forEach(listener -> listener.accept(event));
  }

  @Override
  public MockResponse handleDelete(String path) {
    MockResponse before = super.handleGet(path);
    if (before.code() == 200) {
      tools.jackson.databind.JsonNode body =
          SandboxDispatcher.JSON.readTree(before.getBody().readUtf8());
      java.util.List<tools.jackson.databind.JsonNode> objects = new java.util.ArrayList<>();
      if (body.has("items")) {
        body.get("items").forEach(objects::add);
      } else {
        objects.add(body);
      }
      objects.forEach(
          o ->
              deleting
                  .get()
                  .put(
                      key(
                          o.path("metadata").path("namespace").asString(""),
                          o.path("metadata").path("name").asString()),
                      o.toString()));
    }
    try {
      return super.handleDelete(path);
    } finally {
      deleting.get().clear();
    }
  }

  private String lastState(AttributeSet attributes, GenericKubernetesResource resource) {
    if (attributes != null) {
      String name = value(attributes, "name");
      String namespace = value(attributes, "namespace");
      String json = deleting.get().get(key(namespace == null ? "" : namespace, name));
      if (json != null) {
        return json;
      }
    }
    return SERIALIZATION.asJson(resource);
  }

  private static String value(AttributeSet attributes, String key) {
    io.fabric8.mockwebserver.crud.Attribute attribute = attributes.getAttribute(key);
    return attribute == null || attribute.getValues().isEmpty()
        ? null
        : attribute.getValues().getFirst().toString();
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /**
   * Puts fully formed objects (with uid, resourceVersion and creationTimestamp) straight into the
   * store, without events. Only before the API is served: it bypasses the dispatcher's lock.
   */
  public void seed(List<String> objectsJson) {
    for (String json : objectsJson) {
      // Stored under the same key a create through its collection path would use.
      map.put(
          AttributeSet.merge(
              attributeExtractor.fromPath(collectionPath(json)),
              attributeExtractor.fromResource(json)),
          json);
    }
  }

  private static String collectionPath(String json) {
    tools.jackson.databind.JsonNode object = SandboxDispatcher.JSON.readTree(json);
    String apiVersion = object.path("apiVersion").asString();
    String kind = object.path("kind").asString();
    ApiResource type =
        ApiResources.all().stream()
            .filter(r -> r.apiVersion().equals(apiVersion) && r.kind().equals(kind))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the sandbox does not serve " + apiVersion + " " + kind));
    String namespace = object.path("metadata").path("namespace").asString(null);
    return type.groupVersionPath()
        + (namespace == null ? "" : "/namespaces/" + namespace)
        + "/"
        + type.plural();
  }

  /** The attributes a request path selects (kind, namespace, name, label and field selectors). */
  public AttributeSet attributesOf(String pathWithQuery) {
    return attributeExtractor.fromPath(pathWithQuery);
  }

  /** The number of stored objects. */
  public int size() {
    return map.size();
  }

  /** A request against the store from inside the sandbox (controllers), as if over HTTP. */
  public MockResponse call(HttpMethod method, String path, String body, String contentType) {
    Headers headers =
        Headers.builder()
            .add("Content-Type", contentType == null ? "application/json" : contentType)
            .build();
    return dispatch(
        new RecordedRequest(
            "HTTP/1.1",
            method,
            path,
            headers,
            new Buffer(
                body == null
                    ? new byte[0]
                    : body.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  /** The next resource version, for objects built outside the dispatcher (seeding). */
  public long nextResourceVersion() {
    return requestResourceVersion();
  }
}
