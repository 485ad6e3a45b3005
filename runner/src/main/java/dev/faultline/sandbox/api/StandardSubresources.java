package dev.faultline.sandbox.api;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The subresources kubectl and Faultline's attacks use: {@code scale} (kubectl scale), {@code
 * eviction} (kubectl drain), {@code log} (kubectl logs) and {@code exec} (process signals), the
 * last delegated to an exec handler.
 */
public final class StandardSubresources implements Subresources {
  private final SandboxStore store;
  private final BiFunction<RecordedRequest, ApiPath, MockResponse> exec;
  private final PodLogs logs;
  private final dev.faultline.sandbox.world.DisruptionBudgets budgets;

  public StandardSubresources(
      SandboxStore store, BiFunction<RecordedRequest, ApiPath, MockResponse> exec, PodLogs logs) {
    this.store = store;
    this.budgets =
        new dev.faultline.sandbox.world.DisruptionBudgets(
            new dev.faultline.sandbox.world.ClusterView(store));
    this.exec = exec;
    this.logs = logs;
  }

  @Override
  public MockResponse handle(RecordedRequest request, ApiPath path) {
    return switch (path.subresource()) {
      case "scale" -> scale(request, path);
      case "eviction" -> evict(request, path);
      case "log" -> log(path);
      case "exec" -> exec.apply(request, path);
      default ->
          Status.notFound(
              path.resource() + "/" + path.subresource() + " is not served by the sandbox");
    };
  }

  private MockResponse scale(RecordedRequest request, ApiPath path) {
    MockResponse current = store.call(HttpMethod.GET, path.objectPath(), null, null);
    if (current.code() != 200) {
      return current;
    }
    ObjectNode workload =
        (ObjectNode) SandboxDispatcher.JSON.readTree(current.getBody().readUtf8());
    ObjectNode scale = toScale(workload);
    switch (request.method()) {
      case GET -> {
        return Status.json(200, scale.toString());
      }
      case PATCH, PUT -> {
        ObjectNode wanted;
        try {
          wanted =
              request.method() == HttpMethod.PUT
                  ? (ObjectNode) SandboxDispatcher.JSON.readTree(request.getUtf8Body())
                  : Patches.apply(contentType(request), scale, request.getUtf8Body());
        } catch (PatchException e) {
          return Status.error(e.status(), e.reason(), e.getMessage());
        } catch (RuntimeException e) {
          return Status.error(400, "BadRequest", "invalid Scale: " + e.getMessage());
        }
        JsonNode replicas = wanted.path("spec").path("replicas");
        if (!replicas.isIntegralNumber() || replicas.asInt() < 0) {
          return Status.error(
              422,
              "Invalid",
              "Scale.spec.replicas: Invalid value: must be a whole number of 0 or more");
        }
        workload.withObjectProperty("spec").put("replicas", replicas.asInt());
        MockResponse updated =
            store.call(HttpMethod.PUT, path.objectPath(), workload.toString(), "application/json");
        if (updated.code() != 200) {
          return updated;
        }
        return Status.json(
            200,
            toScale((ObjectNode) SandboxDispatcher.JSON.readTree(updated.getBody().readUtf8()))
                .toString());
      }
      default -> {
        return Status.error(405, "MethodNotAllowed", "scale supports get, patch and update");
      }
    }
  }

  private static ObjectNode toScale(ObjectNode workload) {
    ObjectNode scale = SandboxDispatcher.JSON.createObjectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode meta = scale.putObject("metadata");
    JsonNode source = workload.path("metadata");
    for (String field :
        new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      if (source.has(field)) {
        meta.set(field, source.get(field));
      }
    }
    scale.putObject("spec").put("replicas", workload.path("spec").path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", workload.path("status").path("replicas").asInt(0));
    status.put("selector", selector(workload.path("spec").path("selector").path("matchLabels")));
    return scale;
  }

  private static String selector(JsonNode matchLabels) {
    var text = new StringBuilder();
    for (Map.Entry<String, JsonNode> label : matchLabels.properties()) {
      if (!text.isEmpty()) text.append(',');
      text.append(label.getKey()).append('=').append(label.getValue().asString());
    }
    return text.toString();
  }

  private MockResponse evict(RecordedRequest request, ApiPath path) {
    if (request.method() != HttpMethod.POST) {
      return Status.error(405, "MethodNotAllowed", "eviction supports create");
    }
    MockResponse current = store.call(HttpMethod.GET, path.objectPath(), null, null);
    if (current.code() != 200) {
      return current;
    }
    var blocking = budgets.blocking(SandboxDispatcher.JSON.readTree(current.getBody().readUtf8()));
    if (blocking.isPresent()) {
      var health = blocking.get();
      ObjectNode status = SandboxDispatcher.JSON.createObjectNode();
      status.put("kind", "Status");
      status.put("apiVersion", "v1");
      status.putObject("metadata");
      status.put("status", "Failure");
      status.put("message", "Cannot evict pod as it would violate the pod's disruption budget.");
      status.put("reason", "TooManyRequests");
      ObjectNode cause = status.putObject("details").putArray("causes").addObject();
      cause.put("reason", "DisruptionBudget");
      cause.put(
          "message",
          "The disruption budget "
              + health.budget()
              + " needs "
              + health.desired()
              + " healthy pods and has "
              + health.healthy()
              + " currently");
      status.put("code", 429);
      return Status.json(429, status.toString());
    }
    MockResponse deleted = store.call(HttpMethod.DELETE, path.objectPath(), null, null);
    if (deleted.code() != 200) {
      return deleted;
    }
    ObjectNode status = SandboxDispatcher.JSON.createObjectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Success");
    status.put("code", 201);
    return Status.json(201, status.toString());
  }

  private MockResponse log(ApiPath path) {
    MockResponse pod = store.call(HttpMethod.GET, path.objectPath(), null, null);
    if (pod.code() != 200) {
      return pod;
    }
    JsonNode object = SandboxDispatcher.JSON.readTree(pod.getBody().readUtf8());
    String container = path.query().get("container");
    if (container == null) {
      Iterator<JsonNode> containers = object.path("spec").path("containers").iterator();
      container = containers.hasNext() ? containers.next().path("name").asString() : "";
    }
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "text/plain")
        .setBody(logs.lines(object, container, path.query()));
  }

  private static String contentType(RecordedRequest request) {
    String type = request.getHeader("Content-Type");
    return type == null ? "" : type;
  }

  /** Produces the log text of a simulated container. */
  @FunctionalInterface
  public interface PodLogs {
    String lines(JsonNode pod, String container, Map<String, String> query);
  }
}
