package dev.faultline.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The small printers: namespaces, configmaps, secrets, endpoints and pod disruption budgets. */
final class CorePrinters {
  private static final int MAX_ENDPOINTS = 3;

  private CorePrinters() {}

  static Printer namespaces() {
    return Printer.of(
        List.of(
            Column.objectName(),
            Column.string("Status", "The status of the namespace"),
            Column.age()),
        (namespace, now, row) ->
            row.add(Printer.name(namespace))
                .add(Json.text(namespace.path("status").path("phase")))
                .add(Printer.age(namespace, now)));
  }

  static Printer configMaps() {
    return Printer.of(
        List.of(
            Column.objectName(),
            Column.string("Data", "Data contains the configuration data."),
            Column.age()),
        (configMap, now, row) ->
            row.add(Printer.name(configMap))
                .add(configMap.path("data").size() + configMap.path("binaryData").size())
                .add(Printer.age(configMap, now)));
  }

  static Printer secrets() {
    return Printer.of(
        List.of(
            Column.objectName(),
            Column.string("Type", "Used to facilitate programmatic handling of secret data."),
            Column.string("Data", "Data contains the secret data."),
            Column.age()),
        (secret, now, row) -> {
          // stringData is write-only: the apiserver folds it into data when the secret is stored.
          long keys = secret.path("data").size();
          for (var entry : secret.path("stringData").properties()) {
            if (!secret.path("data").has(entry.getKey())) {
              keys++;
            }
          }
          String type = Json.text(secret.path("type"));
          row.add(Printer.name(secret))
              .add(type.isEmpty() ? "Opaque" : type)
              .add(keys)
              .add(Printer.age(secret, now));
        });
  }

  static Printer endpoints() {
    return Printer.of(
        List.of(
            Column.objectName(),
            Column.string("Endpoints", "The set of all endpoints is the union of all subsets."),
            Column.age()),
        (endpoints, now, row) ->
            row.add(Printer.name(endpoints))
                .add(endpointList(endpoints.path("subsets")))
                .add(Printer.age(endpoints, now)));
  }

  static Printer podDisruptionBudgets() {
    return Printer.of(
        List.of(
            Column.objectName(),
            Column.string("Min Available", "The minimum number of pods that must be available."),
            Column.string("Max Unavailable", "The maximum number of pods that may be unavailable."),
            Column.integer(
                "Allowed Disruptions",
                "Calculated number of pods that may be disrupted at this time."),
            Column.age()),
        (budget, now, row) -> {
          JsonNode spec = budget.path("spec");
          row.add(Printer.name(budget))
              .add(intOrString(spec.path("minAvailable")))
              .add(intOrString(spec.path("maxUnavailable")))
              .add(Json.integer(budget.path("status").path("disruptionsAllowed")))
              .add(Printer.age(budget, now));
        });
  }

  /** {@code 1}, {@code 50%}, or {@code N/A} when not set. */
  private static String intOrString(JsonNode value) {
    if (value.isNumber()) {
      return Long.toString(Json.integer(value));
    }
    return value.isString() ? value.stringValue() : "N/A";
  }

  /** At most three {@code ip:port}, then {@code + N more...}, as formatEndpoints. */
  static String endpointList(JsonNode subsets) {
    if (subsets.size() == 0) {
      return "<none>";
    }
    var list = new ArrayList<String>();
    int count = 0;
    boolean more = false;
    for (JsonNode subset : subsets) {
      JsonNode addresses = subset.path("addresses");
      JsonNode ports = subset.path("ports");
      if (ports.size() == 0) {
        // Headless services may have no ports: list bare addresses.
        count += addresses.size();
        for (JsonNode address : addresses) {
          if (list.size() == MAX_ENDPOINTS) {
            more = true;
            break;
          }
          list.add(Json.text(address.path("ip")));
        }
        continue;
      }
      for (JsonNode port : ports) {
        count += addresses.size();
        for (JsonNode address : addresses) {
          if (list.size() == MAX_ENDPOINTS) {
            more = true;
            break;
          }
          list.add(hostPort(Json.text(address.path("ip")), Json.integer(port.path("port"))));
        }
      }
    }
    String joined = String.join(",", list);
    return more ? joined + " + " + (count - MAX_ENDPOINTS) + " more..." : joined;
  }

  /** {@code net.JoinHostPort}: IPv6 addresses go in brackets. */
  private static String hostPort(String host, long port) {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
