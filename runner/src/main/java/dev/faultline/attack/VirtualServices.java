package dev.faultline.attack;

import dev.faultline.safety.FaultAnnotations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The changes {@code mesh.istio.fault} makes to VirtualServices, as pure functions over their JSON
 * so they can be checked without a cluster: which VirtualServices route a host, the spec with the
 * fault in every HTTP route, how many routes still carry it, the fault taken out again when someone
 * else changed the object meanwhile, and a new VirtualService that routes a host to itself with the
 * fault.
 *
 * <p>Every HTTP route of a VirtualService serves all of its hosts, so the fault goes into all of
 * them; their matches, destinations, retries and timeouts stay as they are. Comparisons treat
 * numbers by value ({@code 50} and {@code 50.0} are the same percentage), since the API server may
 * write back a number in another form than it was sent.
 */
final class VirtualServices {
  static final String KIND = "VirtualService";
  static final String GROUP = "networking.istio.io";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> SERVER_OWNED =
      Set.of(
          "uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink");
  private static final Comparator<JsonNode> BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private VirtualServices() {}

  /** Whether two JSON values are the same, numbers compared by value. */
  static boolean same(JsonNode a, JsonNode b) {
    return a.equals(BY_VALUE, b);
  }

  /** Whether one of the VirtualService's hosts is {@code host}. */
  static boolean routes(JsonNode virtualService, MeshHost host) {
    String namespace = virtualService.path("metadata").path("namespace").asString("");
    for (JsonNode h : virtualService.path("spec").path("hosts")) {
      if (h.isString() && MeshHost.of(h.asString(), namespace).equals(host)) {
        return true;
      }
    }
    return false;
  }

  /** The VirtualService's other hosts, which the fault reaches too (it goes into shared routes). */
  static List<String> otherHosts(JsonNode virtualService, MeshHost host) {
    String namespace = virtualService.path("metadata").path("namespace").asString("");
    var others = new ArrayList<String>();
    for (JsonNode h : virtualService.path("spec").path("hosts")) {
      if (h.isString() && !MeshHost.of(h.asString(), namespace).equals(host)) {
        others.add(h.asString());
      }
    }
    return others;
  }

  /** How many HTTP routes the spec has. */
  static int httpRoutes(JsonNode spec) {
    return spec.path("http").isArray() ? spec.path("http").size() : 0;
  }

  /** How many HTTP routes already have a fault of their own (which the attack replaces). */
  static int routesWithAnyFault(JsonNode spec) {
    int count = 0;
    for (JsonNode route : spec.path("http")) {
      if (route.has("fault")) {
        count++;
      }
    }
    return count;
  }

  /** A copy of the spec with {@code fault} in every HTTP route, replacing any fault there. */
  static ObjectNode withFault(JsonNode spec, JsonNode fault) {
    ObjectNode copy = (ObjectNode) spec.deepCopy();
    if (copy.path("http") instanceof ArrayNode routes) {
      for (JsonNode route : routes) {
        if (route instanceof ObjectNode r) {
          r.set("fault", fault.deepCopy());
        }
      }
    }
    return copy;
  }

  /** How many HTTP routes carry exactly {@code fault}. */
  static int routesWithFault(JsonNode spec, JsonNode fault) {
    int count = 0;
    for (JsonNode route : spec.path("http")) {
      if (route.has("fault") && same(route.get("fault"), fault)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The spec someone else changed while the fault was in place, with the fault taken out of the
   * routes that still carry it: such a route gets back the fault the route at the same position had
   * before, if it had one, and otherwise none. Everything else of their change stays.
   */
  static ObjectNode withoutFault(JsonNode current, JsonNode fault, JsonNode previousSpec) {
    ObjectNode copy = (ObjectNode) current.deepCopy();
    if (!(copy.path("http") instanceof ArrayNode routes)) {
      return copy;
    }
    JsonNode before = previousSpec.path("http");
    for (int i = 0; i < routes.size(); i++) {
      if (routes.get(i) instanceof ObjectNode route
          && route.has("fault")
          && same(route.get("fault"), fault)) {
        JsonNode earlier = before.path(i).path("fault");
        if (earlier.isObject()) {
          route.set("fault", earlier.deepCopy());
        } else {
          route.remove("fault");
        }
      }
    }
    return copy;
  }

  /**
   * A new VirtualService for {@code host} that sends its traffic where it would go anyway (the host
   * itself, every version) with {@code fault} on the way.
   */
  static ObjectNode created(
      String apiVersion, String name, String namespace, MeshHost host, JsonNode fault) {
    ObjectNode body = JSON.createObjectNode();
    body.put("apiVersion", apiVersion);
    body.put("kind", KIND);
    ObjectNode metadata = body.putObject("metadata");
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    ObjectNode spec = body.putObject("spec");
    spec.putArray("hosts").add(host.host());
    ObjectNode route = spec.putArray("http").addObject();
    route.set("fault", fault.deepCopy());
    route.putArray("route").addObject().putObject("destination").put("host", host.host());
    return body;
  }

  /**
   * The parts of a VirtualService that rollback puts back as they were: spec, labels and
   * annotations, with Faultline's own marks left out of the annotations.
   */
  static ObjectNode restorable(JsonNode virtualService) {
    ObjectNode parts = JSON.createObjectNode();
    parts.set("spec", virtualService.path("spec").deepCopy());
    JsonNode metadata = virtualService.path("metadata");
    parts.set(
        "labels", metadata.path("labels").isObject() ? metadata.get("labels") : emptyObject());
    ObjectNode annotations =
        metadata.path("annotations") instanceof ObjectNode a ? a.deepCopy() : emptyObject();
    annotations.remove(FaultAnnotations.RUN_ID);
    annotations.remove(FaultAnnotations.FAULT);
    parts.set("annotations", annotations);
    return parts;
  }

  private static ObjectNode emptyObject() {
    return JSON.createObjectNode();
  }

  /** The object as it was, without what the server owns, for putting it back later. */
  static ObjectNode previousVersion(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    if (copy.path("metadata") instanceof ObjectNode metadata) {
      SERVER_OWNED.forEach(metadata::remove);
    }
    copy.remove("status");
    return copy;
  }

  /** The annotations without this fault's mark (other faults' marks stay). */
  static Map<String, String> unmarked(Map<String, String> annotations, Fault fault) {
    var kept = new ArrayList<Fault>();
    for (Fault f : FaultMarks.read(annotations)) {
      if (!(f.id().equals(fault.id()) && f.runId().equals(fault.runId()))) {
        kept.add(f);
      }
    }
    Map<String, String> result = new LinkedHashMap<>(annotations);
    result.remove(FaultAnnotations.RUN_ID);
    result.remove(FaultAnnotations.FAULT);
    for (Fault f : kept) {
      result = FaultMarks.marked(result, f);
    }
    return result;
  }

  /** The object's annotations as a map; empty when it has none. */
  static Map<String, String> annotationMap(ObjectNode object) {
    var result = new LinkedHashMap<String, String>();
    object
        .path("metadata")
        .path("annotations")
        .properties()
        .forEach(e -> result.put(e.getKey(), e.getValue().asString("")));
    return result;
  }

  /** Replaces the object's annotations; none removes the field. */
  static void setAnnotations(ObjectNode object, Map<String, String> annotations) {
    ObjectNode metadata = object.withObjectProperty("metadata");
    if (annotations.isEmpty()) {
      metadata.remove("annotations");
      return;
    }
    ObjectNode node = metadata.putObject("annotations");
    annotations.forEach(node::put);
  }

  /** The object's name. */
  static String name(JsonNode vs) {
    return vs.path("metadata").path("name").asString("");
  }
}
