package dev.faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.AccessCheck;
import dev.faultline.model.Experiment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A run over two contexts with fake executors: the other context is opened once at start, the
 * attacks on its targets get its attack context (so faults record and roll back there), and a
 * context that cannot be opened or that denies a permission stops the run before anything is
 * applied, naming the context.
 */
class EngineMultiClusterTest {
  private static final String TWO_CONTEXTS =
      """
      targets:
        here: {namespaces: [test]}
        there: {context: west, namespaces: [test]}
      steps:
        - {id: local, attack: test.fault, target: here}
        - {id: remote, after: [local], attack: test.fault, target: there, with: {faults: 2}}
      """;

  private final EngineHarness h = new EngineHarness();
  private final List<String> opened = new CopyOnWriteArrayList<>();
  private volatile List<String> deniedInWest = List.of();

  private RunEnvironment environment(RunEnvironment.ContextOpener opener) {
    return h.environment().withOthers(opener);
  }

  private RunEnvironment west(String name) {
    opened.add(name);
    RunEnvironment base = h.environment();
    return new RunEnvironment(
        base.catalog(),
        base.attacks(),
        base.probes(),
        null,
        name,
        base.snapshots(),
        base.journals(),
        checks -> deniedInWest,
        base.environment());
  }

  private RunResult run(RunEnvironment env) throws InterruptedException {
    Experiment experiment = EngineHarness.experiment(TWO_CONTEXTS);
    return new Engine(env)
        .start(experiment, h.options, h.seen::add)
        .await(Duration.ofSeconds(30))
        .orElseThrow();
  }

  @Test
  void faultsOnATargetInAnotherContextAreMadeAndRolledBackThere() throws Exception {
    RunResult result = run(environment(this::west));

    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
    assertThat(opened).containsExactly("west");
    assertThat(h.events(RunEvent.FaultApplied.class))
        .extracting(e -> e.fault().stepId() + "@" + e.fault().context())
        .containsExactly("local@test-context", "remote@west", "remote@west");
    assertThat(h.events(RunEvent.FaultRolledBack.class))
        .extracting(e -> e.fault().context())
        .containsExactly("west", "west", "test-context");
    assertThat(h.events(RunEvent.TargetsResolved.class))
        .extracting(RunEvent.TargetsResolved::context)
        .containsExactly("test-context", "west");
    assertThat(h.events(RunEvent.StepStarted.class))
        .extracting(RunEvent.StepStarted::title)
        .containsExactly("test.fault on here", "test.fault on there in west");
  }

  @Test
  void aContextThatCannotBeOpenedStopsTheRunBeforeAnythingIsApplied() throws Exception {
    RunResult result =
        run(
            environment(
                name -> {
                  throw new IllegalArgumentException("no kubeconfig context '" + name + "'");
                }));

    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.reason())
        .isEqualTo(
            "cannot connect to context 'west', which the experiment names: no kubeconfig"
                + " context 'west'");
    assertThat(h.log.only("apply")).isEmpty();
  }

  @Test
  void aPermissionDeniedInTheOtherContextNamesThatContext() throws Exception {
    h.attack.needs = List.of(AccessCheck.of("delete", "", "pods", "test"));
    deniedInWest = List.of("cannot delete pods in test");

    RunResult result = run(environment(this::west));

    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.reason())
        .isEqualTo(
            "missing permissions on context 'west', nothing was applied: cannot delete pods in"
                + " test");
    assertThat(h.log.only("apply")).isEmpty();
  }

  @Test
  void aSingleClusterRunNeverOpensAnotherContext() throws Exception {
    RunResult result =
        new Engine(environment(this::west))
            .start(
                EngineHarness.experiment(
                    """
                    targets:
                      here: {namespaces: [test]}
                    steps:
                      - {id: local, attack: test.fault, target: here}
                    """),
                h.options,
                h.seen::add)
            .await(Duration.ofSeconds(30))
            .orElseThrow();

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(opened).isEmpty();
  }
}
