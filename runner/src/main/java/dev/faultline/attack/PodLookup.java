package dev.faultline.attack;

import dev.faultline.target.SelectedPod;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The pods of a Pod-target step, and the pod a fault names as it is now. */
final class PodLookup {
  static final String UID = "uid";

  private PodLookup() {}

  /**
   * The pods the engine selected for the step.
   *
   * @throws AttackException when the request carries no pod resolution
   */
  static List<SelectedPod> selected(AttackRequest request) throws AttackException {
    if (request.pods() == null) {
      throw new AttackException(
          request.step().attack()
              + " in step '"
              + request.step().id()
              + "' needs a Pod target resolved to pods; target '"
              + request.targetName()
              + "' gave none");
    }
    return request.pods().selected();
  }

  /**
   * One selected container of one selected pod, with what faults on it record: the pod's uid (so a
   * replacement pod of the same name is never touched) and the container's restart count now.
   */
  record SelectedContainer(ObjectRef ref, String podUid, int restarts) {}

  /** Every selected container of every selected pod, in the resolution's order. */
  static List<SelectedContainer> selectedContainers(AttackRequest request) throws AttackException {
    var containers = new java.util.ArrayList<SelectedContainer>();
    for (SelectedPod selected : selected(request)) {
      for (String container : selected.containers()) {
        int restarts =
            selected.pod().containers().stream()
                .filter(c -> c.name().equals(container))
                .mapToInt(dev.faultline.cluster.snapshot.ContainerView::restarts)
                .findFirst()
                .orElse(0);
        containers.add(
            new SelectedContainer(
                ObjectRef.container(selected.pod().namespace(), selected.pod().name(), container),
                selected.pod().uid(),
                restarts));
      }
    }
    return containers;
  }

  /**
   * The pod the fault names, if it still exists and is the pod the fault was prepared for (same
   * uid).
   *
   * @param doing for the error message: what was about to be done to the pod
   * @throws AttackException when the API call fails
   */
  static Optional<Pod> current(AttackContext context, Fault fault, String doing)
      throws AttackException {
    ObjectRef ref = fault.object();
    Pod pod;
    try {
      pod = context.client().pods().inNamespace(ref.namespace()).withName(ref.name()).get();
    } catch (KubernetesClientException e) {
      throw ClusterCalls.failure(context, doing, ref, e);
    }
    if (pod == null) {
      return Optional.empty();
    }
    String uid = fault.data(UID, "");
    if (!uid.isEmpty() && !uid.equals(pod.getMetadata().getUid())) {
      return Optional.empty();
    }
    return Optional.of(pod);
  }

  /** The pod, or a {@link TargetGoneException} that says it went away after prepare. */
  static Pod require(AttackContext context, Fault fault, String doing) throws AttackException {
    return current(context, fault, doing)
        .orElseThrow(
            () -> new TargetGoneException(fault.object(), "deleted or replaced after prepare"));
  }

  /** The status of a container of the pod, if the kubelet reported one. */
  static Optional<ContainerStatus> container(Pod pod, String name) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(c -> Objects.equals(c.getName(), name))
        .findFirst();
  }

  /** The restart count of a container, 0 when unknown. */
  static int restarts(Pod pod, String container) {
    return container(pod, container)
        .map(ContainerStatus::getRestartCount)
        .map(Integer::intValue)
        .orElse(0);
  }

  /** Whether the pod is running (exec is possible). */
  static boolean running(Pod pod) {
    return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
  }

  /** Whether deletion of the pod has begun. */
  static boolean terminating(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }
}
