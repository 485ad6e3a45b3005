package dev.faultline.workflow;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * Watches one Workflow and its WorkflowNodes with informers (which list, watch and re-list after an
 * API outage by themselves). Informer callbacks only update a thread-safe snapshot and bump a
 * version; {@link #snapshot()} builds the {@link WorkflowState} when the caller asks, so a burst of
 * node updates costs one state.
 */
final class WorkflowWatch implements AutoCloseable {
  /** How often a run publishes a changed state. */
  static final long PUBLISH_MILLIS = 100;

  static final ResourceDefinitionContext WORKFLOWS = definition("Workflow", "workflows");
  static final ResourceDefinitionContext NODES = definition("WorkflowNode", "workflownodes");

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final AtomicReference<JsonNode> workflow = new AtomicReference<>();
  private final Map<String, JsonNode> nodes = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private volatile boolean workflowSeen;
  private SharedIndexInformer<GenericKubernetesResource> workflowInformer;
  private SharedIndexInformer<GenericKubernetesResource> nodeInformer;

  WorkflowWatch(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  static ResourceDefinitionContext definition(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("chaos-mesh.org")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  void start() {
    workflowInformer =
        client
            .genericKubernetesResources(WORKFLOWS)
            .inNamespace(namespace)
            .withName(name)
            .inform(
                handler(
                    json -> {
                      workflow.set(json);
                      workflowSeen = true;
                    },
                    json -> workflow.set(null)));
    nodeInformer =
        client
            .genericKubernetesResources(NODES)
            .inNamespace(namespace)
            .withLabel("chaos-mesh.org/workflow", name)
            .inform(
                handler(
                    json -> nodes.put(json.path("metadata").path("name").asString(), json),
                    json -> nodes.remove(json.path("metadata").path("name").asString())));
  }

  private ResourceEventHandler<GenericKubernetesResource> handler(
      java.util.function.Consumer<JsonNode> put, java.util.function.Consumer<JsonNode> remove) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource object) {
        put.accept(json(object));
        version.incrementAndGet();
      }

      @Override
      public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource object) {
        put.accept(json(object));
        version.incrementAndGet();
      }

      @Override
      public void onDelete(GenericKubernetesResource object, boolean unknownFinalState) {
        remove.accept(json(object));
        version.incrementAndGet();
      }
    };
  }

  private JsonNode json(GenericKubernetesResource object) {
    return WorkflowDocument.JSON.readTree(client.getKubernetesSerialization().asJson(object));
  }

  /** Bumped on every change seen. */
  long version() {
    return version.get();
  }

  /**
   * The state now. A Workflow seen once and then gone was deleted: {@link WorkflowPhase#STOPPED},
   * with the nodes last seen.
   */
  WorkflowState snapshot() {
    JsonNode current = workflow.get();
    if (current == null && !workflowSeen) {
      return WorkflowStates.from(null, nodes.values(), name, namespace)
          .withPhase(WorkflowPhase.PENDING, "");
    }
    return WorkflowStates.from(current, nodes.values(), name, namespace);
  }

  @Override
  public void close() {
    if (workflowInformer != null) {
      workflowInformer.close();
    }
    if (nodeInformer != null) {
      nodeInformer.close();
    }
  }
}
