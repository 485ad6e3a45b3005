package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.AttackContext;
import dev.faultline.attack.AttackException;
import dev.faultline.attack.AttackExecutor;
import dev.faultline.attack.AttackRequest;
import dev.faultline.attack.ClusterCalls;
import dev.faultline.attack.Fault;
import dev.faultline.attack.FaultJson;
import dev.faultline.attack.FaultMaker;
import dev.faultline.attack.FaultStatus;
import dev.faultline.attack.ObjectRef;
import dev.faultline.attack.SafeStatus;
import dev.faultline.attack.TargetNamespaces;
import dev.faultline.cluster.AccessCheck;
import dev.faultline.safety.FaultAnnotations;
import dev.faultline.target.SelectedPod;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Chaos Mesh attack ({@code chaosmesh.network}, {@code .stress}, {@code .http}, {@code .io},
 * {@code .dns}, {@code .time}): one fault per namespace of the step's selected pods, each a Chaos
 * Mesh resource of the {@link ChaosKind} created on apply and deleted on rollback.
 *
 * <p>Prepare builds each resource in full (see {@link ChaosResources}) and keeps it in the fault,
 * so rollback and status need nothing but the fault. The resource's {@code duration} is the step's
 * duration, or the experiment's {@code spec.safety.maxDuration} when the step has none: if
 * Faultline dies, Chaos Mesh still ends the fault. Apply creates it labelled {@link
 * FaultAnnotations#CREATED_BY_RUN} and annotated with the fault, so {@code faultline cleanup} finds
 * it without the journal. Rollback deletes only the object this run created (a resource already
 * gone counts as rolled back) and waits until it is gone: Chaos Mesh holds it with a finalizer
 * until it has recovered the pods.
 *
 * <p>The preflight's {@linkplain #prerequisites prerequisites} say clearly when the cluster does
 * not serve the kind (Chaos Mesh not installed) or the parameters do not fit together.
 */
public final class ChaosMeshExecutor implements AttackExecutor {
  private static final String MANIFEST = "manifest";
  private static final String PODS = "pods";
  private static final Duration DELETE_WAIT = Duration.ofSeconds(30);
  private static final Duration DELETE_POLL = Duration.ofMillis(100);

  private final ChaosKind kind;

  public ChaosMeshExecutor(ChaosKind kind) {
    this.kind = kind;
  }

  /** The kind this executor creates. */
  public ChaosKind kind() {
    return kind;
  }

  @Override
  public String attackId() {
    return kind.attackId();
  }

  @Override
  public List<AccessCheck> accessNeeds(AttackRequest request) {
    var checks = new ArrayList<AccessCheck>();
    for (String namespace : TargetNamespaces.of(request)) {
      for (String verb : List.of("get", "create", "delete")) {
        checks.add(AccessCheck.of(verb, ChaosKind.GROUP, kind.plural(), namespace));
      }
    }
    return checks;
  }

  @Override
  public List<String> prerequisites(AttackRequest request, AttackContext context) {
    var problems = new ArrayList<String>();
    ChaosMeshInstallation.missing(kind, context).ifPresent(problems::add);
    try {
      ChaosResources.check(kind, request);
    } catch (ChaosParamException e) {
      problems.add(e.getMessage());
    }
    return problems;
  }

  @Override
  public List<Fault> prepare(AttackRequest request, AttackContext context) throws AttackException {
    if (request.pods() == null) {
      throw new AttackException(
          attackId()
              + " in step '"
              + request.step().id()
              + "' needs a Pod target resolved to pods; target '"
              + request.targetName()
              + "' gave none");
    }
    var byNamespace = new TreeMap<String, List<SelectedPod>>();
    for (SelectedPod pod : request.pods().selected()) {
      byNamespace.computeIfAbsent(pod.pod().namespace(), n -> new ArrayList<>()).add(pod);
    }
    String name = ChaosResources.name(request.step().id(), context.runId());
    String summary = kind.spec().summary(request);
    var maker = new FaultMaker(request, context, attackId());
    var faults = new ArrayList<Fault>();
    for (var entry : byNamespace.entrySet()) {
      String namespace = entry.getKey();
      List<SelectedPod> pods = entry.getValue();
      ObjectNode resource = ChaosResources.build(kind, request, namespace, pods, name);
      ObjectRef ref = new ObjectRef(ChaosKind.API_VERSION, kind.kind(), namespace, name, "");
      faults.add(
          maker.make(
              ref,
              summary
                  + " on "
                  + pods.size()
                  + (pods.size() == 1 ? " pod" : " pods")
                  + " in "
                  + namespace
                  + " with "
                  + ref.display()
                  + " (deleted on rollback)",
              true,
              Map.of(MANIFEST, resource.toString(), PODS, String.valueOf(pods.size()))));
    }
    return faults;
  }

  @Override
  public void apply(Fault fault, AttackContext context) throws AttackException {
    ObjectRef ref = fault.object();
    ObjectNode body = (ObjectNode) ChaosResources.JSON.readTree(fault.data(MANIFEST, "{}"));
    ObjectNode metadata = body.withObjectProperty("metadata");
    metadata.withObjectProperty("labels").put(FaultAnnotations.CREATED_BY_RUN, fault.runId());
    ObjectNode annotations = metadata.withObjectProperty("annotations");
    annotations.put(FaultAnnotations.RUN_ID, fault.runId());
    annotations.put(FaultAnnotations.FAULT, FaultJson.writeAll(List.of(fault)));
    GenericKubernetesResource resource =
        context
            .client()
            .getKubernetesSerialization()
            .unmarshal(body.toString(), GenericKubernetesResource.class);
    try {
      context
          .client()
          .genericKubernetesResources(ChaosDefinitions.of(kind))
          .inNamespace(ref.namespace())
          .resource(resource)
          .create();
    } catch (KubernetesClientException e) {
      int code = ClusterCalls.code(e);
      if (code == ClusterCalls.CONFLICT && createdBy(current(context, ref), fault)) {
        return; // applied already (an apply retried after its answer was lost)
      }
      if (code == ClusterCalls.CONFLICT) {
        throw new AttackException(
            ref.display()
                + " exists already and was not created by this run; it is left alone and this"
                + " fault is not applied",
            false,
            e);
      }
      if (code == ClusterCalls.NOT_FOUND) {
        throw new AttackException(ChaosMeshInstallation.notInstalled(kind, context), false, e);
      }
      throw ClusterCalls.failure(context, "create", ref, e);
    }
  }

  @Override
  public FaultStatus status(Fault fault, AttackContext context) {
    return SafeStatus.of(
        fault,
        () -> {
          Optional<GenericKubernetesResource> current = current(context, fault.object());
          if (current.isEmpty()) {
            return FaultStatus.gone(fault.object().display() + " was deleted");
          }
          return ChaosStatus.of(
              ChaosResources.JSON.readTree(
                  context.client().getKubernetesSerialization().asJson(current.get())));
        });
  }

  @Override
  public void rollback(Fault fault, AttackContext context) throws AttackException {
    ObjectRef ref = fault.object();
    Optional<GenericKubernetesResource> current = current(context, ref);
    if (!createdBy(current, fault)) {
      return; // gone already, or not the object this run created
    }
    try {
      resource(context, ref).delete();
    } catch (KubernetesClientException e) {
      if (!ClusterCalls.notFound(e)) {
        throw ClusterCalls.failure(context, "delete", ref, e);
      }
    }
    awaitGone(context, ref);
  }

  /** Waits while Chaos Mesh's finalizer holds the resource until it has recovered the pods. */
  private void awaitGone(AttackContext context, ObjectRef ref) throws AttackException {
    long deadline = System.nanoTime() + DELETE_WAIT.toNanos();
    Optional<GenericKubernetesResource> current = current(context, ref);
    while (current.isPresent()) {
      if (System.nanoTime() > deadline) {
        List<String> finalizers = current.get().getMetadata().getFinalizers();
        throw new AttackException(
            ref.display()
                + " is still being deleted after "
                + DELETE_WAIT.toSeconds()
                + " s: Chaos Mesh has not recovered its pods yet"
                + (finalizers == null || finalizers.isEmpty()
                    ? ""
                    : " (finalizers: " + String.join(", ", finalizers) + ")")
                + "; is the Chaos Mesh controller running?",
            true,
            null);
      }
      try {
        Thread.sleep(DELETE_POLL);
      } catch (InterruptedException e) {
        throw ClusterCalls.interrupted("wait for the deletion of", ref, e);
      }
      current = current(context, ref);
    }
  }

  private static boolean createdBy(Optional<GenericKubernetesResource> current, Fault fault) {
    if (current.isEmpty()) {
      return false;
    }
    Map<String, String> labels = current.get().getMetadata().getLabels();
    return labels != null && fault.runId().equals(labels.get(FaultAnnotations.CREATED_BY_RUN));
  }

  private Optional<GenericKubernetesResource> current(AttackContext context, ObjectRef ref)
      throws AttackException {
    try {
      return Optional.ofNullable(resource(context, ref).get());
    } catch (KubernetesClientException e) {
      if (ClusterCalls.notFound(e)) {
        return Optional.empty(); // the kind itself is not served any more: nothing of ours left
      }
      throw ClusterCalls.failure(context, "read", ref, e);
    }
  }

  /** Through the kind's fixed resource names: no discovery call, which fails without Chaos Mesh. */
  private Resource<GenericKubernetesResource> resource(AttackContext context, ObjectRef ref) {
    return context
        .client()
        .genericKubernetesResources(ChaosDefinitions.of(kind))
        .inNamespace(ref.namespace())
        .withName(ref.name());
  }
}
