package dev.faultline.safety;

import dev.faultline.attack.AttackContext;
import dev.faultline.attack.AttackException;
import dev.faultline.attack.AttackExecutor;
import dev.faultline.attack.AttackExecutors;
import dev.faultline.attack.Fault;
import dev.faultline.attack.FaultJson;
import dev.faultline.cluster.ClusterErrors;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds and rolls back what crashed runs left behind: {@code faultline cleanup}, the rollback part
 * of {@code faultline stop --all} for runs whose process is gone, and the start-up warning of the
 * app and {@code faultline run}.
 *
 * <p>Leftovers come from two places:
 *
 * <ol>
 *   <li><b>Journals</b>: open faults in {@code <state>/runs/*.journal} whose run is not in progress
 *       (no live process holds the journal, and {@link ActiveRuns} has no live entry for it).
 *   <li><b>The cluster</b>: objects carrying {@link FaultAnnotations#RUN_ID} or the {@link
 *       FaultAnnotations#CREATED_BY_RUN} label, with the faults in {@link FaultAnnotations#FAULT},
 *       whose run is not in progress on this machine. Listed kinds: {@link #SCANNED_KINDS}. A run
 *       in progress on <em>another</em> machine cannot be seen from here: its faults count as
 *       leftovers too (use {@code --dry-run} first on shared clusters).
 * </ol>
 *
 * <p>Each leftover is rolled back through its attack's executor ({@link AttackExecutor#rollback},
 * idempotent), newest run first and, within a run, in reverse order of recording, as the engine
 * does. A journal fault rolled back is marked done; one that fails stays open with the reason (e.g.
 * the cluster is unreachable), so {@code faultline cleanup} can be run again. Irreversible faults
 * (a deleted pod) have nothing to undo and are only marked done.
 *
 * <p>The embedded sandbox keeps its world in memory: when the sandbox a fault lived in does not
 * answer any more, its faults are gone with it and are marked done as {@code gone}.
 */
public final class Cleanup {

  /** Opens a cluster by kubeconfig context name, for rolling back the faults that live there. */
  @FunctionalInterface
  public interface Clusters {
    /**
     * Connects to the context; the client belongs to the caller, who closes it after the cleanup.
     *
     * @throws Exception when the context cannot be used (not in the kubeconfig, no credentials)
     */
    Cluster connect(String context) throws Exception;
  }

  /**
   * Thrown by {@link Clusters#connect} when the context is an embedded sandbox that is no longer
   * running: its world, and every fault in it, is gone. Such faults are marked done as {@code
   * gone}.
   */
  public static final class ClusterGone extends Exception {
    public ClusterGone(String message) {
      super(message);
    }
  }

  /**
   * A connected cluster.
   *
   * @param ephemeral whether it is an embedded sandbox, whose state dies with it
   */
  public record Cluster(KubernetesClient client, boolean ephemeral) {
    public Cluster {
      Objects.requireNonNull(client, "client");
    }
  }

  /** Where a leftover was found. */
  public enum Source {
    JOURNAL,
    CLUSTER,
    BOTH;

    String word() {
      return switch (this) {
        case JOURNAL -> "journal";
        case CLUSTER -> "cluster";
        case BOTH -> "journal and cluster";
      };
    }
  }

  /**
   * A fault a run left behind.
   *
   * @param context the kubeconfig context to roll it back in (the fault's, or the scanned one)
   * @param journal the journal file that holds it open, {@code null} for cluster-only leftovers
   * @param experiment the experiment's name, when the journal says
   */
  public record Leftover(
      Fault fault, Source source, String context, Path journal, String experiment) {
    public Leftover {
      Objects.requireNonNull(fault, "fault");
      context = context == null ? "" : context;
      experiment = experiment == null ? "" : experiment;
    }

    /** {@code SIGSTOP /java/ on Pod shop/checkout-1 [app] (run r-1, step freeze)}. */
    public String describe() {
      // Executors' actions usually name the object already ("SIGSTOP … in Pod shop/x [app]").
      String object = fault.object().display();
      String action =
          fault.action().isEmpty()
              ? fault.attackId() + " on " + object
              : fault.action().contains(object) ? fault.action() : fault.action() + " on " + object;
      return action + " (run " + fault.runId() + ", step " + fault.stepId() + ")";
    }

    Leftover foundInClusterToo() {
      return new Leftover(fault, Source.BOTH, context, journal, experiment);
    }
  }

  /**
   * What a scan found; read-only.
   *
   * @param leftovers the faults left behind, in rollback order
   * @param problems things that need a person: unreadable marks in the cluster, kinds that could
   *     not be listed, damaged journal lines
   * @param active runs in progress whose faults were left alone
   */
  public record Scan(List<Leftover> leftovers, List<String> problems, List<String> active) {
    public Scan {
      leftovers = List.copyOf(leftovers);
      problems = List.copyOf(problems);
      active = List.copyOf(active);
    }

    /** Whether nothing was left behind and nothing needs a person. */
    public boolean isEmpty() {
      return leftovers.isEmpty() && problems.isEmpty();
    }

    /**
     * One sentence per run and context that left faults, for the start-up warning of the app and
     * {@code faultline run}: {@code 2 faults left by run r-1 (checkout) on context kind-dev; run
     * faultline cleanup --context kind-dev}.
     */
    public List<String> warnings() {
      Map<String, List<Leftover>> byRun = new LinkedHashMap<>();
      for (Leftover leftover : leftovers) {
        byRun
            .computeIfAbsent(
                leftover.fault().runId() + "\u0000" + leftover.context(), k -> new ArrayList<>())
            .add(leftover);
      }
      List<String> warnings = new ArrayList<>();
      for (List<Leftover> group : byRun.values()) {
        Leftover first = group.getFirst();
        String context = first.context();
        warnings.add(
            group.size()
                + (group.size() == 1 ? " fault" : " faults")
                + " left by run "
                + first.fault().runId()
                + (first.experiment().isEmpty() ? "" : " (" + first.experiment() + ")")
                + (context.isEmpty() ? "" : " on context " + context)
                + "; run faultline cleanup"
                + (context.isEmpty() ? "" : " --context " + context));
      }
      return warnings;
    }
  }

  /** What happened to one leftover. */
  public enum Result {
    /** Rolled back (and marked done in its journal). */
    ROLLED_BACK,
    /** Dry run: would be rolled back. */
    WOULD_ROLL_BACK,
    /** Irreversible (a deleted pod): nothing to undo; marked done. */
    NOTHING_TO_UNDO,
    /** Its embedded sandbox is gone and the fault with it; marked done. */
    GONE,
    /** Rollback failed; the fault stays open in its journal. */
    FAILED,
    /** This Faultline has no executor for the attack; the fault stays open. */
    NO_EXECUTOR;

    /** Whether the fault is still in place (or may be) after the cleanup. */
    public boolean leftOpen() {
      return this == FAILED || this == NO_EXECUTOR || this == WOULD_ROLL_BACK;
    }
  }

  /**
   * The outcome of one leftover.
   *
   * @param unreachable whether it failed because the cluster could not be reached
   */
  public record Outcome(Leftover leftover, Result result, String message, boolean unreachable) {}

  /**
   * What a cleanup did.
   *
   * @param outcomes one per leftover, in the order handled
   * @param problems as in {@link Scan#problems()}
   * @param active runs in progress that were left alone
   */
  public record Report(List<Outcome> outcomes, List<String> problems, List<String> active) {
    public Report {
      outcomes = List.copyOf(outcomes);
      problems = List.copyOf(problems);
      active = List.copyOf(active);
    }

    /** Faults still in place (or possibly so) afterwards; for a dry run, the ones found. */
    public int leftOpen() {
      return (int) outcomes.stream().filter(o -> o.result().leftOpen()).count();
    }

    /** Whether any rollback failed because its cluster could not be reached. */
    public boolean unreachable() {
      return outcomes.stream().anyMatch(Outcome::unreachable);
    }

    /** Whether nothing is left behind and nothing needs a person. */
    public boolean clean() {
      return leftOpen() == 0 && problems.isEmpty();
    }
  }

  /**
   * What to clean up.
   *
   * @param context only faults in this kubeconfig context; {@code null}: every context
   * @param dryRun report only, change nothing
   * @param clusterContexts the clusters to search for annotated objects (empty: journals only)
   * @param runIds only these runs; empty: every run
   */
  public record Options(
      String context, boolean dryRun, List<String> clusterContexts, Set<String> runIds) {
    public Options {
      clusterContexts = clusterContexts == null ? List.of() : List.copyOf(clusterContexts);
      runIds = runIds == null ? Set.of() : Set.copyOf(runIds);
    }

    /** Every leftover in the journals, no cluster search. */
    public static Options journalsOnly() {
      return new Options(null, false, List.of(), Set.of());
    }

    boolean wants(Fault fault, String faultContext) {
      return (context == null || context.equals(faultContext))
          && (runIds.isEmpty() || runIds.contains(fault.runId()));
    }
  }

  /**
   * A kind of object the cluster search lists.
   *
   * @param group API group, empty for core
   */
  public record ScannedKind(
      String group, String version, String kind, String plural, boolean namespaced) {
    ResourceDefinitionContext definition() {
      return new ResourceDefinitionContext.Builder()
          .withGroup(group)
          .withVersion(version)
          .withKind(kind)
          .withPlural(plural)
          .withNamespaced(namespaced)
          .build();
    }
  }

  /**
   * The kinds searched for fault annotations and the created-by-run label: what the attack
   * executors change ({@code k8s.pod.*}, {@code process.signal}, {@code k8s.deployment.scale},
   * {@code k8s.node.*}, {@code mesh.istio.fault}), the Chaos Mesh resources of the {@code
   * chaosmesh.*} attacks, plus what {@code k8s.manifest} commonly creates. A kind listed in several
   * versions is searched in the first one the cluster serves; kinds a cluster does not serve are
   * skipped.
   */
  public static final List<ScannedKind> SCANNED_KINDS =
      List.of(
          new ScannedKind("", "v1", "Pod", "pods", true),
          new ScannedKind("apps", "v1", "Deployment", "deployments", true),
          new ScannedKind("apps", "v1", "StatefulSet", "statefulsets", true),
          new ScannedKind("apps", "v1", "DaemonSet", "daemonsets", true),
          new ScannedKind("apps", "v1", "ReplicaSet", "replicasets", true),
          new ScannedKind("", "v1", "Node", "nodes", false),
          new ScannedKind("", "v1", "Service", "services", true),
          new ScannedKind("", "v1", "ConfigMap", "configmaps", true),
          new ScannedKind("batch", "v1", "Job", "jobs", true),
          new ScannedKind("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true),
          // mesh.istio.fault; the first version the cluster serves is listed.
          new ScannedKind("networking.istio.io", "v1", "VirtualService", "virtualservices", true),
          new ScannedKind(
              "networking.istio.io", "v1beta1", "VirtualService", "virtualservices", true),
          new ScannedKind("chaos-mesh.org", "v1alpha1", "NetworkChaos", "networkchaos", true),
          new ScannedKind("chaos-mesh.org", "v1alpha1", "StressChaos", "stresschaos", true),
          new ScannedKind("chaos-mesh.org", "v1alpha1", "HTTPChaos", "httpchaos", true),
          new ScannedKind("chaos-mesh.org", "v1alpha1", "IOChaos", "iochaos", true),
          new ScannedKind("chaos-mesh.org", "v1alpha1", "DNSChaos", "dnschaos", true),
          new ScannedKind("chaos-mesh.org", "v1alpha1", "TimeChaos", "timechaos", true),
          // faultline workflow run: the Workflow, whose deletion removes what it created.
          new ScannedKind("chaos-mesh.org", "v1alpha1", "Workflow", "workflows", true));

  private static final long PAGE = 500;

  private final Path stateDirectory;
  private final ActiveRuns activeRuns;
  private final AttackExecutors executors;
  private final Duration callTimeout;

  /**
   * A cleanup of the journals in {@code stateDirectory}, rolling back through {@code executors}.
   */
  public Cleanup(Path stateDirectory, AttackExecutors executors) {
    this(stateDirectory, new ActiveRuns(stateDirectory), executors, Duration.ofSeconds(10));
  }

  public Cleanup(
      Path stateDirectory, ActiveRuns activeRuns, AttackExecutors executors, Duration callTimeout) {
    this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
    this.activeRuns = Objects.requireNonNull(activeRuns, "activeRuns");
    this.executors = Objects.requireNonNull(executors, "executors");
    this.callTimeout = callTimeout == null ? Duration.ofSeconds(10) : callTimeout;
  }

  /**
   * The leftovers in this machine's journals; local and quick (no cluster call), for the start-up
   * warning.
   *
   * @param context only this context; {@code null}: all
   */
  public Scan scan(String context) throws IOException {
    return scanJournals(new Options(context, true, List.of(), Set.of()));
  }

  private Scan scanJournals(Options options) throws IOException {
    List<Leftover> leftovers = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> active = new LinkedHashSet<>();
    List<JournalContents> journals = new ArrayList<>(FileRollbackJournal.list(stateDirectory));
    journals.sort(
        (a, b) ->
            (b.startedAt() == null ? Instant.EPOCH : b.startedAt())
                .compareTo(a.startedAt() == null ? Instant.EPOCH : a.startedAt()));
    for (JournalContents journal : journals) {
      List<Fault> open =
          journal.open().stream().filter(f -> options.wants(f, f.context())).toList();
      if (open.isEmpty()) {
        continue;
      }
      if (runInProgress(journal.runId(), journal.file())) {
        active.add(journal.runId());
        continue;
      }
      if (journal.damagedLines() > 0) {
        problems.add(
            journal.file()
                + ": skipped "
                + journal.damagedLines()
                + " damaged line(s) (a write torn by a crash); the faults before them are kept");
      }
      for (Fault fault : open.reversed()) {
        leftovers.add(
            new Leftover(
                fault, Source.JOURNAL, fault.context(), journal.file(), journal.experiment()));
      }
    }
    return new Scan(leftovers, problems, List.copyOf(active));
  }

  /**
   * The leftovers marked in a cluster: objects of {@link #SCANNED_KINDS} carrying Faultline's
   * annotations or label whose run is not in progress here. Read-only.
   *
   * @param context the context the client talks to; leftovers are rolled back there
   */
  public Scan scanCluster(KubernetesClient client, String context, Options options)
      throws IOException {
    Set<String> known = new LinkedHashSet<>();
    scanJournals(options)
        .leftovers()
        .forEach(
            l ->
                known.add(
                    markKey(
                        l.fault().runId(),
                        l.fault().object().kind(),
                        l.fault().object().namespace(),
                        l.fault().object().name())));
    return scanCluster(client, context, options, known);
  }

  private static String markKey(String runId, String kind, String namespace, String name) {
    return runId
        + "\u0000"
        + kind
        + "\u0000"
        + (namespace == null ? "" : namespace)
        + "\u0000"
        + name;
  }

  /**
   * @param known marks (run, object) the journals already account for: not a problem when the
   *     object lacks a fault annotation
   */
  private Scan scanCluster(
      KubernetesClient client, String context, Options options, Set<String> known)
      throws IOException {
    List<Leftover> leftovers = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> active = new LinkedHashSet<>();
    String server = String.valueOf(client.getMasterUrl());
    Set<String> listed = new LinkedHashSet<>();
    for (ScannedKind kind : SCANNED_KINDS) {
      if (listed.contains(kind.group() + "/" + kind.kind())) {
        continue; // one kind served in two versions (Istio's v1 and v1beta1): listed once
      }
      List<GenericKubernetesResource> marked;
      try {
        marked = listMarked(client, kind);
        listed.add(kind.group() + "/" + kind.kind());
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          continue; // not served by this cluster
        }
        var problem = ClusterErrors.explain(context, server, e);
        problems.add(
            "cannot list "
                + kind.plural()
                + " on context "
                + context
                + ", leftovers there were not searched: "
                + problem.summary()
                + (problem.advice().isEmpty() ? "" : ". " + problem.advice()));
        if (e.getCode() != 403) {
          break; // unreachable: the other kinds will fail alike
        }
        continue;
      }
      for (GenericKubernetesResource object : marked) {
        inspect(object, kind, context, options, known, leftovers, problems, active);
      }
    }
    return new Scan(leftovers, problems, List.copyOf(active));
  }

  private void inspect(
      GenericKubernetesResource object,
      ScannedKind kind,
      String context,
      Options options,
      Set<String> known,
      List<Leftover> leftovers,
      List<String> problems,
      Set<String> active)
      throws IOException {
    ObjectMeta meta = object.getMetadata();
    Map<String, String> annotations =
        meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
    Set<String> runIds = new LinkedHashSet<>();
    String runIdText = annotations.getOrDefault(FaultAnnotations.RUN_ID, "");
    Arrays.stream(runIdText.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .forEach(runIds::add);
    String created = labels.get(FaultAnnotations.CREATED_BY_RUN);
    if (created != null && !created.isBlank()) {
      runIds.add(created);
    }
    String where =
        kind.kind()
            + " "
            + (meta.getNamespace() == null || meta.getNamespace().isEmpty()
                ? meta.getName()
                : meta.getNamespace() + "/" + meta.getName());
    List<Fault> faults;
    String faultText = annotations.get(FaultAnnotations.FAULT);
    try {
      faults = faultText == null || faultText.isBlank() ? List.of() : FaultJson.readAll(faultText);
    } catch (IllegalArgumentException e) {
      faults = List.of();
    }
    Set<String> covered = new LinkedHashSet<>();
    for (Fault fault : faults) {
      covered.add(fault.runId());
      if (!options.wants(fault, context)) {
        continue;
      }
      if (runInProgress(fault.runId(), null)) {
        active.add(fault.runId());
        continue;
      }
      leftovers.add(new Leftover(fault, Source.CLUSTER, context, null, ""));
    }
    for (String runId : runIds) {
      if (covered.contains(runId)
          || known.contains(markKey(runId, kind.kind(), meta.getNamespace(), meta.getName()))
          || (!options.runIds().isEmpty() && !options.runIds().contains(runId))) {
        continue;
      }
      if (runInProgress(runId, null)) {
        active.add(runId);
        continue;
      }
      problems.add(
          where
              + " on context "
              + context
              + " is marked by run "
              + runId
              + " but carries no readable "
              + FaultAnnotations.FAULT
              + " annotation, so Faultline cannot undo it; check the object and remove the"
              + " annotation ("
              + FaultAnnotations.RUN_ID
              + ") or label ("
              + FaultAnnotations.CREATED_BY_RUN
              + ") by hand");
    }
  }

  private static List<GenericKubernetesResource> listMarked(
      KubernetesClient client, ScannedKind kind) {
    List<GenericKubernetesResource> marked = new ArrayList<>();
    String token = null;
    do {
      var options = new ListOptionsBuilder().withLimit(PAGE).withContinue(token).build();
      var resources = client.genericKubernetesResources(kind.definition());
      GenericKubernetesResourceList page =
          kind.namespaced() ? resources.inAnyNamespace().list(options) : resources.list(options);
      for (GenericKubernetesResource object : page.getItems()) {
        ObjectMeta meta = object.getMetadata();
        if (meta == null) {
          continue;
        }
        boolean annotated =
            meta.getAnnotations() != null
                && (meta.getAnnotations().containsKey(FaultAnnotations.RUN_ID)
                    || meta.getAnnotations().containsKey(FaultAnnotations.FAULT));
        boolean created =
            meta.getLabels() != null
                && meta.getLabels().containsKey(FaultAnnotations.CREATED_BY_RUN);
        if (annotated || created) {
          marked.add(object);
        }
      }
      token = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (token != null && !token.isEmpty());
    return marked;
  }

  /**
   * Finds the leftovers (journals, then the clusters in {@link Options#clusterContexts()}) and
   * rolls them back, unless {@link Options#dryRun()}.
   *
   * @param clusters connects to the contexts the leftovers live in
   */
  public Report run(Options options, Clusters clusters) throws IOException {
    Objects.requireNonNull(options, "options");
    Map<String, Object> connections = new LinkedHashMap<>(); // context -> Cluster or failure text
    Scan journals = scanJournals(options);
    Map<String, Leftover> all = new LinkedHashMap<>();
    journals.leftovers().forEach(l -> all.put(key(l.fault()), l));
    List<String> problems = new ArrayList<>(journals.problems());
    Set<String> active = new LinkedHashSet<>(journals.active());
    for (String context : options.clusterContexts()) {
      Object connection = connect(context, clusters, connections);
      if (connection instanceof ClusterGone) {
        continue; // nothing can be left in a sandbox that is gone
      }
      if (!(connection instanceof Cluster cluster)) {
        problems.add("cannot search context " + context + " for leftovers: " + connection);
        continue;
      }
      Set<String> known = new LinkedHashSet<>();
      journals
          .leftovers()
          .forEach(
              l ->
                  known.add(
                      markKey(
                          l.fault().runId(),
                          l.fault().object().kind(),
                          l.fault().object().namespace(),
                          l.fault().object().name())));
      Scan found = scanCluster(cluster.client(), context, options, known);
      problems.addAll(found.problems());
      active.addAll(found.active());
      for (Leftover leftover : found.leftovers()) {
        all.merge(
            key(leftover.fault()), leftover, (journal, cluster2) -> journal.foundInClusterToo());
      }
    }
    List<Outcome> outcomes = new ArrayList<>();
    if (options.dryRun()) {
      for (Leftover leftover : all.values()) {
        outcomes.add(
            new Outcome(
                leftover,
                leftover.fault().reversible() ? Result.WOULD_ROLL_BACK : Result.NOTHING_TO_UNDO,
                leftover.fault().reversible()
                    ? "would roll back: " + leftover.describe()
                    : "would mark done (irreversible, nothing to undo): " + leftover.describe(),
                false));
      }
      return new Report(outcomes, problems, List.copyOf(active));
    }
    // Journal by journal (each opened once), then what only the cluster knew.
    Map<Path, List<Leftover>> byJournal = new LinkedHashMap<>();
    List<Leftover> clusterOnly = new ArrayList<>();
    for (Leftover leftover : all.values()) {
      if (leftover.journal() != null) {
        byJournal.computeIfAbsent(leftover.journal(), k -> new ArrayList<>()).add(leftover);
      } else {
        clusterOnly.add(leftover);
      }
    }
    for (Map.Entry<Path, List<Leftover>> entry : byJournal.entrySet()) {
      FileRollbackJournal journal;
      try {
        journal = FileRollbackJournal.reopen(entry.getKey());
      } catch (JournalBusyException e) {
        active.add(entry.getValue().getFirst().fault().runId()); // started again meanwhile?
        continue;
      } catch (NoSuchFileException e) {
        continue; // its run closed it meanwhile
      }
      try (journal) {
        for (Leftover leftover : entry.getValue()) {
          outcomes.add(rollBack(leftover, journal, clusters, connections));
        }
      }
    }
    for (Leftover leftover : clusterOnly) {
      outcomes.add(rollBack(leftover, null, clusters, connections));
    }
    retireFinished(options, problems);
    return new Report(outcomes, problems, List.copyOf(active));
  }

  private Outcome rollBack(
      Leftover leftover,
      FileRollbackJournal journal,
      Clusters clusters,
      Map<String, Object> connections)
      throws IOException {
    Fault fault = leftover.fault();
    if (!fault.reversible()) {
      markDone(journal, fault, FileRollbackJournal.IRREVERSIBLE);
      return new Outcome(
          leftover,
          Result.NOTHING_TO_UNDO,
          "nothing to undo (irreversible): " + leftover.describe(),
          false);
    }
    var executor = executors.find(fault.attackId());
    if (executor.isEmpty()) {
      return new Outcome(
          leftover,
          Result.NO_EXECUTOR,
          "cannot roll back "
              + leftover.describe()
              + ": this Faultline has no executor for attack "
              + fault.attackId()
              + "; it stays open (use the Faultline version that ran it)",
          false);
    }
    Object connection = connect(leftover.context(), clusters, connections);
    if (connection instanceof ClusterGone gone) {
      markDone(journal, fault, FileRollbackJournal.GONE);
      return new Outcome(
          leftover, Result.GONE, "gone (" + gone.getMessage() + "): " + leftover.describe(), false);
    }
    if (!(connection instanceof Cluster cluster)) {
      return new Outcome(
          leftover,
          Result.FAILED,
          "cannot roll back "
              + leftover.describe()
              + ": "
              + connection
              + "; it stays open, run faultline cleanup again when the context works",
          true);
    }
    try {
      executor
          .get()
          .rollback(
              fault,
              new AttackContext(cluster.client(), leftover.context(), fault.runId(), callTimeout));
    } catch (AttackException | RuntimeException e) {
      boolean retryable = e instanceof AttackException a && a.retryable();
      if (retryable && cluster.ephemeral()) {
        markDone(journal, fault, FileRollbackJournal.GONE);
        return new Outcome(
            leftover,
            Result.GONE,
            "gone with its sandbox (the embedded sandbox no longer answers): "
                + leftover.describe(),
            false);
      }
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      return new Outcome(
          leftover,
          Result.FAILED,
          "could not roll back "
              + leftover.describe()
              + ": "
              + why
              + (journal == null
                  ? ""
                  : retryable
                      ? "; it stays open in the journal, run faultline cleanup again when the"
                          + " cluster is reachable"
                      : "; it stays open in the journal"),
          retryable);
    }
    markDone(journal, fault, FileRollbackJournal.ROLLED_BACK);
    return new Outcome(leftover, Result.ROLLED_BACK, "rolled back: " + leftover.describe(), false);
  }

  private static void markDone(FileRollbackJournal journal, Fault fault, String outcome)
      throws IOException {
    if (journal != null) {
      journal.markDone(fault, outcome);
    }
  }

  private static Object connect(
      String context, Clusters clusters, Map<String, Object> connections) {
    return connections.computeIfAbsent(
        context,
        c -> {
          try {
            return Objects.requireNonNull(clusters.connect(c), "no cluster for " + c);
          } catch (ClusterGone e) {
            return e;
          } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return "context " + (c.isEmpty() ? "(none)" : c) + ": " + message;
          }
        });
  }

  /**
   * Housekeeping after a cleanup: journals with nothing open move to {@code runs/done/}; entries of
   * dead runs leave the registry.
   */
  private void retireFinished(Options options, List<String> problems) throws IOException {
    for (JournalContents journal : FileRollbackJournal.list(stateDirectory)) {
      if (journal.hasOpenFaults()
          || !(options.runIds().isEmpty() || options.runIds().contains(journal.runId()))) {
        continue;
      }
      try {
        FileRollbackJournal.reopen(journal.file()).close();
      } catch (JournalBusyException | NoSuchFileException e) {
        // in use or gone: leave it
      }
    }
    Set<String> stillOpen =
        FileRollbackJournal.withOpenFaults(stateDirectory).stream()
            .map(JournalContents::runId)
            .collect(Collectors.toSet());
    for (ActiveRuns.ActiveRun run : activeRuns.list()) {
      if (run.liveness() == ActiveRuns.Liveness.DEAD
          && !stillOpen.contains(run.runId())
          && (options.runIds().isEmpty() || options.runIds().contains(run.runId()))) {
        try {
          activeRuns.removeStale(run);
        } catch (IllegalStateException e) {
          problems.add(e.getMessage());
        }
      }
    }
  }

  private boolean runInProgress(String runId, Path journal) throws IOException {
    if (journal != null) {
      try {
        if (FileRollbackJournal.inUse(journal)) {
          return true;
        }
      } catch (NoSuchFileException e) {
        return false;
      }
    }
    try {
      return activeRuns.isActive(runId);
    } catch (IllegalArgumentException e) {
      return false; // not a run id this machine could have registered
    }
  }

  private static String key(Fault fault) {
    return fault.runId() + "\u0000" + fault.id();
  }

  /** The contexts the journals' leftovers live in (for choosing which clusters to search). */
  public static Set<String> contexts(Collection<Leftover> leftovers) {
    return leftovers.stream()
        .map(Leftover::context)
        .filter(c -> !c.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
