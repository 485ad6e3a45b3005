package dev.faultline.engine;

import dev.faultline.attack.AttackExecutors;
import dev.faultline.catalog.Catalog;
import dev.faultline.cluster.snapshot.StaticSnapshot;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.probe.ProbeExecutors;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs experiments written as YAML with the fake attack and scripted probe, no cluster. */
final class EngineHarness {
  final ExecutionLog log = new ExecutionLog();
  final FakeAttack attack = new FakeAttack(log);
  final RecordingJournal journal = new RecordingJournal(log);
  final List<RunEvent> seen = new CopyOnWriteArrayList<>();
  volatile List<String> denied = List.of();
  RunOptions options = RunOptions.defaults("test-run").withRollbackDeadline(Duration.ofSeconds(2));

  RunHandle start(String yamlSteps) {
    return new Engine(environment()).start(experiment(yamlSteps), options, seen::add);
  }

  RunResult run(String yamlSteps) throws InterruptedException {
    return start(yamlSteps).await(Duration.ofSeconds(30)).orElseThrow();
  }

  RunEnvironment environment() {
    return new RunEnvironment(
        new Catalog(
            List.of(
                FakeAttack.DESCRIPTOR, ScriptedProbe.DESCRIPTOR, LastingScriptedProbe.DESCRIPTOR)),
        new AttackExecutors(List.of(attack)),
        new ProbeExecutors(List.of(new ScriptedProbe(log), new LastingScriptedProbe(log))),
        null,
        "test-context",
        (namespaces, timeout) -> new StaticSnapshot(1, List.of(), List.of(), List.of(), List.of()),
        runId -> journal,
        checks -> denied,
        name -> null);
  }

  static Experiment experiment(String spec) {
    String text =
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: engine-test
        spec:
        """
            + spec.indent(2);
    var read = new ExperimentReader().read(text, Syntax.YAML);
    return read.experiment().orElseThrow(() -> new AssertionError(read.problems()));
  }

  /** The events of one type, in order. */
  <E extends RunEvent> List<E> events(Class<E> type) {
    return seen.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Waits until the gate asks, failing after 10 s. */
  static void awaitGate(RunHandle run, String id) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!run.waitingGates().contains(id)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("gate " + id + " never waited");
      }
      Thread.sleep(5);
    }
  }
}
