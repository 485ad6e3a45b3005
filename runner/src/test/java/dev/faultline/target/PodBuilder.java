package dev.faultline.target;

import dev.faultline.cluster.snapshot.ContainerView;
import dev.faultline.cluster.snapshot.PodView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pod views for tests: a running, ready, scheduled bare pod with one container unless told. */
final class PodBuilder {
  private final String namespace;
  private final String name;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, String> annotations = new LinkedHashMap<>();
  private String phase = "Running";
  private boolean ready = true;
  private boolean terminating;
  private String node = "node-1";
  private String ownerKind = "";
  private String ownerName = "";
  private String workloadKind = "";
  private String workloadName = "";
  private List<String> containers = List.of("app");

  private PodBuilder(String namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

  static PodBuilder pod(String namespace, String name) {
    return new PodBuilder(namespace, name);
  }

  PodBuilder label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  PodBuilder annotation(String key, String value) {
    annotations.put(key, value);
    return this;
  }

  PodBuilder phase(String phase) {
    this.phase = phase;
    return this;
  }

  PodBuilder notReady() {
    ready = false;
    return this;
  }

  PodBuilder terminating() {
    terminating = true;
    return this;
  }

  PodBuilder node(String node) {
    this.node = node;
    return this;
  }

  /** Owned by ReplicaSet {@code deployment-rs}, made by Deployment {@code deployment}. */
  PodBuilder deployment(String deployment) {
    return owner("ReplicaSet", deployment + "-rs", "Deployment", deployment);
  }

  /** Owned directly by a controller of this kind. */
  PodBuilder ownedBy(String kind, String owner) {
    return owner(kind, owner, kind, owner);
  }

  PodBuilder owner(String ownerKind, String ownerName, String workloadKind, String workloadName) {
    this.ownerKind = ownerKind;
    this.ownerName = ownerName;
    this.workloadKind = workloadKind;
    this.workloadName = workloadName;
    return this;
  }

  PodBuilder containers(String... names) {
    this.containers = List.of(names);
    return this;
  }

  PodView build() {
    var views = new ArrayList<ContainerView>();
    containers.forEach(c -> views.add(new ContainerView(c, ready, "running", 0)));
    return new PodView(
        namespace,
        name,
        namespace + "-" + name + "-uid",
        Map.copyOf(labels),
        Map.copyOf(annotations),
        phase,
        ready,
        terminating,
        node,
        ownerKind,
        ownerName,
        workloadKind,
        workloadName,
        views);
  }
}
