package dev.faultline.sandbox.api;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal OpenAPI v3 for kubectl: the index at {@code /openapi/v3} and one document per group
 * version listing each resource's create and patch operations with the {@code fieldValidation}
 * parameter. That is what kubectl looks for to validate server-side instead of downloading full
 * schemas; without it {@code kubectl apply} refuses to run unless given {@code --validate=false}.
 * Schemas themselves are not served: the sandbox does not reject unknown fields (see
 * docs/sandbox.md).
 */
public final class OpenApi {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> WRITE_PARAMETERS =
      List.of("fieldValidation", "fieldManager", "dryRun", "force", "pretty");

  private OpenApi() {}

  /** {@code /openapi/v3}: where each group version's document is. */
  public static ObjectNode index() {
    ObjectNode doc = JSON.objectNode();
    ObjectNode paths = doc.putObject("paths");
    for (String gv : ApiResources.byGroupVersion().keySet()) {
      String key = gv.contains("/") ? "apis/" + gv : "api/" + gv;
      paths
          .putObject(key)
          .put(
              "serverRelativeURL",
              "/openapi/v3/"
                  + key
                  + "?hash="
                  + Integer.toHexString(document(gv).toString().hashCode()).toUpperCase());
    }
    return doc;
  }

  /** The document at {@code /openapi/v3/api/v1} or {@code /openapi/v3/apis/GROUP/VERSION}. */
  public static Optional<ObjectNode> forPath(String path) {
    String rest = path.substring("/openapi/v3/".length());
    String gv =
        rest.startsWith("apis/")
            ? rest.substring("apis/".length())
            : rest.startsWith("api/") ? rest.substring("api/".length()) : null;
    if (gv == null || !ApiResources.byGroupVersion().containsKey(gv)) {
      return Optional.empty();
    }
    return Optional.of(document(gv));
  }

  private static ObjectNode document(String groupVersion) {
    ObjectNode doc = JSON.objectNode();
    doc.put("openapi", "3.0.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Kubernetes (Faultline sandbox)");
    info.put("version", Discovery.KUBERNETES_VERSION);
    ObjectNode paths = doc.putObject("paths");
    for (ApiResource r : ApiResources.byGroupVersion().get(groupVersion)) {
      String base =
          r.groupVersionPath()
              + (r.namespaced() ? "/namespaces/{namespace}" : "")
              + "/"
              + r.plural();
      paths.putObject(base).set("post", operation(r, "post"));
      paths.putObject(base + "/{name}").set("patch", operation(r, "patch"));
    }
    doc.putObject("components");
    return doc;
  }

  private static ObjectNode operation(ApiResource r, String action) {
    ObjectNode op = JSON.objectNode();
    op.put("operationId", action + r.kind());
    ObjectNode gvk = op.putObject("x-kubernetes-group-version-kind");
    gvk.put("group", r.group());
    gvk.put("version", r.version());
    gvk.put("kind", r.kind());
    op.put("x-kubernetes-action", action);
    ArrayNode parameters = op.putArray("parameters");
    for (String name : WRITE_PARAMETERS) {
      ObjectNode p = parameters.addObject();
      p.put("name", name);
      p.put("in", "query");
      p.putObject("schema").put("type", "string");
    }
    op.putObject("responses").putObject("200").put("description", "OK");
    return op;
  }
}
