package dev.faultline.sandbox.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which {@link Printer} serves a resource. A built-in printer is used only when the object is of
 * the group it was written for, so a custom resource that happens to be called {@code services}
 * (Knative has one) gets the custom-resource columns rather than a Service's.
 */
final class Printers {
  private record Key(String group, String resource) {}

  private static final Map<Key, Printer> BUILT_IN =
      Map.ofEntries(
          Map.entry(new Key("", "pods"), new PodPrinter()),
          Map.entry(new Key("", "services"), ServicePrinter.create()),
          Map.entry(new Key("", "nodes"), NodePrinter.create()),
          Map.entry(new Key("", "namespaces"), CorePrinters.namespaces()),
          Map.entry(new Key("", "configmaps"), CorePrinters.configMaps()),
          Map.entry(new Key("", "secrets"), CorePrinters.secrets()),
          Map.entry(new Key("", "endpoints"), CorePrinters.endpoints()),
          Map.entry(new Key("", "events"), new EventPrinter()),
          Map.entry(new Key("events.k8s.io", "events"), new EventPrinter()),
          Map.entry(new Key("apps", "deployments"), WorkloadPrinters.deployments()),
          Map.entry(new Key("apps", "replicasets"), WorkloadPrinters.replicaSets()),
          Map.entry(new Key("apps", "statefulsets"), WorkloadPrinters.statefulSets()),
          Map.entry(new Key("apps", "daemonsets"), WorkloadPrinters.daemonSets()),
          Map.entry(
              new Key("policy", "poddisruptionbudgets"), CorePrinters.podDisruptionBudgets()));

  /** Built-in resources without a printer: the apiserver's default table, "Created At". */
  private static final Set<Key> DEFAULT_TABLE =
      Set.of(
          new Key("rbac.authorization.k8s.io", "roles"),
          new Key("rbac.authorization.k8s.io", "clusterroles"),
          new Key("apiextensions.k8s.io", "customresourcedefinitions"),
          new Key("", "limitranges"));

  /** What custom resources without additionalPrinterColumns show: NAME and AGE. */
  private static final Printer CUSTOM =
      Printer.of(
          List.of(Column.objectName(), Column.date("Age", Column.CREATED_DOC)),
          (object, now, row) -> {
            Instant created = Printers.created(object);
            if (created == null) {
              row.add(Printer.name(object)).addNull(); // the JSONPath found nothing
            } else {
              row.add(Printer.name(object)).add(HumanDuration.since(created, now));
            }
          });

  private static final Printer CREATED_AT =
      Printer.of(
          List.of(Column.objectName(), Column.date("Created At", Column.CREATED_DOC)),
          (object, now, row) -> {
            Instant created = Printers.created(object);
            Instant shown = created == null ? Instant.parse("0001-01-01T00:00:00Z") : created;
            row.add(Printer.name(object)).add(shown.truncatedTo(ChronoUnit.SECONDS).toString());
          });

  private Printers() {}

  /**
   * The printer for {@code resource} in {@code group}; a null group (an object without {@code
   * apiVersion}) trusts the resource name.
   */
  static Printer forResource(String resource, String group) {
    if (group == null) {
      for (var entry : BUILT_IN.entrySet()) {
        if (entry.getKey().resource().equals(resource)) {
          return entry.getValue();
        }
      }
      return CUSTOM;
    }
    Key key = new Key(group, resource);
    Printer printer = BUILT_IN.get(key);
    if (printer != null) {
      return printer;
    }
    return DEFAULT_TABLE.contains(key) ? CREATED_AT : CUSTOM;
  }

  private static Instant created(JsonNode object) {
    return Json.time(object.path("metadata").path("creationTimestamp"));
  }
}
