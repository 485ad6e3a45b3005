package dev.faultline.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** {@code kubectl get nodes}: Ready/NotReady/Unknown, SchedulingDisabled when cordoned, roles. */
final class NodePrinter {
  private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
  private static final String ROLE_LABEL = "kubernetes.io/role";

  private NodePrinter() {}

  static Printer create() {
    String addresses = "List of addresses reachable to the node.";
    return Printer.of(
        List.of(
            Column.objectName(),
            Column.string("Status", "The status of the node"),
            Column.string("Roles", "The roles of the node"),
            Column.age(),
            Column.string("Version", "Kubelet Version reported by the node."),
            Column.string("Internal-IP", addresses).wide(),
            Column.string("External-IP", addresses).wide(),
            Column.string(
                    "OS-Image",
                    "OS Image reported by the node from /etc/os-release (e.g."
                        + " Debian GNU/Linux 7 (wheezy)).")
                .wide(),
            Column.string(
                    "Kernel-Version",
                    "Kernel Version reported by the node from 'uname -r'"
                        + " (e.g. 3.16.0-0.bpo.4-amd64).")
                .wide(),
            Column.string(
                    "Container-Runtime",
                    "ContainerRuntime Version reported by the node"
                        + " through runtime remote API (e.g. containerd://1.4.2).")
                .wide()),
        (node, now, row) -> {
          JsonNode info = node.path("status").path("nodeInfo");
          row.add(Printer.name(node))
              .add(status(node))
              .add(roles(node))
              .add(Printer.age(node, now))
              .add(Json.text(info.path("kubeletVersion")))
              .add(address(node, "InternalIP"))
              .add(address(node, "ExternalIP"))
              .add(orUnknown(Json.text(info.path("osImage"))))
              .add(orUnknown(Json.text(info.path("kernelVersion"))))
              .add(orUnknown(Json.text(info.path("containerRuntimeVersion"))));
        });
  }

  static String status(JsonNode node) {
    var status = new ArrayList<String>();
    JsonNode ready = null;
    for (JsonNode condition : node.path("status").path("conditions")) {
      if (Json.text(condition.path("type")).equals("Ready")) {
        ready = condition; // the last one wins, as in the printer's map
      }
    }
    if (ready == null) {
      status.add("Unknown");
    } else {
      status.add(Json.text(ready.path("status")).equals("True") ? "Ready" : "NotReady");
    }
    if (Json.bool(node.path("spec").path("unschedulable"))) {
      status.add("SchedulingDisabled");
    }
    return String.join(",", status);
  }

  static String roles(JsonNode node) {
    var roles = new TreeSet<String>();
    for (var label : node.path("metadata").path("labels").properties()) {
      String key = label.getKey();
      if (key.startsWith(ROLE_PREFIX) && key.length() > ROLE_PREFIX.length()) {
        roles.add(key.substring(ROLE_PREFIX.length()));
      } else if (key.equals(ROLE_LABEL) && !Json.text(label.getValue()).isEmpty()) {
        roles.add(Json.text(label.getValue()));
      }
    }
    return roles.isEmpty() ? "<none>" : String.join(",", roles);
  }

  private static String address(JsonNode node, String type) {
    for (JsonNode address : node.path("status").path("addresses")) {
      if (Json.text(address.path("type")).equals(type)) {
        return Json.text(address.path("address"));
      }
    }
    return "<none>";
  }

  private static String orUnknown(String text) {
    return text.isEmpty() ? "<unknown>" : text;
  }
}
