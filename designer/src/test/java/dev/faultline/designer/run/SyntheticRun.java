package dev.faultline.designer.run;

import dev.faultline.attack.Fault;
import dev.faultline.attack.ObjectRef;
import dev.faultline.cluster.snapshot.ContainerView;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.cluster.snapshot.StaticSnapshot;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.Verdict;
import dev.faultline.probe.ProbeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Events of a made-up game-day run and pods to go with them, for the run parts' tests. */
public final class SyntheticRun {
  public static final String RUN = "run-1";
  public static final String POD_A = "shop/checkout-7d9f5c-abcde";
  public static final String POD_B = "shop/checkout-7d9f5c-fghij";

  private SyntheticRun() {}

  public static long s(double seconds) {
    return (long) (seconds * 1e9);
  }

  public static Fault fault(String id, String step, String pod, String action, boolean reversible) {
    String[] parts = pod.split("/");
    return new Fault(
        id,
        RUN,
        step,
        "process.signal",
        "faultline-sandbox",
        ObjectRef.container(parts[0], parts[1], "app"),
        action,
        reversible,
        Map.of());
  }

  public static ProbeSample pass(String message) {
    return ProbeSample.pass(12, Duration.ofMillis(12), message);
  }

  public static ProbeSample fail(String message) {
    return ProbeSample.fail(Double.NaN, Duration.ofMillis(1200), message);
  }

  /**
   * Freeze two checkout pods at 2 s (rolled back at 20 s), a probe that fails 6–14 s, a gate
   * 'go-ahead' waiting 21–27 s continued by alice, a kill at 28 s, a note at 24 s, a halt at 40 s.
   */
  public static List<RunEvent> events() {
    Fault freezeA =
        fault("freeze#1", "freeze", POD_A, "SIGSTOP /java/ in " + POD_A + " [app]", true);
    Fault freezeB =
        fault("freeze#2", "freeze", POD_B, "SIGSTOP /java/ in " + POD_B + " [app]", true);
    Fault kill = fault("kill#1", "kill", POD_A, "SIGKILL /java/ in " + POD_A + " [app]", false);
    List<RunEvent> events = new ArrayList<>();
    events.add(
        new RunEvent.RunStarted(
            RUN,
            0,
            Instant.parse("2025-01-01T10:00:00Z"),
            "checkout-freeze-and-recover",
            "faultline-sandbox",
            false,
            List.of("freeze", "until-unhealthy", "go-ahead", "kill", "until-recovered")));
    events.add(new RunEvent.StepStarted(RUN, s(1), "freeze", "attack", "Freeze checkout"));
    events.add(
        new RunEvent.TargetsResolved(
            RUN, s(1.2), "freeze", "checkout", List.of(POD_A, POD_B), 4, List.of()));
    events.add(new RunEvent.FaultApplied(RUN, s(2), freezeA));
    events.add(new RunEvent.FaultApplied(RUN, s(2.1), freezeB));
    events.add(new RunEvent.StepSucceeded(RUN, s(2.2), "freeze", "2 faults applied"));
    events.add(
        new RunEvent.StepStarted(RUN, s(2.3), "until-unhealthy", "probe", "Until unhealthy"));
    for (double t = 3; t < 20; t += 0.5) {
      boolean ok = t < 6 || t >= 14;
      events.add(
          new RunEvent.ProbeSampled(
              RUN,
              s(t),
              "checkout-http",
              ok ? pass("HTTP 200 in 12 ms") : fail("HTTP 503 in 1.2 s")));
    }
    events.add(new RunEvent.StepSucceeded(RUN, s(6.2), "until-unhealthy", "failing as expected"));
    events.sort(java.util.Comparator.comparingLong(RunEvent::nanos));
    events.add(new RunEvent.FaultRolledBack(RUN, s(20), freezeA));
    events.add(new RunEvent.FaultRolledBack(RUN, s(20.1), freezeB));
    events.add(new RunEvent.StepStarted(RUN, s(21), "go-ahead", "gate", "Go ahead?"));
    events.add(new RunEvent.GateWaiting(RUN, s(21), "go-ahead", "Kill the frozen JVMs?"));
    events.add(new RunEvent.NoteAdded(RUN, s(24), "bob", "latency alert fired in #oncall"));
    events.add(new RunEvent.GateAnswered(RUN, s(27), "go-ahead", true, "alice"));
    events.add(new RunEvent.StepSucceeded(RUN, s(27.1), "go-ahead", "continued by alice"));
    events.add(new RunEvent.StepStarted(RUN, s(28), "kill", "attack", "Kill checkout"));
    events.add(new RunEvent.FaultApplied(RUN, s(28.5), kill));
    events.add(new RunEvent.StepSucceeded(RUN, s(29), "kill", ""));
    events.add(
        new RunEvent.StepStarted(RUN, s(29.5), "until-recovered", "probe", "Until recovered"));
    events.add(new RunEvent.StepFailed(RUN, s(40), "until-recovered", "still failing after 10 s"));
    events.add(new RunEvent.Halted(RUN, s(40), "probe checkout-http failed 5 times"));
    events.add(new RunEvent.RunFinished(RUN, s(41), Verdict.FAILED, "until-recovered failed", 0));
    return events;
  }

  /**
   * A multi-cluster run on {@code east}: a probe step resolves one pod in east, the freeze two in
   * {@code west}, one of them with the same {@code namespace/name} as east's; the freeze's faults
   * live in west and are rolled back there.
   */
  public static List<RunEvent> multiCluster() {
    Fault freezeA = inWest(fault("freeze#1", "freeze", POD_A, "SIGSTOP /java/ in " + POD_A, true));
    Fault freezeB = inWest(fault("freeze#2", "freeze", POD_B, "SIGSTOP /java/ in " + POD_B, true));
    return List.of(
        new RunEvent.RunStarted(
            RUN,
            0,
            Instant.parse("2025-01-01T10:00:00Z"),
            "freeze-west-watch-east",
            "east",
            false,
            List.of("watch", "freeze")),
        new RunEvent.TargetsResolved(
            RUN, s(0.5), "watch", "checkout-east", List.of(POD_A), 3, List.of(), "east"),
        new RunEvent.StepStarted(RUN, s(1), "freeze", "attack", "Freeze checkout in west"),
        new RunEvent.TargetsResolved(
            RUN, s(1.2), "freeze", "checkout-west", List.of(POD_A, POD_B), 3, List.of(), "west"),
        new RunEvent.FaultApplied(RUN, s(2), freezeA),
        new RunEvent.FaultApplied(RUN, s(2.1), freezeB),
        new RunEvent.StepSucceeded(RUN, s(2.2), "freeze", "2 faults applied"),
        new RunEvent.FaultRolledBack(RUN, s(5), freezeA),
        new RunEvent.FaultRolledBack(RUN, s(5.1), freezeB),
        new RunEvent.RunFinished(RUN, s(6), Verdict.PASSED, "", 0));
  }

  private static Fault inWest(Fault f) {
    return new Fault(
        f.id(),
        f.runId(),
        f.stepId(),
        f.attackId(),
        "west",
        f.object(),
        f.action(),
        f.reversible(),
        f.data());
  }

  /** The events up to and including run time {@code nanos}. */
  public static List<RunEvent> until(long nanos) {
    return events().stream().filter(e -> e.nanos() <= nanos).toList();
  }

  public static PodView pod(String key, boolean ready, int restarts) {
    String[] parts = key.split("/");
    return new PodView(
        parts[0],
        parts[1],
        "uid-" + parts[1],
        Map.of("app", "checkout"),
        Map.of(),
        "Running",
        ready,
        false,
        "node-1",
        "ReplicaSet",
        "checkout-7d9f5c",
        "Deployment",
        "checkout",
        List.of(new ContainerView("app", ready, "running", restarts)));
  }

  public static StaticSnapshot snapshot(long version, PodView... pods) {
    return new StaticSnapshot(version, List.of(), List.of(pods), List.of(), List.of());
  }
}
