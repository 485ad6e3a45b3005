package dev.faultline.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** {@code kubectl get services}: type, cluster IP, external IP by service type, and ports. */
final class ServicePrinter {
  private ServicePrinter() {}

  static Printer create() {
    return Printer.of(
        List.of(
            Column.objectName(),
            Column.string("Type", "type determines how the Service is exposed."),
            Column.string("Cluster-IP", "clusterIP is the IP address of the service."),
            Column.string(
                "External-IP",
                "externalIPs is a list of IP addresses for which nodes in"
                    + " the cluster will also accept traffic for this service."),
            Column.string("Port(s)", "The list of ports that are exposed by this service."),
            Column.age(),
            Column.string(
                    "Selector",
                    "Route service traffic to pods with label keys and values"
                        + " matching this selector.")
                .wide()),
        (service, now, row) -> {
          JsonNode spec = service.path("spec");
          String ports = ports(spec.path("ports"));
          row.add(Printer.name(service))
              .add(type(spec))
              .add(clusterIp(spec))
              .add(externalIp(service))
              .add(ports.isEmpty() ? "<none>" : ports)
              .add(Printer.age(service, now))
              .add(LabelText.labels(spec.path("selector")));
        });
  }

  /** The apiserver defaults a missing type to ClusterIP. */
  private static String type(JsonNode spec) {
    String type = Json.text(spec.path("type"));
    return type.isEmpty() ? "ClusterIP" : type;
  }

  /** {@code clusterIPs[0]}; a v1 object with only {@code clusterIP} converts to the same. */
  private static String clusterIp(JsonNode spec) {
    JsonNode ips = spec.path("clusterIPs");
    String ip = ips.size() > 0 ? Json.text(ips.get(0)) : Json.text(spec.path("clusterIP"));
    return ip.isEmpty() ? "<none>" : ip;
  }

  private static String externalIp(JsonNode service) {
    JsonNode spec = service.path("spec");
    var external = new ArrayList<String>();
    for (JsonNode ip : spec.path("externalIPs")) {
      external.add(Json.text(ip));
    }
    switch (type(spec)) {
      case "ClusterIP", "NodePort" -> {
        return external.isEmpty() ? "<none>" : String.join(",", external);
      }
      case "LoadBalancer" -> {
        // The apiserver prints wide, so the load balancer list is never clipped.
        var ingress = new TreeSet<String>();
        for (JsonNode point : service.path("status").path("loadBalancer").path("ingress")) {
          String ip = Json.text(point.path("ip"));
          String host = Json.text(point.path("hostname"));
          if (!ip.isEmpty()) {
            ingress.add(ip);
          } else if (!host.isEmpty()) {
            ingress.add(host);
          }
        }
        var all = new ArrayList<String>(ingress);
        all.addAll(external);
        return all.isEmpty() ? "<pending>" : String.join(",", all);
      }
      case "ExternalName" -> {
        return Json.text(spec.path("externalName"));
      }
      default -> {
        return "<unknown>";
      }
    }
  }

  /** {@code 80/TCP,443:30443/TCP}; the protocol defaults to TCP. */
  static String ports(JsonNode ports) {
    var pieces = new ArrayList<String>();
    for (JsonNode port : ports) {
      String protocol = Json.text(port.path("protocol"));
      if (protocol.isEmpty()) {
        protocol = "TCP";
      }
      long number = Json.integer(port.path("port"));
      long nodePort = Json.integer(port.path("nodePort"));
      pieces.add(nodePort > 0 ? number + ":" + nodePort + "/" + protocol : number + "/" + protocol);
    }
    return String.join(",", pieces);
  }
}
