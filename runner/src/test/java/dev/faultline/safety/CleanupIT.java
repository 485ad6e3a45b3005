package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.AttackContext;
import dev.faultline.attack.AttackExecutors;
import dev.faultline.attack.AttackRequest;
import dev.faultline.attack.Fault;
import dev.faultline.attack.chaosmesh.ChaosDefinitions;
import dev.faultline.attack.chaosmesh.ChaosKind;
import dev.faultline.attack.chaosmesh.ChaosMeshExecutor;
import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.ParamValues;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Params;
import dev.faultline.safety.Cleanup.Options;
import dev.faultline.safety.Cleanup.Outcome;
import dev.faultline.safety.Cleanup.Result;
import dev.faultline.safety.Cleanup.Source;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import dev.faultline.target.SelectedPod;
import dev.faultline.target.TargetResolution;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cleanup against the sandbox, with a test-only executor that annotates deployments: leftovers of
 * crashed runs in journals and in the cluster are rolled back, runs in progress are left alone, and
 * a fault whose cluster cannot be reached stays open.
 */
class CleanupIT {
  private static final String CONTEXT = "faultline-sandbox";
  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static KubernetesClient client;

  @TempDir Path state;
  private final AnnotateExecutor executor = new AnnotateExecutor();

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withDemoServices(false)
                .withTimings(ControllerTimings.FAST));
    Config config =
        Config.fromKubeconfig(
            null, Files.readString(sandbox.kubeconfig()), sandbox.kubeconfig().toString());
    config.setRequestRetryBackoffLimit(1);
    client = new KubernetesClientBuilder().withConfig(config).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  private Cleanup cleanup() {
    return new Cleanup(state, new AttackExecutors(List.of(executor)));
  }

  private Cleanup.Cluster connect(String context) {
    if (!context.equals(CONTEXT)) {
      throw new IllegalArgumentException("no kubeconfig context '" + context + "'");
    }
    return new Cleanup.Cluster(client, false);
  }

  private void apply(Fault fault) throws Exception {
    executor.apply(fault, new AttackContext(client, CONTEXT, fault.runId(), null));
  }

  private Map<String, String> annotations(String deployment) {
    Map<String, String> annotations =
        client
            .apps()
            .deployments()
            .inNamespace("shop")
            .withName(deployment)
            .get()
            .getMetadata()
            .getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

  /** A run that recorded and applied its faults, then died (its journal file stays). */
  private Path crashedRun(String runId, Fault... faults) throws Exception {
    Path file;
    try (var journal = FileRollbackJournal.create(state, runId, "checkout-freeze", CONTEXT)) {
      for (Fault fault : faults) {
        journal.record(fault);
        apply(fault);
      }
      file = journal.file();
    }
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor(10, TimeUnit.SECONDS);
    Path active = new ActiveRuns(state).directory();
    Files.createDirectories(active);
    Files.writeString(
        active.resolve(runId + ".json"),
        """
        {"runId":"%s","pid":%d,"host":"%s","context":"%s","experiment":"checkout-freeze",
         "startedAt":"2025-01-01T00:00:00Z","journal":"%s"}
        """
            .formatted(runId, dead.pid(), ActiveRuns.hostName(), CONTEXT, file));
    return file;
  }

  @Test
  void rollsBackJournalAndClusterLeftoversButLeavesRunsInProgressAlone() throws Exception {
    Fault crashed = AnnotateExecutor.fault("crashed-1", "freeze#1", CONTEXT, "checkout");
    Path crashedJournal = crashedRun("crashed-1", crashed);
    // A run whose journal is lost (another machine): only the cluster knows.
    Fault lost = AnnotateExecutor.fault("lost-2", "freeze#1", CONTEXT, "catalog");
    apply(lost);
    // A run in progress in this process: journal held, registered, object marked.
    Fault live = AnnotateExecutor.fault("live-3", "freeze#1", CONTEXT, "cart");
    ActiveRuns runs = new ActiveRuns(state);
    try (var journal = FileRollbackJournal.create(state, "live-3", "other", CONTEXT);
        var registration = runs.register("live-3", CONTEXT, "other", null)) {
      journal.record(live);
      apply(live);
      // An object marked by a run without a fault record.
      client
          .apps()
          .deployments()
          .inNamespace("shop")
          .withName("storefront")
          .edit(
              d -> {
                d.getMetadata().getAnnotations().put(FaultAnnotations.RUN_ID, "ghost-9");
                return d;
              });

      // The start-up warning reads journals only.
      Cleanup.Scan scan = cleanup().scan(null);
      assertThat(scan.leftovers()).extracting(l -> l.fault()).containsExactly(crashed);
      assertThat(scan.active()).containsExactly("live-3");
      assertThat(scan.warnings())
          .containsExactly(
              "1 fault left by run crashed-1 (checkout-freeze) on context faultline-sandbox; run"
                  + " faultline cleanup --context faultline-sandbox");
      assertThat(cleanup().scan("elsewhere").leftovers()).isEmpty();

      // Dry run: finds both, changes nothing.
      var dry =
          cleanup().run(new Options(CONTEXT, true, List.of(CONTEXT), Set.of()), this::connect);
      assertThat(dry.outcomes())
          .extracting(
              o -> o.leftover().fault().runId(), o -> o.leftover().source(), Outcome::result)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("crashed-1", Source.BOTH, Result.WOULD_ROLL_BACK),
              org.assertj.core.groups.Tuple.tuple(
                  "lost-2", Source.CLUSTER, Result.WOULD_ROLL_BACK));
      assertThat(dry.leftOpen()).isEqualTo(2);
      assertThat(executor.rollbacks).hasValue(0);
      assertThat(annotations("checkout")).containsKey(AnnotateExecutor.MARK);

      // The real thing.
      var report =
          cleanup().run(new Options(CONTEXT, false, List.of(CONTEXT), Set.of()), this::connect);
      assertThat(report.outcomes())
          .extracting(o -> o.leftover().fault().runId(), Outcome::result)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("crashed-1", Result.ROLLED_BACK),
              org.assertj.core.groups.Tuple.tuple("lost-2", Result.ROLLED_BACK));
      assertThat(report.outcomes().getFirst().message())
          .isEqualTo(
              "rolled back: annotate checkout on Deployment shop/checkout (run crashed-1, step"
                  + " freeze)");
      assertThat(report.active()).containsExactly("live-3");
      assertThat(report.problems())
          .singleElement()
          .asString()
          .startsWith(
              "Deployment shop/storefront on context faultline-sandbox is marked by run ghost-9")
          .contains("remove the annotation");
      assertThat(report.leftOpen()).isZero();

      assertThat(annotations("checkout"))
          .doesNotContainKeys(AnnotateExecutor.MARK, FaultAnnotations.RUN_ID);
      assertThat(annotations("catalog"))
          .doesNotContainKeys(AnnotateExecutor.MARK, FaultAnnotations.FAULT);
      assertThat(annotations("cart")).containsKey(AnnotateExecutor.MARK);
      assertThat(crashedJournal).doesNotExist();
      assertThat(FileRollbackJournal.doneDirectory(state).resolve("crashed-1.journal")).exists();
      assertThat(
              FileRollbackJournal.read(
                      FileRollbackJournal.doneDirectory(state).resolve("crashed-1.journal"))
                  .outcome("freeze#1"))
          .contains(FileRollbackJournal.ROLLED_BACK);
      assertThat(runs.list()).extracting(ActiveRuns.ActiveRun::runId).containsExactly("live-3");
      assertThat(registration.stopRequested()).isFalse();

      // Again: nothing left but the ghost mark.
      var again =
          cleanup().run(new Options(CONTEXT, false, List.of(CONTEXT), Set.of()), this::connect);
      assertThat(again.outcomes()).isEmpty();
      journal.markDone(live, FileRollbackJournal.ROLLED_BACK);
      executor.rollback(live, new AttackContext(client, CONTEXT, "live-3", null));
    } finally {
      client
          .apps()
          .deployments()
          .inNamespace("shop")
          .withName("storefront")
          .edit(
              d -> {
                d.getMetadata().getAnnotations().remove(FaultAnnotations.RUN_ID);
                return d;
              });
    }
  }

  @Test
  void aFaultWhoseClusterCannotBeReachedStaysOpenUntilTheNextCleanup() throws Exception {
    Fault fault = AnnotateExecutor.fault("crashed-4", "freeze#1", CONTEXT, "checkout");
    Fault elsewhere = AnnotateExecutor.fault("crashed-4", "freeze#2", "prod-eu", "checkout");
    Path journal;
    try (var j = FileRollbackJournal.create(state, "crashed-4", "x", CONTEXT)) {
      j.record(fault);
      apply(fault);
      j.record(elsewhere);
      journal = j.file();
    }
    sandbox.stopApi();
    Cleanup.Report report;
    try {
      report = cleanup().run(Options.journalsOnly(), this::connect);
    } finally {
      sandbox.startApi();
    }
    assertThat(report.outcomes()).extracting(Outcome::result).containsOnly(Result.FAILED);
    assertThat(report.unreachable()).isTrue();
    assertThat(report.leftOpen()).isEqualTo(2);
    assertThat(report.outcomes().get(0).message())
        .startsWith(
            "cannot roll back annotate checkout on Deployment shop/checkout (run crashed-4, step freeze): context prod-eu: no kubeconfig context 'prod-eu'");
    assertThat(report.outcomes().get(1).message())
        .startsWith(
            "could not roll back annotate checkout on Deployment shop/checkout (run crashed-4, step freeze): cannot patch")
        .endsWith(
            "it stays open in the journal, run faultline cleanup again when the cluster is reachable");
    assertThat(FileRollbackJournal.read(journal).open()).containsExactly(fault, elsewhere);

    // Back online: the reachable one is rolled back, the other stays.
    Cleanup.Report later =
        cleanup().run(new Options(CONTEXT, false, List.of(), Set.of()), this::connect);
    assertThat(later.outcomes()).extracting(Outcome::result).containsExactly(Result.ROLLED_BACK);
    assertThat(FileRollbackJournal.read(journal).open()).containsExactly(elsewhere);
    assertThat(annotations("checkout")).doesNotContainKey(AnnotateExecutor.MARK);
    assertThat(cleanup().scan(null).warnings())
        .containsExactly(
            "1 fault left by run crashed-4 (x) on context prod-eu; run faultline cleanup --context"
                + " prod-eu");
  }

  @Test
  void findsAndDeletesAChaosMeshResourceOfARunWhoseJournalIsLost() throws Exception {
    var kind = ChaosKind.TIME;
    var chaos = new ChaosMeshExecutor(kind);
    var pod =
        client.pods().inNamespace("shop").withLabel("app", "cart").list().getItems().getFirst();
    var view =
        new PodView(
            "shop",
            pod.getMetadata().getName(),
            pod.getMetadata().getUid(),
            Map.of(),
            Map.of(),
            "Running",
            true,
            false,
            "",
            "",
            "",
            "",
            "",
            List.of());
    var step =
        new AttackStep(
            "skew",
            List.of(),
            kind.attackId(),
            "cart",
            Params.of(Map.of("timeOffset", "-1h")),
            null,
            null);
    var request =
        new AttackRequest(
            step,
            ParamValues.of(Catalog.builtIn().find(kind.attackId()).orElseThrow(), step.with()),
            "cart",
            null,
            new TargetResolution(
                1,
                1,
                List.of(view),
                List.of(new SelectedPod(view, List.of("app"))),
                List.of(),
                List.of(),
                List.of()),
            null);
    var context = new AttackContext(client, CONTEXT, "lost-chaos-7", null);
    Fault fault = chaos.prepare(request, context).getFirst();
    chaos.apply(fault, context);

    var report =
        new Cleanup(state, new AttackExecutors(List.of(chaos)))
            .run(new Options(CONTEXT, false, List.of(CONTEXT), Set.of()), this::connect);

    assertThat(report.outcomes())
        .extracting(o -> o.leftover().fault(), o -> o.leftover().source(), Outcome::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(fault, Source.CLUSTER, Result.ROLLED_BACK));
    assertThat(
            client
                .genericKubernetesResources(ChaosDefinitions.of(kind))
                .inNamespace("shop")
                .withName(fault.object().name())
                .get())
        .isNull();
  }
}
