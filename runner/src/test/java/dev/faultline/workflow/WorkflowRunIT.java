package dev.faultline.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.AttackExecutors;
import dev.faultline.attack.ManifestExecutor;
import dev.faultline.attack.ObjectRef;
import dev.faultline.safety.Cleanup;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxClients;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflows run on the sandbox through {@link WorkflowRun}: the corpus workflows are accomplished
 * with the node phases and chaos objects Chaos Mesh would show, a failing status check aborts, stop
 * and a crash's cleanup delete the Workflow and what it created.
 */
class WorkflowRunIT {
  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withTimings(ControllerTimings.FAST));
    client = SandboxClients.connect(sandbox);
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  /** The corpus file with every {@code deadline} divided by {@code factor}, so a test is quick. */
  private static String scaled(String file, int factor) throws Exception {
    Matcher m = Pattern.compile("deadline: (\\d+)s").matcher(corpus(file));
    var sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, "deadline: " + Long.parseLong(m.group(1)) * 1000 / factor + "ms");
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** A Chaos Mesh example copied unchanged into the test resources (see its licence header). */
  static String corpus(String file) throws java.io.IOException {
    try (var in = WorkflowRunIT.class.getResourceAsStream("/chaos-mesh/" + file)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static WorkflowRun run(WorkflowDocument workflow, String runId) {
    return new WorkflowRun(
        client, "faultline-sandbox", dir.resolve("state"), workflow, runId, Duration.ofSeconds(10));
  }

  private static List<GenericKubernetesResource> labelled(String kind, String ns, String wf) {
    return client
        .genericKubernetesResources("chaos-mesh.org/v1alpha1", kind)
        .inNamespace(ns)
        .withLabel("chaos-mesh.org/workflow", wf)
        .list()
        .getItems();
  }

  /** Records the states a run publishes, plus what was in the cluster at each one. */
  private static final class Recorder implements WorkflowListener {
    final List<WorkflowState> states = new CopyOnWriteArrayList<>();
    final List<String> chaosSeen = new CopyOnWriteArrayList<>();
    final String namespace;
    final String kind;

    Recorder(String namespace, String kind) {
      this.namespace = namespace;
      this.kind = kind;
    }

    @Override
    public void onState(WorkflowState state) {
      states.add(state);
      if (kind != null) {
        labelled(kind, namespace, state.workflow())
            .forEach(o -> chaosSeen.add(o.getMetadata().getName()));
      }
    }
  }

  private static void assertNothingLeft(String namespace, String workflow) throws Exception {
    assertThat(
            client
                .genericKubernetesResources("chaos-mesh.org/v1alpha1", "Workflow")
                .inNamespace(namespace)
                .withName(workflow)
                .get())
        .isNull();
    for (String kind :
        List.of("WorkflowNode", "NetworkChaos", "StressChaos", "PodChaos", "Schedule")) {
      assertThat(labelled(kind, namespace, workflow)).as(kind).isEmpty();
    }
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }

  @Test
  void serialCorpusWorkflowIsAccomplishedNodeByNode() throws Exception {
    // The corpus selects app=hello-kubernetes; the sandbox's checkout pods stand in for it.
    String text = scaled("workflow-serial.yaml", 10).replace("hello-kubernetes", "checkout");
    WorkflowDocument workflow = WorkflowDocument.parse(text, "serial.yaml", "shop");
    WorkflowRun run = run(workflow, "wf-serial");
    assertThat(run.preflight()).isEmpty();
    var recorder = new Recorder("shop", "NetworkChaos");

    WorkflowOutcome outcome = run.run(recorder);

    WorkflowState last = outcome.state();
    assertThat(last.phase()).isEqualTo(WorkflowPhase.ACCOMPLISHED);
    assertThat(outcome.cleanedUp()).isTrue();
    assertThat(outcome.succeeded()).isTrue();
    assertThat(last.nodes())
        .extracting(WorkflowNodeView::template, WorkflowNodeView::depth, WorkflowNodeView::phase)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("the-entry", 0, NodePhase.ACCOMPLISHED),
            org.assertj.core.groups.Tuple.tuple(
                "workflow-stress-chaos", 1, NodePhase.DEADLINE_EXCEEDED),
            org.assertj.core.groups.Tuple.tuple(
                "prefix-suspending", 1, NodePhase.DEADLINE_EXCEEDED),
            org.assertj.core.groups.Tuple.tuple(
                "workflow-network-chaos", 1, NodePhase.DEADLINE_EXCEEDED),
            org.assertj.core.groups.Tuple.tuple(
                "suffix-suspending", 1, NodePhase.DEADLINE_EXCEEDED),
            org.assertj.core.groups.Tuple.tuple(
                "workflow-pod-chaos", 1, NodePhase.DEADLINE_EXCEEDED));
    WorkflowNodeView network = last.nodeOfTemplate("workflow-network-chaos").orElseThrow();
    assertThat(network.chaos()).isEqualTo("NetworkChaos/" + network.name());
    assertThat(last.nodeOfTemplate("workflow-pod-chaos").orElseThrow().chaos())
        .startsWith("Schedule/");
    // Serial: each child starts when the one before it ended.
    for (int i = 2; i < last.nodes().size(); i++) {
      assertThat(last.nodes().get(i).start()).isAfterOrEqualTo(last.nodes().get(i - 1).end());
    }
    // The NetworkChaos existed while its node ran, and was deleted at its deadline, before the end.
    assertThat(recorder.chaosSeen).contains(network.name());
    WorkflowState afterNetwork =
        recorder.states.stream()
            .filter(
                s ->
                    s.nodeOfTemplate("suffix-suspending")
                        .map(n -> n.phase() == NodePhase.RUNNING)
                        .orElse(false))
            .findFirst()
            .orElseThrow();
    assertThat(afterNetwork.phase()).isEqualTo(WorkflowPhase.RUNNING);
    assertThat(recorder.states.getFirst().phase()).isEqualTo(WorkflowPhase.PENDING);
    assertNothingLeft("shop", workflow.name());
  }

  @Test
  void statusCheckCorpusWorkflowRunsItsCheckBesideTheChaos() throws Exception {
    String text = scaled("workflow-status-check.yaml", 5);
    WorkflowDocument workflow = WorkflowDocument.parse(text, "status-check.yaml", "shop");
    var recorder = new Recorder("shop", "StatusCheck");

    WorkflowOutcome outcome = run(workflow, "wf-status-check").run(recorder);

    WorkflowState last = outcome.state();
    assertThat(last.phase()).isEqualTo(WorkflowPhase.ACCOMPLISHED);
    WorkflowNodeView check = last.nodeOfTemplate("workflow-status-check").orElseThrow();
    // 123.123.123.123 does not answer, but one failed check is below the threshold of 3.
    assertThat(check.phase()).isEqualTo(NodePhase.DEADLINE_EXCEEDED);
    assertThat(check.chaos()).isEqualTo("StatusCheck/" + check.name());
    assertThat(recorder.chaosSeen).contains(check.name());
    assertThat(last.nodeOfTemplate("workflow-network-chaos").orElseThrow().phase())
        .isEqualTo(NodePhase.DEADLINE_EXCEEDED);
    assertThat(last.nodes().get(0).type()).isEqualTo("Parallel");
    assertNothingLeft("shop", workflow.name());
  }

  private static WorkflowDocument checkWorkflow(
      String name, String mode, String url, boolean partition) throws WorkflowException {
    String yaml =
        """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: Workflow
        metadata: {name: NAME}
        spec:
          entry: entry
          templates:
            - name: entry
              templateType: Parallel
              deadline: 30s
              children: [CHILDREN]
            - name: health
              templateType: StatusCheck
              deadline: 30s
              abortWithStatusCheck: true
              statusCheck:
                mode: MODE
                type: HTTP
                intervalSeconds: 1
                failureThreshold: 2
                http: {url: "URL", method: GET, criteria: {statusCode: "200-299"}}
            - name: cut-checkout
              templateType: NetworkChaos
              deadline: 30s
              networkChaos:
                action: partition
                mode: all
                selector: {labelSelectors: {app: checkout}}
        """
            .replace("NAME", name)
            .replace("MODE", mode)
            .replace("URL", url)
            .replace("CHILDREN", partition ? "cut-checkout, health" : "health");
    return WorkflowDocument.parse(yaml, name, "shop");
  }

  @Test
  void aFailingStatusCheckAbortsTheWorkflowAndItsChaos() throws Exception {
    WorkflowDocument workflow =
        checkWorkflow("wf-abort", "Continuous", "http://checkout.shop/api/orders", true);
    var recorder = new Recorder("shop", "NetworkChaos");
    long start = System.nanoTime();

    WorkflowOutcome outcome = run(workflow, "wf-abort").run(recorder);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    WorkflowState last = outcome.state();
    assertThat(last.phase()).isEqualTo(WorkflowPhase.ABORTED);
    assertThat(last.message()).contains("health").contains("503");
    assertThat(last.nodeOfTemplate("health").orElseThrow().phase()).isEqualTo(NodePhase.ABORTED);
    assertThat(last.nodeOfTemplate("cut-checkout").orElseThrow().phase())
        .isEqualTo(NodePhase.ABORTED);
    assertThat(recorder.chaosSeen).isNotEmpty();
    assertThat(outcome.succeeded()).isFalse();
    assertNothingLeft("shop", workflow.name());
  }

  @Test
  void aSynchronousCheckOfAHealthyServiceSucceeds() throws Exception {
    WorkflowDocument workflow =
        checkWorkflow("wf-healthy", "Synchronous", "http://checkout.shop/health", false);

    WorkflowOutcome outcome = run(workflow, "wf-healthy").run(new Recorder("shop", null));

    assertThat(outcome.state().phase()).isEqualTo(WorkflowPhase.ACCOMPLISHED);
    assertThat(outcome.state().nodeOfTemplate("health").orElseThrow().phase())
        .isEqualTo(NodePhase.ACCOMPLISHED);
    assertThat(outcome.succeeded()).isTrue();
  }

  private static WorkflowDocument longChaos(String name) throws WorkflowException {
    return WorkflowDocument.parse(
        """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: Workflow
        metadata: {name: NAME, namespace: shop}
        spec:
          entry: entry
          templates:
            - {name: entry, templateType: Serial, children: [slow]}
            - name: slow
              templateType: NetworkChaos
              deadline: 10m
              networkChaos:
                action: delay
                mode: all
                selector: {labelSelectors: {app: checkout}}
                delay: {latency: 300ms}
        """
            .replace("NAME", name),
        name,
        null);
  }

  @Test
  void stopDeletesTheWorkflowAndTheChaosItCreated() throws Exception {
    WorkflowDocument workflow = longChaos("wf-stop");
    WorkflowRun run = run(workflow, "wf-stop");
    var recorder = new Recorder("shop", "NetworkChaos");
    CompletableFuture<WorkflowOutcome> result =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return run.run(recorder);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (recorder.chaosSeen.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(recorder.chaosSeen).isNotEmpty();

    run.stop("test stop");
    WorkflowOutcome outcome = result.get(30, TimeUnit.SECONDS);

    assertThat(outcome.state().phase()).isEqualTo(WorkflowPhase.STOPPED);
    assertThat(outcome.state().message()).isEqualTo("test stop");
    assertThat(outcome.state().nodeOfTemplate("slow").orElseThrow().phase())
        .isEqualTo(NodePhase.RUNNING);
    assertThat(outcome.cleanedUp()).isTrue();
    assertNothingLeft("shop", workflow.name());
  }

  @Test
  void aStopDuringAnApiOutageDeletesTheWorkflowOnceTheApiIsBack() throws Exception {
    WorkflowDocument workflow = longChaos("wf-outage");
    WorkflowRun run = run(workflow, "wf-outage");
    var recorder = new Recorder("shop", "NetworkChaos");
    CompletableFuture<WorkflowOutcome> result =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return run.run(recorder);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (recorder.chaosSeen.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(recorder.chaosSeen).isNotEmpty();

    sandbox.stopApi();
    try {
      run.stop("outage test");
      Thread.sleep(1500); // deleting fails meanwhile and is retried
      assertThat(result).isNotDone();
    } finally {
      sandbox.startApi();
    }
    WorkflowOutcome outcome = result.get(30, TimeUnit.SECONDS);

    assertThat(outcome.cleanedUp()).as(outcome.cleanupMessage()).isTrue();
    assertNothingLeft("shop", workflow.name());
  }

  @Test
  void aWorkflowLeftByACrashIsDeletedByCleanupWithItsChaos() throws Exception {
    WorkflowDocument workflow = longChaos("wf-crash");
    WorkflowRun run = run(workflow, "wf-crash");
    run.journalAndApply();
    run.closeJournal(); // the process dies: the journal keeps the open fault
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (labelled("NetworkChaos", "shop", "wf-crash").isEmpty() && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(labelled("NetworkChaos", "shop", "wf-crash")).hasSize(1);

    var report =
        new Cleanup(dir.resolve("state"), AttackExecutors.builtIn())
            .run(Cleanup.Options.journalsOnly(), context -> new Cleanup.Cluster(client, true));

    assertThat(report.clean()).as(report.toString()).isTrue();
    until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!labelled("NetworkChaos", "shop", "wf-crash").isEmpty() && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertNothingLeft("shop", "wf-crash");
  }

  @Test
  void aCrashBetweenJournalAndCreateLeavesNothingForCleanupToFail() throws Exception {
    var body = longChaos("wf-never").body();
    var fault =
        ManifestExecutor.creation(
            "workflow#1",
            "wf-never",
            "workflow",
            "faultline-sandbox",
            new ObjectRef("chaos-mesh.org/v1alpha1", "Workflow", "shop", "wf-never", ""),
            body);
    try (var journal =
        FileRollbackJournal.create(dir.resolve("state"), "wf-never", "wf", "faultline-sandbox")) {
      journal.record(fault);
    }
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).hasSize(1);

    var report =
        new Cleanup(dir.resolve("state"), AttackExecutors.builtIn())
            .run(Cleanup.Options.journalsOnly(), context -> new Cleanup.Cluster(client, true));

    assertThat(report.clean()).as(report.toString()).isTrue();
    assertNothingLeft("shop", "wf-never");
  }

  @Test
  void preflightSaysChaosMeshIsMissing() throws Exception {
    try (var bare =
            Sandbox.start(
                SandboxOptions.defaults()
                    .withKubeconfig(dir.resolve("bare-kubeconfig"))
                    .withDemoServices(false)
                    .withoutChaosMesh());
        var bareClient = SandboxClients.connect(bare)) {
      var problems =
          new WorkflowRun(
                  bareClient,
                  "bare",
                  dir.resolve("state"),
                  longChaos("wf-bare"),
                  "wf-bare",
                  Duration.ofSeconds(1))
              .preflight();
      assertThat(problems).singleElement().asString().contains("Chaos Mesh is not installed");
    }
  }
}
