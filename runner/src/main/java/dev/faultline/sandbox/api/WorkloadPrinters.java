package dev.faultline.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Deployments, ReplicaSets, StatefulSets and DaemonSets. Counts the apiserver would have defaulted
 * ({@code spec.replicas} to 1) are defaulted here too, since the sandbox stores objects as sent.
 */
final class WorkloadPrinters {
  private static final Column CONTAINERS =
      Column.string("Containers", Column.CONTAINERS_DOC).wide();
  private static final Column IMAGES = Column.string("Images", Column.IMAGES_DOC).wide();

  private WorkloadPrinters() {}

  static Printer deployments() {
    return Printer.of(
        List.of(
            Column.objectName(),
            Column.string("Ready", "Number of the pod with ready state"),
            Column.string(
                "Up-to-date",
                "Total number of non-terminated pods targeted by this"
                    + " deployment that have the desired template spec."),
            Column.string(
                "Available",
                "Total number of available pods (ready for at least"
                    + " minReadySeconds) targeted by this deployment."),
            Column.age(),
            CONTAINERS,
            IMAGES,
            Column.string("Selector", "Label selector for pods.").wide()),
        (deployment, now, row) -> {
          JsonNode spec = deployment.path("spec");
          JsonNode status = deployment.path("status");
          String selector;
          try {
            selector = LabelText.selector(spec.path("selector"));
          } catch (IllegalArgumentException e) {
            selector = "<invalid>";
          }
          row.add(Printer.name(deployment))
              .add(Json.integer(status.path("readyReplicas")) + "/" + replicas(spec))
              .add(Json.integer(status.path("updatedReplicas")))
              .add(Json.integer(status.path("availableReplicas")))
              .add(Printer.age(deployment, now));
          containers(spec, row);
          row.add(selector);
        });
  }

  static Printer replicaSets() {
    return Printer.of(
        List.of(
            Column.objectName(),
            Column.integer("Desired", "Replicas is the number of desired replicas."),
            Column.integer("Current", "Replicas is the most recently observed number of replicas."),
            Column.integer("Ready", "The number of ready replicas for this replica set."),
            Column.age(),
            CONTAINERS,
            IMAGES,
            Column.string("Selector", "Selector is a label query over pods.").wide()),
        (replicaSet, now, row) -> {
          JsonNode spec = replicaSet.path("spec");
          JsonNode status = replicaSet.path("status");
          row.add(Printer.name(replicaSet))
              .add(replicas(spec))
              .add(Json.integer(status.path("replicas")))
              .add(Json.integer(status.path("readyReplicas")))
              .add(Printer.age(replicaSet, now));
          containers(spec, row);
          row.add(LabelText.formatSelector(spec.path("selector")));
        });
  }

  static Printer statefulSets() {
    return Printer.of(
        List.of(
            Column.objectName(),
            Column.string("Ready", "Number of the pod with ready state"),
            Column.age(),
            CONTAINERS,
            IMAGES),
        (statefulSet, now, row) -> {
          JsonNode spec = statefulSet.path("spec");
          row.add(Printer.name(statefulSet))
              .add(
                  Json.integer(statefulSet.path("status").path("readyReplicas"))
                      + "/"
                      + replicas(spec))
              .add(Printer.age(statefulSet, now));
          containers(spec, row);
        });
  }

  static Printer daemonSets() {
    return Printer.of(
        List.of(
            Column.objectName(),
            Column.integer(
                "Desired", "The total number of nodes that should be running the" + " daemon pod."),
            Column.integer(
                "Current",
                "The number of nodes that are running at least 1 daemon"
                    + " pod and are supposed to run the daemon pod."),
            Column.integer(
                "Ready",
                "The number of nodes that should be running the daemon pod"
                    + " and have one or more of the daemon pod running and ready."),
            Column.integer(
                "Up-to-date", "The total number of nodes that are running updated" + " daemon pod"),
            Column.integer(
                "Available",
                "The number of nodes that should be running the daemon"
                    + " pod and have one or more of the daemon pod running and available."),
            Column.string(
                "Node Selector",
                "NodeSelector is a selector which must be true for the" + " pod to fit on a node."),
            Column.age(),
            CONTAINERS,
            IMAGES,
            Column.string(
                    "Selector", "A label query over pods that are managed by the daemon" + " set.")
                .wide()),
        (daemonSet, now, row) -> {
          JsonNode spec = daemonSet.path("spec");
          JsonNode status = daemonSet.path("status");
          row.add(Printer.name(daemonSet))
              .add(Json.integer(status.path("desiredNumberScheduled")))
              .add(Json.integer(status.path("currentNumberScheduled")))
              .add(Json.integer(status.path("numberReady")))
              .add(Json.integer(status.path("updatedNumberScheduled")))
              .add(Json.integer(status.path("numberAvailable")))
              .add(LabelText.labels(spec.path("template").path("spec").path("nodeSelector")))
              .add(Printer.age(daemonSet, now));
          containers(spec, row);
          row.add(LabelText.formatSelector(spec.path("selector")));
        });
  }

  /** {@code spec.replicas}, which the apiserver defaults to 1 when a client leaves it out. */
  private static long replicas(JsonNode spec) {
    return Json.integer(spec.path("replicas"), 1);
  }

  /** The template's container names and images, each joined by commas. */
  private static void containers(JsonNode spec, Row row) {
    var names = new ArrayList<String>();
    var images = new ArrayList<String>();
    for (JsonNode container : spec.path("template").path("spec").path("containers")) {
      names.add(Json.text(container.path("name")));
      images.add(Json.text(container.path("image")));
    }
    row.add(String.join(",", names)).add(String.join(",", images));
  }
}
