package dev.faultline.attack;

import dev.faultline.cluster.AccessCheck;
import dev.faultline.target.SelectedPod;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code k8s.pod.delete}: deletes each selected pod with the step's grace period ({@code 0s}: at
 * once, like a crash). Not reversible; the pod's controller makes a replacement. A pod that was
 * deleted or replaced after prepare is left alone ({@link TargetGoneException}).
 */
public final class PodDeleteExecutor implements AttackExecutor {
  public static final String ID = "k8s.pod.delete";
  private static final String GRACE = "gracePeriodSeconds";

  @Override
  public String attackId() {
    return ID;
  }

  @Override
  public List<AccessCheck> accessNeeds(AttackRequest request) {
    var checks = new ArrayList<AccessCheck>();
    for (String namespace : TargetNamespaces.of(request)) {
      checks.add(AccessCheck.of("get", "", "pods", namespace));
      checks.add(AccessCheck.of("delete", "", "pods", namespace));
    }
    return checks;
  }

  @Override
  public List<Fault> prepare(AttackRequest request, AttackContext context) throws AttackException {
    Duration grace = request.params().optionalDuration("gracePeriod").orElse(Duration.ZERO);
    var maker = new FaultMaker(request, context, ID);
    var faults = new ArrayList<Fault>();
    for (SelectedPod selected : PodLookup.selected(request)) {
      ObjectRef ref = ObjectRef.pod(selected.pod().namespace(), selected.pod().name());
      faults.add(
          maker.make(
              ref,
              "delete " + ref.display() + " (grace period " + grace.toSeconds() + "s)",
              false,
              Map.of(
                  PodLookup.UID, selected.pod().uid(), GRACE, String.valueOf(grace.toSeconds()))));
    }
    return faults;
  }

  @Override
  public void apply(Fault fault, AttackContext context) throws AttackException {
    Pod pod = PodLookup.require(context, fault, "delete");
    ObjectRef ref = fault.object();
    long grace = Long.parseLong(fault.data(GRACE, "0"));
    List<?> deleted;
    try {
      deleted =
          context
              .client()
              .pods()
              .inNamespace(ref.namespace())
              .withName(pod.getMetadata().getName())
              .withGracePeriod(grace)
              .delete();
    } catch (KubernetesClientException e) {
      if (ClusterCalls.notFound(e)) {
        throw new TargetGoneException(ref, "deleted after prepare");
      }
      throw ClusterCalls.failure(context, "delete", ref, e);
    }
    if (deleted.isEmpty()) {
      throw new TargetGoneException(ref, "deleted after prepare");
    }
  }

  @Override
  public FaultStatus status(Fault fault, AttackContext context) {
    return SafeStatus.of(
        fault,
        () ->
            PodLookup.current(context, fault, "read")
                .map(
                    pod ->
                        PodLookup.terminating(pod)
                            ? FaultStatus.active(fault.object().display() + " is terminating")
                            : new FaultStatus(
                                FaultStatus.State.UNKNOWN,
                                fault.object().display() + " still exists"))
                .orElseGet(() -> FaultStatus.gone(fault.object().display() + " is deleted")));
  }

  /** Nothing to undo: the pod's controller replaces it. */
  @Override
  public void rollback(Fault fault, AttackContext context) {}
}
