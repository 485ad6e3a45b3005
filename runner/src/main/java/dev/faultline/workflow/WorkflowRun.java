package dev.faultline.workflow;

import dev.faultline.attack.AttackContext;
import dev.faultline.attack.AttackException;
import dev.faultline.attack.Fault;
import dev.faultline.attack.ManifestExecutor;
import dev.faultline.attack.ObjectRef;
import dev.faultline.attack.chaosmesh.ChaosKind;
import dev.faultline.attack.chaosmesh.ChaosMeshInstallation;
import dev.faultline.cluster.AccessCheck;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.Preflight;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one Chaos Mesh Workflow in a cluster and cleans up after it, the same way on the sandbox and
 * on a real cluster:
 *
 * <ol>
 *   <li>{@link #preflight}: Chaos Mesh serves Workflows, and the context may create, watch and
 *       delete them and list what they create. Changes nothing.
 *   <li>{@link #run}: records the Workflow in the rollback journal (fsync'd) <em>before</em>
 *       creating it, so {@code faultline cleanup} deletes a Workflow a crash left behind; creates
 *       it; watches it and its WorkflowNodes and tells the listener the node tree, coalesced; ends
 *       when it is accomplished, aborted, its deadline passed, it was deleted, or {@link #stop} was
 *       called; then deletes it and waits until the chaos objects it created are gone too (Chaos
 *       Mesh recovers their faults), and marks the journal done.
 * </ol>
 *
 * <p>When the API cannot be reached at the end, deleting is retried for {@code cleanupPatience};
 * after that the journal stays open and the outcome says so, for {@code faultline cleanup}.
 */
public final class WorkflowRun {
  /**
   * The kinds a workflow may create, checked to be gone after it is deleted: the kinds our attacks
   * create plus PodChaos (pod kills) and Schedule.
   */
  static final List<String> CREATED_KINDS =
      Stream.of(
              Stream.of("PodChaos"),
              Arrays.stream(ChaosKind.values()).map(ChaosKind::kind),
              Stream.of("Schedule"))
          .flatMap(kinds -> kinds)
          .toList();

  private final KubernetesClient client;
  private final String contextName;
  private final Path stateDirectory;
  private final WorkflowDocument workflow;
  private final String runId;
  private static final Duration NODE_SETTLE = Duration.ofSeconds(2);

  private final Duration cleanupPatience;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private volatile String stopReason = "";
  private FileRollbackJournal journal;
  private Fault fault;

  /**
   * @param runId names the run in the journal and in the Workflow's labels
   * @param cleanupPatience how long deleting may be retried while the API does not answer
   */
  public WorkflowRun(
      KubernetesClient client,
      String contextName,
      Path stateDirectory,
      WorkflowDocument workflow,
      String runId,
      Duration cleanupPatience) {
    this.client = Objects.requireNonNull(client, "client");
    this.contextName = contextName == null ? "" : contextName;
    this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
    this.workflow = Objects.requireNonNull(workflow, "workflow");
    this.runId = FileRollbackJournal.checkRunId(runId);
    this.cleanupPatience = cleanupPatience == null ? Duration.ofSeconds(60) : cleanupPatience;
  }

  public String runId() {
    return runId;
  }

  public WorkflowDocument workflow() {
    return workflow;
  }

  /** What keeps the workflow from running here, in words a person can act on; empty when none. */
  public List<String> preflight() throws InterruptedException {
    List<String> problems = new ArrayList<>();
    Optional<String> missing =
        ChaosMeshInstallation.missing("Workflow", context(), "run on the sandbox");
    if (missing.isPresent()) {
      problems.add(missing.get());
      return problems;
    }
    String ns = workflow.namespace();
    List<AccessCheck> checks = new ArrayList<>();
    for (String verb : List.of("create", "get", "list", "watch", "delete")) {
      checks.add(AccessCheck.of(verb, "chaos-mesh.org", "workflows", ns));
    }
    for (String verb : List.of("list", "watch")) {
      checks.add(AccessCheck.of(verb, "chaos-mesh.org", "workflownodes", ns));
    }
    Preflight.Result access = Preflight.check(client, contextName, checks);
    if (!access.ok()) {
      problems.addAll(access.messages());
    }
    return problems;
  }

  /** Asks a running {@link #run} to delete the workflow and return; safe from any thread. */
  public void stop(String reason) {
    stopReason = reason == null ? "stopped" : reason;
    stopRequested.countDown();
  }

  /**
   * Journals, applies and watches the workflow until it ends or is stopped, then deletes it.
   * Blocks; call it off any UI thread.
   *
   * @throws WorkflowException when it could not be journalled or created (nothing is left then)
   */
  public WorkflowOutcome run(WorkflowListener listener)
      throws WorkflowException, InterruptedException {
    journalAndApply();
    WorkflowState last = WorkflowState.pending(workflow.name(), workflow.namespace());
    try (var watch = new WorkflowWatch(client, workflow.namespace(), workflow.name())) {
      watch.start();
      listener.onState(last);
      long seen = -1;
      while (!stopRequested.await(WorkflowWatch.PUBLISH_MILLIS, TimeUnit.MILLISECONDS)) {
        long version = watch.version();
        if (version == seen) {
          continue;
        }
        seen = version;
        last = watch.snapshot();
        listener.onState(last);
        if (last.phase().finished()) {
          last = settleNodes(watch, last, listener);
          break;
        }
      }
      if (!last.phase().finished()) {
        last = watch.snapshot().withPhase(WorkflowPhase.STOPPED, stopReason);
      }
    }
    WorkflowOutcome outcome = cleanUp(last);
    listener.onFinished(outcome);
    return outcome;
  }

  /**
   * Chaos Mesh writes the workflow's final condition and its nodes' in separate updates, so the
   * first finished state can still show a node running (the status check that aborted it). Waits
   * for those nodes a moment, at most {@link #NODE_SETTLE}, so the outcome says how each ended.
   */
  private static WorkflowState settleNodes(
      WorkflowWatch watch, WorkflowState last, WorkflowListener listener)
      throws InterruptedException {
    long deadline = System.nanoTime() + NODE_SETTLE.toNanos();
    long seen = watch.version();
    WorkflowState settled = last;
    while (settled.nodes().stream().anyMatch(n -> n.phase() == NodePhase.RUNNING)
        && System.nanoTime() - deadline < 0) {
      Thread.sleep(WorkflowWatch.PUBLISH_MILLIS);
      long version = watch.version();
      if (version != seen) {
        seen = version;
        settled = watch.snapshot();
        listener.onState(settled);
      }
    }
    return settled;
  }

  /** Records the workflow in the journal (durably), then creates it. */
  void journalAndApply() throws WorkflowException {
    var body = workflow.body().deepCopy();
    ObjectRef ref =
        new ObjectRef(
            WorkflowDocument.API_VERSION, "Workflow", workflow.namespace(), workflow.name(), "");
    fault = ManifestExecutor.creation("workflow#1", runId, "workflow", contextName, ref, body);
    try {
      journal =
          FileRollbackJournal.create(
              stateDirectory, runId, "workflow " + workflow.name(), contextName);
      journal.record(fault);
    } catch (IOException e) {
      closeJournal();
      throw new WorkflowException(
          "cannot write the rollback journal in " + stateDirectory + ": " + e.getMessage(), e);
    }
    try {
      new ManifestExecutor().apply(fault, context());
    } catch (AttackException e) {
      markDone(FileRollbackJournal.NOT_APPLIED);
      closeJournal();
      throw new WorkflowException(
          "cannot create Workflow "
              + workflow.namespace()
              + "/"
              + workflow.name()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Deletes the workflow, waits for what it created to go, marks the journal done. */
  WorkflowOutcome cleanUp(WorkflowState last) throws InterruptedException {
    Instant giveUp = Instant.now().plus(cleanupPatience);
    String problem = "";
    while (true) {
      try {
        new ManifestExecutor().rollback(fault, context());
        List<String> left = leftovers();
        if (left.isEmpty()) {
          markDone(FileRollbackJournal.ROLLED_BACK);
          closeJournal();
          return new WorkflowOutcome(last, true, "");
        }
        problem = "still in the cluster: " + String.join(", ", left);
      } catch (AttackException | KubernetesClientException e) {
        problem = e.getMessage();
      }
      if (Instant.now().isAfter(giveUp)) {
        closeJournal(); // the fault stays open: faultline cleanup deletes the workflow later
        return new WorkflowOutcome(
            last,
            false,
            "could not delete Workflow "
                + workflow.namespace()
                + "/"
                + workflow.name()
                + " within "
                + cleanupPatience.toSeconds()
                + " s ("
                + problem
                + "); run faultline cleanup --context "
                + contextName);
      }
      Thread.sleep(200);
    }
  }

  /** The workflow itself and the chaos objects labelled with it that are still there. */
  private List<String> leftovers() {
    List<String> left = new ArrayList<>();
    if (client
            .genericKubernetesResources(WorkflowWatch.WORKFLOWS)
            .inNamespace(workflow.namespace())
            .withName(workflow.name())
            .get()
        != null) {
      left.add("Workflow " + workflow.name());
    }
    for (String kind : CREATED_KINDS) {
      try {
        client
            .genericKubernetesResources(ChaosKind.API_VERSION, kind)
            .inNamespace(workflow.namespace())
            .withLabel("chaos-mesh.org/workflow", workflow.name())
            .list()
            .getItems()
            .forEach(o -> left.add(o.getKind() + " " + o.getMetadata().getName()));
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw e;
        }
      }
    }
    return left;
  }

  private AttackContext context() {
    return new AttackContext(client, contextName, runId, Duration.ofSeconds(10));
  }

  private void markDone(String outcome) {
    try {
      if (journal != null) {
        journal.markDone(fault, outcome);
      }
    } catch (IOException e) {
      // The fault stays open; faultline cleanup finds the workflow gone and marks it done.
    }
  }

  /** Ends this process's hold on the journal; open faults stay for cleanup. */
  void closeJournal() {
    try {
      if (journal != null) {
        journal.close();
      }
    } catch (IOException e) {
      // Closing releases the lock; the file's content is already durable.
    }
    journal = null;
  }
}
