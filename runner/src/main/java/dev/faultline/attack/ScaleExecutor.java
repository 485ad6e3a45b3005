package dev.faultline.attack;

import dev.faultline.cluster.AccessCheck;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code k8s.deployment.scale}: sets {@code spec.replicas} of each selected Deployment or
 * StatefulSet; rollback restores the count prepare saw. While scaled, the workload carries the
 * fault in its {@link FaultMarks annotations}. The target is resolved here ({@link ObjectTargets}),
 * leaving out namespaces the experiment does not permit.
 *
 * <p>Both changes are JSON merge patches that name the workload's uid, so a workload deleted and
 * recreated under the same name is never touched (it counts as gone).
 */
public final class ScaleExecutor implements AttackExecutor {
  public static final String ID = "k8s.deployment.scale";
  private static final String REPLICAS = "replicas";
  private static final String PREVIOUS = "previousReplicas";

  @Override
  public String attackId() {
    return ID;
  }

  @Override
  public List<AccessCheck> accessNeeds(AttackRequest request) {
    Target target = request.target();
    String resource =
        target != null && target.effectiveKind() == TargetKind.STATEFUL_SET
            ? "statefulsets"
            : "deployments";
    var checks = new ArrayList<AccessCheck>();
    if (target != null && target.namespacePattern() != null) {
      checks.add(AccessCheck.of("list", "", "namespaces", ""));
    }
    for (String namespace : TargetNamespaces.of(request)) {
      checks.add(AccessCheck.of("list", "apps", resource, namespace));
      checks.add(AccessCheck.of("get", "apps", resource, namespace));
      checks.add(AccessCheck.of("patch", "apps", resource, namespace));
    }
    return checks;
  }

  @Override
  public List<Fault> prepare(AttackRequest request, AttackContext context) throws AttackException {
    int replicas = request.params().intValue(REPLICAS);
    var maker = new FaultMaker(request, context, ID);
    var faults = new ArrayList<Fault>();
    for (HasMetadata workload : ObjectTargets.resolve(request, context)) {
      ObjectRef ref =
          new ObjectRef(
              "apps/v1",
              workload.getKind(),
              workload.getMetadata().getNamespace(),
              workload.getMetadata().getName(),
              "");
      int previous = replicas(workload);
      faults.add(
          maker.make(
              ref,
              "scale " + ref.display() + " from " + previous + " to " + replicas + " replicas",
              true,
              Map.of(
                  PodLookup.UID,
                  workload.getMetadata().getUid(),
                  REPLICAS,
                  String.valueOf(replicas),
                  PREVIOUS,
                  String.valueOf(previous))));
    }
    return faults;
  }

  @Override
  public void apply(Fault fault, AttackContext context) throws AttackException {
    String uid = fault.data(PodLookup.UID, "");
    FaultMarks.add(context, fault, uid);
    try {
      scale(context, fault, Integer.parseInt(fault.data(REPLICAS, "0")));
    } catch (AttackException e) {
      try {
        FaultMarks.remove(context, fault, uid);
      } catch (AttackException ignored) {
        // Best effort; the journal still has the fault.
      }
      throw e;
    }
  }

  @Override
  public FaultStatus status(Fault fault, AttackContext context) {
    return SafeStatus.of(
        fault,
        () -> {
          Optional<GenericKubernetesResource> found = current(context, fault);
          if (found.isEmpty()) {
            return FaultStatus.gone(fault.object().display() + " is gone");
          }
          GenericKubernetesResource workload = found.get();
          int wanted = Integer.parseInt(fault.data(REPLICAS, "0"));
          int previous = Integer.parseInt(fault.data(PREVIOUS, "1"));
          int now = number(workload.get("spec", "replicas"), 1);
          int ready = number(workload.get("status", "readyReplicas"), 0);
          if (now == wanted) {
            return FaultStatus.active(now + " replicas wanted, " + ready + " ready");
          }
          if (now == previous) {
            return new FaultStatus(
                FaultStatus.State.RECOVERED, "back at " + previous + " replicas");
          }
          return FaultStatus.active(
              "replicas changed to " + now + " by someone else; rollback sets " + previous);
        });
  }

  @Override
  public void rollback(Fault fault, AttackContext context) throws AttackException {
    String uid = fault.data(PodLookup.UID, "");
    try {
      scale(context, fault, Integer.parseInt(fault.data(PREVIOUS, "1")));
    } catch (TargetGoneException gone) {
      return;
    }
    FaultMarks.remove(context, fault, uid);
  }

  private static void scale(AttackContext context, Fault fault, int replicas)
      throws AttackException {
    String uid = fault.data(PodLookup.UID, "");
    String patch =
        "{\"metadata\":{"
            + (uid.isEmpty() ? "" : "\"uid\":\"" + uid + "\"")
            + "},\"spec\":{\"replicas\":"
            + replicas
            + "}}";
    ObjectRef ref = fault.object();
    for (int attempt = 1; ; attempt++) {
      try {
        FaultMarks.resource(context, ref).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        return;
      } catch (KubernetesClientException e) {
        int code = ClusterCalls.code(e);
        if (code == ClusterCalls.NOT_FOUND) {
          throw new TargetGoneException(ref, "deleted");
        }
        if ((code == ClusterCalls.CONFLICT || code == 422) && current(context, fault).isEmpty()) {
          throw new TargetGoneException(ref, "replaced by a new object of the same name");
        }
        // The same object, changed meanwhile (its controller writes it too): try again at once,
        // a few times, rather than leave a scaled workload to the engine's slower retries.
        if (code != ClusterCalls.CONFLICT || attempt == CONFLICT_ATTEMPTS) {
          throw ClusterCalls.failure(context, "scale", ref, e);
        }
      }
    }
  }

  /** How many times a scale patch is sent when the workload changed under it (HTTP 409). */
  private static final int CONFLICT_ATTEMPTS = 5;

  private static Optional<GenericKubernetesResource> current(AttackContext context, Fault fault)
      throws AttackException {
    GenericKubernetesResource object;
    try {
      object = FaultMarks.resource(context, fault.object()).get();
    } catch (KubernetesClientException e) {
      throw ClusterCalls.failure(context, "read", fault.object(), e);
    }
    String uid = fault.data(PodLookup.UID, "");
    if (object == null || (!uid.isEmpty() && !uid.equals(object.getMetadata().getUid()))) {
      return Optional.empty();
    }
    return Optional.of(object);
  }

  private static int replicas(HasMetadata workload) {
    Integer replicas =
        switch (workload) {
          case Deployment d -> d.getSpec() == null ? null : d.getSpec().getReplicas();
          case StatefulSet s -> s.getSpec() == null ? null : s.getSpec().getReplicas();
          default -> null;
        };
    return replicas == null ? 1 : replicas;
  }

  private static int number(Object value, int fallback) {
    return value instanceof Number n ? n.intValue() : fallback;
  }
}
