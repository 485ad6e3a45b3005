package dev.faultline.sandbox.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The discovery documents kubectl and client libraries read to learn which resources exist: {@code
 * /version}, {@code /api}, {@code /apis}, and one resource list per group version. The legacy
 * (non-aggregated) forms; kubectl falls back to them when the server does not answer with
 * aggregated discovery.
 */
public final class Discovery {
  public static final String KUBERNETES_VERSION = "v1.35.0";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> CRUD_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final List<String> IN_ALL_CATEGORY =
      List.of(
          "pods", "services", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs");

  private Discovery() {}

  public static ObjectNode version() {
    ObjectNode v = JSON.objectNode();
    v.put("major", "1");
    v.put("minor", "35");
    v.put("gitVersion", KUBERNETES_VERSION + "+faultline-sandbox");
    v.put("gitCommit", "0000000000000000000000000000000000000000");
    v.put("gitTreeState", "clean");
    v.put("buildDate", "2026-01-01T00:00:00Z");
    v.put("goVersion", "go1.25");
    v.put("compiler", "gc");
    v.put("platform", "linux/amd64");
    return v;
  }

  public static ObjectNode coreVersions(String serverAddress) {
    ObjectNode doc = JSON.objectNode();
    doc.put("kind", "APIVersions");
    doc.putArray("versions").add("v1");
    ObjectNode cidr = doc.putArray("serverAddressByClientCIDRs").addObject();
    cidr.put("clientCIDR", "0.0.0.0/0");
    cidr.put("serverAddress", serverAddress);
    return doc;
  }

  public static ObjectNode groups() {
    return groups(group -> false);
  }

  /** The group list without the groups {@code absent} names (not installed). */
  public static ObjectNode groups(java.util.function.Predicate<String> absent) {
    ObjectNode doc = JSON.objectNode();
    doc.put("kind", "APIGroupList");
    doc.put("apiVersion", "v1");
    ArrayNode groups = doc.putArray("groups");
    ApiResources.byGroupVersion().keySet().stream()
        .filter(gv -> gv.contains("/"))
        .filter(gv -> !absent.test(gv.substring(0, gv.indexOf('/'))))
        .forEach(
            gv -> {
              String group = gv.substring(0, gv.indexOf('/'));
              String version = gv.substring(gv.indexOf('/') + 1);
              ObjectNode g = groups.addObject();
              g.put("name", group);
              ObjectNode v = g.putArray("versions").addObject();
              v.put("groupVersion", gv);
              v.put("version", version);
              ObjectNode preferred = g.putObject("preferredVersion");
              preferred.put("groupVersion", gv);
              preferred.put("version", version);
            });
    return doc;
  }

  /** The resource list of one group version ({@code v1}, {@code apps/v1}), if served. */
  public static Optional<ObjectNode> resources(String groupVersion) {
    Map<String, List<ApiResource>> all = ApiResources.byGroupVersion();
    List<ApiResource> resources = all.get(groupVersion);
    if (resources == null) {
      return Optional.empty();
    }
    ObjectNode doc = JSON.objectNode();
    doc.put("kind", "APIResourceList");
    doc.put("apiVersion", "v1");
    doc.put("groupVersion", groupVersion);
    ArrayNode list = doc.putArray("resources");
    for (ApiResource r : resources) {
      ObjectNode item = list.addObject();
      item.put("name", r.plural());
      item.put("singularName", r.singular());
      item.put("namespaced", r.namespaced());
      item.put("kind", r.kind());
      ArrayNode verbs = item.putArray("verbs");
      CRUD_VERBS.forEach(verbs::add);
      if (!r.shortNames().isEmpty()) {
        ArrayNode shortNames = item.putArray("shortNames");
        r.shortNames().forEach(shortNames::add);
      }
      ArrayNode categories = item.putArray("categories");
      if (IN_ALL_CATEGORY.contains(r.plural())) {
        categories.add("all");
      }
      if (r.group().equals("chaos-mesh.org")) {
        categories.add("chaos-mesh");
      }
      if (categories.isEmpty()) {
        item.remove("categories");
      }
      for (String sub : r.subresources()) {
        list.add(subresource(r, sub));
      }
    }
    return Optional.of(doc);
  }

  private static ObjectNode subresource(ApiResource r, String sub) {
    ObjectNode item = JSON.objectNode();
    item.put("name", r.plural() + "/" + sub);
    item.put("singularName", "");
    item.put("namespaced", r.namespaced());
    ArrayNode verbs = item.putArray("verbs");
    switch (sub) {
      case "scale" -> {
        item.put("group", "autoscaling");
        item.put("version", "v1");
        item.put("kind", "Scale");
        List.of("get", "patch", "update").forEach(verbs::add);
      }
      case "eviction" -> {
        item.put("group", "policy");
        item.put("version", "v1");
        item.put("kind", "Eviction");
        verbs.add("create");
      }
      case "exec" -> {
        item.put("kind", "PodExecOptions");
        List.of("create", "get").forEach(verbs::add);
      }
      case "log" -> {
        item.put("kind", "Pod");
        verbs.add("get");
      }
      case "binding" -> {
        item.put("kind", "Binding");
        verbs.add("create");
      }
      default -> {
        item.put("kind", r.kind());
        List.of("get", "patch", "update").forEach(verbs::add);
      }
    }
    return item;
  }
}
