package dev.faultline.attack;

import dev.faultline.cluster.AccessCheck;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code k8s.container.kill}: sends SIGKILL (or SIGTERM) to the main process, PID 1, of each
 * selected container with {@code kill} through exec; the kubelet restarts the container. Not
 * reversible.
 *
 * <p>On a real node the kernel ignores signals sent from inside a container to its own PID 1 unless
 * that process handles them; SIGKILL never can be handled. Images whose PID 1 is an init such as
 * tini or dumb-init, or a shell, forward or act on SIGTERM. The container needs a {@code kill}
 * executable (a shell builtin is not enough).
 */
public final class ContainerKillExecutor implements AttackExecutor {
  public static final String ID = "k8s.container.kill";
  private static final String SIGNAL = "signal";
  private static final String RESTARTS = "restarts";

  @Override
  public String attackId() {
    return ID;
  }

  @Override
  public List<AccessCheck> accessNeeds(AttackRequest request) {
    var checks = new ArrayList<AccessCheck>();
    for (String namespace : TargetNamespaces.of(request)) {
      checks.add(AccessCheck.of("get", "", "pods", namespace));
      checks.add(new AccessCheck("create", "", "pods", "exec", namespace));
    }
    return checks;
  }

  @Override
  public List<Fault> prepare(AttackRequest request, AttackContext context) throws AttackException {
    String signal = request.params().string(SIGNAL).toUpperCase(Locale.ROOT);
    var maker = new FaultMaker(request, context, ID);
    var faults = new ArrayList<Fault>();
    for (PodLookup.SelectedContainer target : PodLookup.selectedContainers(request)) {
      ObjectRef ref = target.ref();
      faults.add(
          maker.make(
              ref,
              signal + " the main process (PID 1) of " + ref.display(),
              false,
              Map.of(
                  PodLookup.UID,
                  target.podUid(),
                  SIGNAL,
                  signal,
                  RESTARTS,
                  String.valueOf(target.restarts()))));
    }
    return faults;
  }

  @Override
  public void apply(Fault fault, AttackContext context) throws AttackException {
    PodLookup.require(context, fault, "kill");
    List<String> argv = List.of("kill", Signals.flag(fault.data(SIGNAL, "SIGKILL")), "1");
    PodExec.Result result = PodExec.run(context, fault.object(), argv);
    if (!result.ok()) {
      throw PodExec.failed(fault.object(), argv, result);
    }
  }

  @Override
  public FaultStatus status(Fault fault, AttackContext context) {
    return SafeStatus.of(
        fault,
        () -> {
          var found = PodLookup.current(context, fault, "read");
          if (found.isEmpty()) {
            return FaultStatus.gone(fault.object().display() + " is gone");
          }
          Pod pod = found.get();
          int before = Integer.parseInt(fault.data(RESTARTS, "0"));
          int now = PodLookup.restarts(pod, fault.object().container());
          return now > before
              ? new FaultStatus(
                  FaultStatus.State.RECOVERED,
                  "container restarted (restart count " + before + " → " + now + ")")
              : FaultStatus.active("waiting for the container to restart");
        });
  }

  /** Nothing to undo: the kubelet restarts the container. */
  @Override
  public void rollback(Fault fault, AttackContext context) {}
}
