package dev.faultline.cluster.snapshot;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads pods straight from the API server's JSON into {@link PodView}s with a streaming parser,
 * skipping everything the views do not keep. Building full fabric8 {@code Pod} objects first (the
 * client's {@code list()}) costs several times more than the views themselves at 30,000 pods; the
 * views read here are equal to {@link Views#pod} of the same pod (checked by {@code PodJsonTest}).
 */
final class PodJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** One page of a pod list: the views, the list's resource version and continue token. */
  record Page(List<PodView> pods, String resourceVersion, String continueToken) {}

  private final Interner interner;

  PodJson(Interner interner) {
    this.interner = interner;
  }

  /** Reads a {@code PodList} document. */
  Page readList(InputStream in) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), in)) {
      var pods = new ArrayList<PodView>();
      String resourceVersion = "";
      String next = "";
      expect(p, p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("items") && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            pods.add(pod(p));
          }
        } else if (field.equals("metadata") && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
              case "resourceVersion" -> resourceVersion = text(p, "");
              case "continue" -> next = text(p, "");
              default -> p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
      return new Page(pods, resourceVersion, next);
    }
  }

  /** Reads one pod, the parser at its {@code START_OBJECT}; leaves it at the matching end. */
  PodView pod(JsonParser p) {
    var pod = new RawPod();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (value != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      switch (field) {
        case "metadata" -> metadata(p, pod);
        case "spec" -> spec(p, pod);
        case "status" -> status(p, pod);
        default -> p.skipChildren();
      }
    }
    return pod.view(interner);
  }

  private static void metadata(JsonParser p, RawPod pod) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "namespace" -> pod.namespace = text(p, null);
        case "name" -> pod.name = text(p, null);
        case "uid" -> pod.uid = text(p, null);
        case "labels" -> pod.labels = stringMap(p);
        case "annotations" -> pod.annotations = stringMap(p);
        case "deletionTimestamp" -> pod.terminating = value != JsonToken.VALUE_NULL;
        case "ownerReferences" -> owners(p, pod);
        default -> p.skipChildren();
      }
    }
  }

  private static void owners(JsonParser p, RawPod pod) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    boolean first = true;
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String kind = null;
      String name = null;
      boolean controller = false;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "kind" -> kind = text(p, null);
          case "name" -> name = text(p, null);
          case "controller" -> controller = value == JsonToken.VALUE_TRUE;
          default -> p.skipChildren();
        }
      }
      // As Views.controller: the first controlling owner, else the first owner.
      if ((first || controller) && !pod.ownerIsController) {
        pod.hasOwner = true;
        pod.ownerKind = kind;
        pod.ownerName = name;
        pod.ownerIsController = controller;
      }
      first = false;
    }
  }

  private static void spec(JsonParser p, RawPod pod) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("nodeName")) {
        pod.node = text(p, null);
      } else if (field.equals("containers") && value == JsonToken.START_ARRAY) {
        pod.containers = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
          String name = null;
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String containerField = p.currentName();
            p.nextToken();
            if (containerField.equals("name")) {
              name = text(p, null);
            } else {
              p.skipChildren();
            }
          }
          pod.containers.add(name);
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private static void status(JsonParser p, RawPod pod) {
    pod.hasStatus = true;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("phase")) {
        pod.phase = text(p, null);
      } else if (field.equals("conditions") && value == JsonToken.START_ARRAY) {
        conditions(p, pod);
      } else if (field.equals("containerStatuses") && value == JsonToken.START_ARRAY) {
        pod.statuses = new HashMap<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
          var status = containerStatus(p);
          pod.statuses.put(status.name, status);
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private static void conditions(JsonParser p, RawPod pod) {
    boolean decided = false;
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String type = null;
      String status = null;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "type" -> type = text(p, null);
          case "status" -> status = text(p, null);
          default -> p.skipChildren();
        }
      }
      // As Views.ready: the first Ready condition decides.
      if (!decided && "Ready".equals(type)) {
        decided = true;
        pod.ready = "True".equals(status);
      }
    }
  }

  private static RawStatus containerStatus(JsonParser p) {
    var status = new RawStatus();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "name" -> status.name = text(p, null);
        case "ready" -> status.ready = value == JsonToken.VALUE_TRUE;
        case "restartCount" ->
            status.restarts = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
        case "state" -> status.state = state(p);
        default -> p.skipChildren();
      }
    }
    return status;
  }

  /** As Views.state: running wins over terminated; anything else (or nothing) is waiting. */
  private static String state(JsonParser p) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return "waiting";
    }
    boolean running = false;
    boolean terminated = false;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      boolean present = value != JsonToken.VALUE_NULL;
      if (field.equals("running")) {
        running |= present;
      } else if (field.equals("terminated")) {
        terminated |= present;
      }
      p.skipChildren();
    }
    return running ? "running" : terminated ? "terminated" : "waiting";
  }

  private static Map<String, String> stringMap(JsonParser p) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    var map = new LinkedHashMap<String, String>();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      p.nextToken();
      map.put(key, text(p, null));
    }
    return map;
  }

  private static String text(JsonParser p, String otherwise) {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return p.getString();
    }
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      p.skipChildren();
      return otherwise;
    }
    return token == JsonToken.VALUE_NULL ? otherwise : p.getString();
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new IllegalStateException(
          "expected " + expected + " but found " + actual + " at " + p.currentLocation());
    }
  }

  /** A container status as far as the views need it. */
  private static final class RawStatus {
    String name;
    boolean ready;
    int restarts;
    String state = "waiting";
  }

  /** What a pod's JSON said, collected in any field order. */
  private static final class RawPod {
    String namespace;
    String name;
    String uid;
    Map<String, String> labels;
    Map<String, String> annotations;
    boolean terminating;
    boolean hasOwner;
    boolean ownerIsController;
    String ownerKind;
    String ownerName;
    String node;
    List<String> containers;
    boolean hasStatus;
    String phase;
    boolean ready;
    Map<String, RawStatus> statuses;

    PodView view(Interner interner) {
      String kind = hasOwner ? ownerKind : "";
      String owner = hasOwner ? ownerName : "";
      String workloadKind = kind;
      String workloadName = owner;
      String hash = labels == null ? null : labels.get("pod-template-hash");
      if ("ReplicaSet".equals(kind)
          && hash != null
          && owner != null
          && owner.endsWith("-" + hash)) {
        workloadKind = "Deployment";
        workloadName = owner.substring(0, owner.length() - hash.length() - 1);
      }
      var views = new ArrayList<ContainerView>(containers == null ? 0 : containers.size());
      if (containers != null) {
        for (String container : containers) {
          RawStatus status = statuses == null ? null : statuses.get(container);
          views.add(
              new ContainerView(
                  interner.of(container),
                  status != null && status.ready,
                  status == null ? "waiting" : status.state,
                  status == null ? 0 : status.restarts));
        }
      }
      return new PodView(
          interner.of(namespace),
          name,
          uid == null ? "" : uid,
          interner.of(labels),
          interner.of(annotations),
          interner.of(phase == null ? "Pending" : phase),
          ready,
          terminating,
          interner.of(node),
          interner.of(kind),
          interner.of(owner),
          interner.of(workloadKind),
          interner.of(workloadName),
          interner.list(views));
    }
  }
}
