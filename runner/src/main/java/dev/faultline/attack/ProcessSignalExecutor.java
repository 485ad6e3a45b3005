package dev.faultline.attack;

import dev.faultline.cluster.AccessCheck;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code process.signal}: sends a signal to the processes whose command line matches the step's
 * regex, in each selected container, with {@code pkill -SIGNAL -f REGEX} through exec. One fault
 * per container. A container where nothing matches is left as it is (exit code 1 of pkill): a
 * target may select a sidecar next to the process it means.
 *
 * <p>SIGSTOP is the one reversible signal: the pod carries the fault in its {@link FaultMarks
 * annotations} while the processes are stopped, and rollback sends SIGCONT to the same pattern and
 * removes the mark. A pod that is gone, replaced, or whose container restarted has nothing left to
 * continue.
 *
 * <p>The container needs {@code pkill} (procps or BusyBox). On a real node a process that is the
 * container's PID 1 ignores signals it has no handler for when they come from inside the container,
 * which includes SIGSTOP and SIGKILL.
 */
public final class ProcessSignalExecutor implements AttackExecutor {
  public static final String ID = "process.signal";
  private static final String SIGNAL = "signal";
  private static final String PROCESS = "process";
  private static final String RESTARTS = "restarts";
  private static final String STOP = "SIGSTOP";

  @Override
  public String attackId() {
    return ID;
  }

  @Override
  public List<AccessCheck> accessNeeds(AttackRequest request) {
    boolean stop = STOP.equalsIgnoreCase(request.params().optionalString(SIGNAL).orElse(""));
    var checks = new ArrayList<AccessCheck>();
    for (String namespace : TargetNamespaces.of(request)) {
      checks.add(AccessCheck.of("get", "", "pods", namespace));
      checks.add(new AccessCheck("create", "", "pods", "exec", namespace));
      if (stop) {
        checks.add(AccessCheck.of("patch", "", "pods", namespace));
      }
    }
    return checks;
  }

  @Override
  public List<Fault> prepare(AttackRequest request, AttackContext context) throws AttackException {
    String signal = request.params().string(SIGNAL).toUpperCase(Locale.ROOT);
    String process = request.params().string(PROCESS);
    var maker = new FaultMaker(request, context, ID);
    var faults = new ArrayList<Fault>();
    for (PodLookup.SelectedContainer target : PodLookup.selectedContainers(request)) {
      ObjectRef ref = target.ref();
      faults.add(
          maker.make(
              ref,
              signal + " processes matching /" + process + "/ in " + ref.display(),
              signal.equals(STOP),
              Map.of(
                  PodLookup.UID,
                  target.podUid(),
                  SIGNAL,
                  signal,
                  PROCESS,
                  process,
                  RESTARTS,
                  String.valueOf(target.restarts()))));
    }
    return faults;
  }

  @Override
  public void apply(Fault fault, AttackContext context) throws AttackException {
    PodLookup.require(context, fault, "signal processes in");
    String uid = fault.data(PodLookup.UID, "");
    if (fault.reversible()) {
      FaultMarks.add(context, fault, uid);
    }
    try {
      signal(context, fault, fault.data(SIGNAL, STOP));
    } catch (AttackException e) {
      if (fault.reversible()) {
        unmarkQuietly(context, fault, uid);
      }
      throw e;
    }
  }

  @Override
  public FaultStatus status(Fault fault, AttackContext context) {
    return SafeStatus.of(
        fault,
        () -> {
          Optional<Pod> found = PodLookup.current(context, fault, "read");
          if (found.isEmpty()) {
            return FaultStatus.gone(fault.object().display() + " is gone");
          }
          Pod pod = found.get();
          String container = fault.object().container();
          int before = Integer.parseInt(fault.data(RESTARTS, "0"));
          int now = PodLookup.restarts(pod, container);
          if (now > before) {
            return new FaultStatus(
                FaultStatus.State.RECOVERED,
                "container restarted (restart count " + before + " → " + now + ")");
          }
          boolean ready =
              PodLookup.container(pod, container).map(ContainerStatus::getReady).orElse(false);
          return FaultStatus.active(
              fault.data(SIGNAL, STOP)
                  + " sent to /"
                  + fault.data(PROCESS, "")
                  + "/; container "
                  + (ready ? "ready" : "not ready"));
        });
  }

  @Override
  public void rollback(Fault fault, AttackContext context) throws AttackException {
    if (!fault.reversible()) {
      return;
    }
    Optional<Pod> pod = PodLookup.current(context, fault, "continue processes in");
    if (pod.isEmpty()) {
      return; // the stopped processes went with the pod, and so did the mark
    }
    if (PodLookup.running(pod.get())) {
      try {
        signal(context, fault, "SIGCONT");
      } catch (TargetGoneException gone) {
        return;
      }
    }
    FaultMarks.remove(context, fault, fault.data(PodLookup.UID, ""));
  }

  /** Runs pkill; no matching process (exit code 1) is not an error. */
  private static void signal(AttackContext context, Fault fault, String signal)
      throws AttackException {
    List<String> argv = List.of("pkill", Signals.flag(signal), "-f", fault.data(PROCESS, ""));
    PodExec.Result result = PodExec.run(context, fault.object(), argv);
    if (result.exitCode() != 0 && result.exitCode() != 1) {
      throw PodExec.failed(fault.object(), argv, result);
    }
  }

  private static void unmarkQuietly(AttackContext context, Fault fault, String uid) {
    try {
      FaultMarks.remove(context, fault, uid);
    } catch (AttackException ignored) {
      // Best effort: the mark only helps cleanup find the pod; the journal has the fault.
    }
  }
}
