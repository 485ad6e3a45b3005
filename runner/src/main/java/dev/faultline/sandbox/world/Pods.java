package dev.faultline.sandbox.world;

import java.time.Instant;
import java.util.Iterator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pod objects through their life: created from a template (Pending), scheduled to a node, running
 * and ready, a container restarted or frozen. The shapes follow what a kubelet reports, because
 * kubectl's columns and Faultline's target preview read them.
 */
public final class Pods {
  private Pods() {}

  /** A new Pending pod from a workload's pod template, owned by {@code owner}. */
  public static ObjectNode fromTemplate(ObjectNode owner, String name, JsonNode template) {
    ObjectNode pod =
        Objects.object("v1", "Pod", owner.path("metadata").path("namespace").asString(), name);
    ObjectNode meta = pod.withObjectProperty("metadata");
    if (template.path("metadata").has("labels")) {
      meta.set("labels", template.path("metadata").path("labels").deepCopy());
    }
    if (template.path("metadata").has("annotations")) {
      meta.set("annotations", template.path("metadata").path("annotations").deepCopy());
    }
    Objects.ownedBy(pod, owner);
    pod.set("spec", template.path("spec").deepCopy());
    ObjectNode status = pod.putObject("status");
    status.put("phase", "Pending");
    status.put("qosClass", "BestEffort");
    return pod;
  }

  public static void schedule(ObjectNode pod, String node, String hostIp, Instant at) {
    pod.withObjectProperty("spec").put("nodeName", node);
    ObjectNode status = pod.withObjectProperty("status");
    status.put("hostIP", hostIp);
    condition(status, "PodScheduled", true, at);
  }

  /** Running, every container started and ready. */
  public static void run(ObjectNode pod, String podIp, Instant at) {
    ObjectNode status = pod.withObjectProperty("status");
    status.put("phase", "Running");
    status.put("podIP", podIp);
    status.putArray("podIPs").addObject().put("ip", podIp);
    status.put("startTime", at.toString());
    ArrayNode statuses = status.putArray("containerStatuses");
    for (JsonNode container : pod.path("spec").path("containers")) {
      ObjectNode cs = statuses.addObject();
      cs.put("name", container.path("name").asString());
      cs.put("image", container.path("image").asString());
      cs.put(
          "imageID",
          "registry.faultline.dev/sha256:"
              + Integer.toHexString(container.path("image").asString().hashCode()));
      cs.put(
          "containerID",
          "containerd://"
              + Integer.toHexString(
                  (pod.path("metadata").path("name").asString() + container.path("name").asString())
                      .hashCode()));
      cs.put("ready", true);
      cs.put("started", true);
      cs.put("restartCount", 0);
      cs.putObject("state").putObject("running").put("startedAt", at.toString());
    }
    condition(status, "Initialized", true, at);
    condition(status, "ContainersReady", true, at);
    condition(status, "Ready", true, at);
  }

  /** Marks one container (not) ready and recomputes the pod's Ready conditions. */
  public static void containerReady(ObjectNode pod, String container, boolean ready, Instant at) {
    ObjectNode status = pod.withObjectProperty("status");
    for (JsonNode cs : status.path("containerStatuses")) {
      if (cs.path("name").asString().equals(container)) {
        ((ObjectNode) cs).put("ready", ready);
      }
    }
    boolean all = true;
    for (JsonNode cs : status.path("containerStatuses")) {
      all &= cs.path("ready").asBoolean();
    }
    condition(status, "ContainersReady", all, at);
    condition(status, "Ready", all, at);
  }

  /** Marks every container (not) ready, as a pod-failure fault and its recovery do. */
  public static void allContainersReady(ObjectNode pod, boolean ready, Instant at) {
    for (JsonNode container : pod.path("spec").path("containers")) {
      containerReady(pod, container.path("name").asString(), ready, at);
    }
  }

  /**
   * The container crashed and the kubelet restarted it: restartCount + 1, last state terminated.
   */
  public static void restarted(
      ObjectNode pod, String container, String reason, int exitCode, Instant at) {
    for (JsonNode cs : pod.path("status").path("containerStatuses")) {
      if (cs.path("name").asString().equals(container)) {
        ObjectNode c = (ObjectNode) cs;
        c.put("restartCount", c.path("restartCount").asInt() + 1);
        ObjectNode terminated = c.putObject("lastState").putObject("terminated");
        terminated.put("exitCode", exitCode);
        terminated.put("reason", reason);
        terminated.put("finishedAt", at.toString());
        c.putObject("state").putObject("running").put("startedAt", at.toString());
      }
    }
  }

  public static boolean isReady(JsonNode pod) {
    for (JsonNode c : pod.path("status").path("conditions")) {
      if (c.path("type").asString().equals("Ready")) {
        return c.path("status").asString().equals("True");
      }
    }
    return false;
  }

  public static boolean isTerminating(JsonNode pod) {
    return pod.path("metadata").has("deletionTimestamp");
  }

  private static void condition(ObjectNode status, String type, boolean value, Instant at) {
    ArrayNode conditions =
        status.has("conditions")
            ? (ArrayNode) status.get("conditions")
            : status.putArray("conditions");
    for (Iterator<JsonNode> it = conditions.iterator(); it.hasNext(); ) {
      JsonNode c = it.next();
      if (c.path("type").asString().equals(type)) {
        if (c.path("status").asString().equals(value ? "True" : "False")) {
          return;
        }
        ((ObjectNode) c).put("status", value ? "True" : "False");
        ((ObjectNode) c).put("lastTransitionTime", at.toString());
        return;
      }
    }
    ObjectNode c = conditions.addObject();
    c.put("type", type);
    c.put("status", value ? "True" : "False");
    c.putNull("lastProbeTime");
    c.put("lastTransitionTime", at.toString());
  }
}
