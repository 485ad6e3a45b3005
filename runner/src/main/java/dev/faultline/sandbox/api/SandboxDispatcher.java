package dev.faultline.sandbox.api;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes API requests: what the CRUD store cannot answer as a real kube-apiserver would (discovery,
 * Table output, strategic-merge patches, scale, eviction, logs, exec) is handled here; everything
 * else goes to the {@link SandboxStore}.
 */
public final class SandboxDispatcher extends Dispatcher {
  static final JsonMapper JSON = Json.MAPPER;
  private static final System.Logger LOG = System.getLogger(SandboxDispatcher.class.getName());

  private final SandboxStore store;
  private final String serverAddress;
  private final Clock clock;
  private final Subresources subresources;
  private final AccessRules access;
  private final AbsentGroups absent;

  public SandboxDispatcher(
      SandboxStore store, String serverAddress, Clock clock, Subresources subresources) {
    this(store, serverAddress, clock, subresources, new AccessRules());
  }

  /** A dispatcher that forbids what {@code access} denies (nothing, by default). */
  public SandboxDispatcher(
      SandboxStore store,
      String serverAddress,
      Clock clock,
      Subresources subresources,
      AccessRules access) {
    this(store, serverAddress, clock, subresources, access, new AbsentGroups());
  }

  /** A dispatcher that also serves the {@code absent} groups as if they were not installed. */
  public SandboxDispatcher(
      SandboxStore store,
      String serverAddress,
      Clock clock,
      Subresources subresources,
      AccessRules access,
      AbsentGroups absent) {
    this.absent = absent;
    this.store = store;
    this.serverAddress = serverAddress;
    this.clock = clock;
    this.subresources = subresources;
    this.access = access;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    try {
      return route(request);
    } catch (RuntimeException e) {
      // A bug or malformed input must answer as an API error, never take the sandbox down.
      LOG.log(System.Logger.Level.WARNING, "sandbox API failed on " + request.getRequestLine(), e);
      return Status.error(500, "InternalError", "sandbox: " + e);
    }
  }

  private MockResponse route(RecordedRequest request) {
    ApiPath path = ApiPath.parse(request.getPath());
    HttpMethod method = request.method();
    Optional<MockResponse> meta = metaEndpoints(path, method);
    if (meta.isPresent()) {
      return meta.get();
    }
    if (!path.isResource()) {
      return Status.notFound("the server could not find the requested resource");
    }
    if (path.type().isEmpty() || absent.hides(path.group())) {
      return Status.notFound(
          "the server could not find the requested resource (" + path.resource() + ")");
    }
    if (path.resource().equals("selfsubjectaccessreviews") && method == HttpMethod.POST) {
      return accessReview(request, access);
    }
    if (!access.isEmpty()) {
      Optional<String> denied =
          access.denial(
              verb(method, path),
              path.group(),
              path.resource(),
              path.subresource(),
              path.namespace());
      if (denied.isPresent()) {
        String what =
            path.name() == null ? path.resource() : path.resource() + " \"" + path.name() + "\"";
        return Status.error(403, "Forbidden", what + " is forbidden: " + denied.get());
      }
    }
    if (path.subresource() != null && !path.subresource().equals("status")) {
      return withJsonType(subresources.handle(request, path));
    }
    if (method == HttpMethod.PATCH) {
      return patch(request, path);
    }
    if ((method == HttpMethod.POST || method == HttpMethod.PUT)
        && String.valueOf(request.getHeader("Content-Type")).contains("protobuf")) {
      return Status.error(
          415,
          "UnsupportedMediaType",
          "the sandbox speaks JSON only; protobuf request bodies are not supported");
    }
    if (method == HttpMethod.POST || method == HttpMethod.PUT) {
      // Reading a request body consumes it: keep a copy for the store.
      byte[] body = request.getBody() == null ? new byte[0] : request.getBody().readByteArray();
      request =
          new RecordedRequest(
              "HTTP/1.1",
              method,
              request.getPath(),
              request.getHeaders(),
              new io.fabric8.mockwebserver.http.Buffer(body));
      Optional<MockResponse> invalid =
          invalidBody(new String(body, java.nio.charset.StandardCharsets.UTF_8));
      if (invalid.isPresent()) {
        return invalid.get();
      }
    }
    FieldSelector fields = FieldSelector.EVERYTHING;
    if (method == HttpMethod.GET
        && path.name() == null
        && path.query().containsKey("fieldSelector")) {
      try {
        fields = FieldSelector.parse(path.query().get("fieldSelector"));
      } catch (IllegalArgumentException e) {
        return Status.error(400, "BadRequest", e.getMessage());
      }
      request = withoutQuery(request, "fieldSelector");
    }
    MockResponse response = withJsonType(store.dispatch(request));
    if (response.code() == 404 && (response.getBody() == null || response.getBody().size() == 0)) {
      String what =
          path.name() == null ? path.resource() : path.resource() + " \"" + path.name() + "\"";
      return Status.notFound(what + " not found");
    }
    if (method != HttpMethod.GET || response.code() != 200) {
      return response;
    }
    // Parsed once, shaped as the API server would, and printed once: lists of 30,000 pods make
    // every extra pass over the JSON visible to kubectl.
    JsonNode body = JSON.readTree(response.getBody().readUtf8());
    if (path.name() == null) {
      body = asTypedList(body, path.type().get(), fields);
    }
    if (wantsTable(request)) {
      body = table(path, body);
    }
    return Status.json(200, body.toString());
  }

  private Optional<MockResponse> metaEndpoints(ApiPath path, HttpMethod method) {
    if (method != HttpMethod.GET) {
      return Optional.empty();
    }
    return switch (path.path()) {
      case "/version", "/version/" -> Optional.of(Status.json(200, Discovery.version().toString()));
      case "/api", "/api/" ->
          Optional.of(Status.json(200, Discovery.coreVersions(serverAddress).toString()));
      case "/apis", "/apis/" ->
          Optional.of(Status.json(200, Discovery.groups(absent::hides).toString()));
      case "/openapi/v3", "/openapi/v3/" ->
          Optional.of(Status.json(200, OpenApi.index().toString()));
      case "/healthz", "/livez", "/readyz" ->
          Optional.of(
              new MockResponse()
                  .setResponseCode(200)
                  .setHeader("Content-Type", "text/plain")
                  .setBody("ok"));
      default ->
          path.path().startsWith("/openapi/v3/")
              ? Optional.of(
                  OpenApi.forPath(path.path())
                      .map(d -> Status.json(200, d.toString()))
                      .orElseGet(() -> Status.notFound("no OpenAPI document for " + path.path())))
              : discoveryOf(path);
    };
  }

  private Optional<MockResponse> discoveryOf(ApiPath path) {
    if (path.group() == null || path.resource() != null) {
      return Optional.empty();
    }
    if (absent.hides(path.group())) {
      return Optional.of(Status.notFound("the server could not find the requested resource"));
    }
    String groupVersion =
        path.group().isEmpty() ? path.version() : path.group() + "/" + path.version();
    return Optional.of(
        Discovery.resources(groupVersion)
            .map(doc -> Status.json(200, doc.toString()))
            .orElseGet(() -> Status.notFound("the server could not find the requested resource")));
  }

  /**
   * Makes a list look as the API server sends it: typed ({@code apps/v1 DeploymentList} rather than
   * {@code v1 List}) and stamped with the current resource version, so that a client's
   * list-then-watch resumes exactly after the list instead of replaying everything.
   */
  private JsonNode asTypedList(JsonNode body, ApiResource type, FieldSelector fields) {
    if (body instanceof ObjectNode list && list.has("items")) {
      if (!fields.isEverything()) {
        var kept = JSON.createArrayNode();
        list.get("items")
            .forEach(
                item -> {
                  if (fields.matches(item)) kept.add(item);
                });
        list.set("items", kept);
      }
      list.put("apiVersion", type.apiVersion());
      list.put("kind", type.kind() + "List");
      list.withObjectProperty("metadata")
          .put("resourceVersion", String.valueOf(store.nextResourceVersion()));
    }
    return body;
  }

  /**
   * The CRUD store answers without a Content-Type; client-go then decodes with the type it asked
   * for, which is protobuf for typed clients (kubectl cordon), and fails.
   */
  static MockResponse withJsonType(MockResponse response) {
    if (response.getHeaders().header("Content-Type") == null
        && response.getWebSocketListener() == null) {
      response.setHeader("Content-Type", "application/json");
    }
    return response;
  }

  private static RecordedRequest withoutQuery(RecordedRequest request, String parameter) {
    String raw = request.getPath();
    int q = raw.indexOf('?');
    if (q < 0) {
      return request;
    }
    var kept = new StringBuilder();
    for (String pair : raw.substring(q + 1).split("&")) {
      if (!pair.startsWith(parameter + "=") && !pair.isEmpty()) {
        kept.append(kept.isEmpty() ? "?" : "&").append(pair);
      }
    }
    return new RecordedRequest(
        "HTTP/1.1",
        request.method(),
        raw.substring(0, q) + kept,
        request.getHeaders(),
        request.getBody());
  }

  /** A body that is not a JSON object is a client error, not a crash inside the store. */
  private static Optional<MockResponse> invalidBody(String body) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (tools.jackson.core.JacksonException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      return Optional.of(
          Status.error(
              400,
              "BadRequest",
              "the request body is not valid JSON" + where + ": " + e.getOriginalMessage()));
    }
    if (node == null || !node.isObject()) {
      return Optional.of(
          Status.error(
              400,
              "BadRequest",
              "the request body must be a JSON object, not "
                  + (node == null
                      ? "empty"
                      : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT))));
    }
    String kind = node.path("kind").asString("object");
    if (!node.path("metadata").isObject()) {
      return Optional.of(
          Status.error(422, "Invalid", kind + " is invalid: metadata: Required value"));
    }
    JsonNode meta = node.path("metadata");
    if (meta.path("name").asString("").isEmpty()
        && meta.path("generateName").asString("").isEmpty()) {
      return Optional.of(
          Status.error(
              422,
              "Invalid",
              kind
                  + " \"\" is invalid: metadata.name: Required value: name or generateName is required"));
    }
    return Optional.empty();
  }

  /** The RBAC verb of a request, as kube-apiserver derives it. */
  private static String verb(HttpMethod method, ApiPath path) {
    String sub = path.subresource() == null ? "" : path.subresource();
    if (sub.equals("exec") || sub.equals("attach") || sub.equals("portforward")) {
      return "create"; // also for the websocket GET, as kube-apiserver 1.31+ checks it
    }
    return switch (method) {
      case GET -> path.name() != null ? "get" : path.isWatch() ? "watch" : "list";
      case POST -> "create";
      case PUT -> "update";
      case PATCH -> "patch";
      case DELETE -> path.name() != null ? "delete" : "deletecollection";
      default -> method.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /**
   * Answers a review: allowed, unless {@link AccessRules} deny the permission (everyone may do
   * everything in the sandbox by default); the answer says so, as a real review would.
   */
  private static MockResponse accessReview(RecordedRequest request, AccessRules access) {
    JsonNode review;
    try {
      review = JSON.readTree(request.getUtf8Body());
    } catch (tools.jackson.core.JacksonException e) {
      review = null; // kubectl sends this one as protobuf; the answer does not depend on it
    }
    ObjectNode answer =
        review != null && review.isObject() ? (ObjectNode) review : JSON.createObjectNode();
    answer.put("apiVersion", "authorization.k8s.io/v1");
    answer.put("kind", "SelfSubjectAccessReview");
    ObjectNode status = answer.putObject("status");
    JsonNode attributes = answer.path("spec").path("resourceAttributes");
    Optional<String> denied =
        attributes.isObject()
            ? access.denial(
                attributes.path("verb").asString(""),
                attributes.path("group").asString(""),
                attributes.path("resource").asString(""),
                attributes.path("subresource").asString(""),
                attributes.path("namespace").asString(""))
            : Optional.empty();
    status.put("allowed", denied.isEmpty());
    if (denied.isPresent()) {
      status.put("denied", true);
      status.put("reason", "denied by the sandbox's access rules: " + denied.get());
    } else {
      status.put("reason", "the Faultline sandbox allows every request");
    }
    return Status.json(201, answer.toString());
  }

  private static boolean wantsTable(RecordedRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("as=Table");
  }

  private JsonNode table(ApiPath path, JsonNode body) {
    IncludeObject include =
        switch (path.query().getOrDefault("includeObject", "Metadata")) {
          case "None" -> IncludeObject.NONE;
          case "Object" -> IncludeObject.OBJECT;
          default -> IncludeObject.METADATA;
        };
    return TableView.toTable(path.resource(), body, include, clock.instant());
  }

  private MockResponse patch(RecordedRequest request, ApiPath path) {
    if (path.name() == null) {
      return Status.error(405, "MethodNotAllowed", "PATCH needs an object name");
    }
    MockResponse current = store.dispatch(get(path.objectPath()));
    if (current.code() != 200) {
      return current;
    }
    String contentType = request.getHeader("Content-Type");
    ObjectNode original = (ObjectNode) JSON.readTree(current.getBody().readUtf8());
    ObjectNode patched;
    try {
      patched =
          Patches.apply(contentType == null ? "" : contentType, original, request.getUtf8Body());
    } catch (PatchException e) {
      return Status.error(
          e.status(), e.status() == 415 ? "UnsupportedMediaType" : "Invalid", e.getMessage());
    }
    if (path.subresource() == null && original.has("status")) {
      // A patch of the object does not change its status, as on a real API server.
      patched.set("status", original.get("status"));
    }
    ((ObjectNode) patched.get("metadata"))
        .put("resourceVersion", original.path("metadata").path("resourceVersion").asString());
    String target =
        path.subresource() == null
            ? path.objectPath()
            : path.objectPath() + "/" + path.subresource();
    return withJsonType(store.call(HttpMethod.PUT, target, patched.toString(), "application/json"));
  }

  private static RecordedRequest get(String path) {
    return new RecordedRequest(
        "HTTP/1.1",
        HttpMethod.GET,
        path,
        io.fabric8.mockwebserver.http.Headers.builder().build(),
        new io.fabric8.mockwebserver.http.Buffer());
  }
}
