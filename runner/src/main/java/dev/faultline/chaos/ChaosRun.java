package dev.faultline.chaos;

import dev.faultline.cluster.ClusterConnector;
import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextDiscovery;
import dev.faultline.cluster.ContextRef;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.cluster.KubeconfigException;
import dev.faultline.cluster.KubeconfigProblem;
import dev.faultline.engine.ClusterRunEnvironment;
import dev.faultline.engine.Engine;
import dev.faultline.engine.RunEnvironment;
import dev.faultline.engine.RunListener;
import dev.faultline.engine.RunOptions;
import dev.faultline.engine.RunResult;
import dev.faultline.engine.SupervisedRun;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.safety.Confirmation;
import dev.faultline.safety.ProtectedContexts;
import dev.faultline.safety.RunGuard;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Suggestions;
import dev.faultline.validate.Validator;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs an experiment against a Kubernetes cluster from Java and waits for the verdict, through the
 * same engine, preflight (permissions, prerequisites), rollback journal, {@code faultline stop}
 * registration and cleanup path as {@code faultline run}. Every fault is rolled back however the
 * run ends; a fault that cannot be stays in the journal for {@code faultline cleanup}.
 *
 * <pre>{@code
 * ChaosResult result = ChaosRun.of(experiment).run();
 * assertTrue(result.passed(), result::summary);
 * }</pre>
 *
 * <p>The cluster is chosen like kubectl and the CLI choose it, so the same test runs on a laptop
 * and in CI:
 *
 * <ol>
 *   <li>the kubeconfig: {@link #kubeconfig(Path)}, else the system property {@value
 *       #KUBECONFIG_PROPERTY}, else {@code KUBECONFIG}, else {@code ~/.kube/config};
 *   <li>the context: {@link #context(String)}, else the system property {@value #CONTEXT_PROPERTY},
 *       else the experiment's {@code spec.context}, else the kubeconfig's current context.
 * </ol>
 *
 * <p>A multi-cluster experiment (targets and probes that name a {@code context}) also acts on the
 * other contexts it names: each must be in the same kubeconfig, and is opened with the same
 * credentials when the run starts.
 *
 * <p>A context marked protected ({@code faultline contexts protect}) is refused unless {@link
 * #confirmProtectedContext(String)} names it; this holds for every context the run acts on. Gates:
 * nobody answers them in a program, so by default each applies its {@code onTimeout} at once (as a
 * headless {@code faultline run} does); {@link #approveGates()} approves them instead.
 *
 * <p>{@link #run()} blocks for the whole run: call it from a test or a worker thread, never from a
 * UI thread. A {@code ChaosRun} is a mutable set of options; use one per thread.
 */
public final class ChaosRun {
  /** System property naming the kubeconfig file to use instead of {@code KUBECONFIG}. */
  public static final String KUBECONFIG_PROPERTY = "faultline.kubeconfig";

  /** System property naming the kubeconfig context to use instead of the current one. */
  public static final String CONTEXT_PROPERTY = "faultline.context";

  private final Experiment experiment;
  private Path kubeconfig;
  private String context;
  private RunOptions.GatePolicy gates = RunOptions.GatePolicy.ON_TIMEOUT;
  private boolean dryRun;
  private Duration clusterTimeout = Duration.ofSeconds(30);
  private Path stateDirectory;
  private final Set<String> confirmedContexts = new HashSet<>();
  private final List<RunListener> listeners = new ArrayList<>();
  private final List<Path> setUp = new ArrayList<>();
  private Duration setUpTimeout = Duration.ofMinutes(3);

  private ChaosRun(Experiment experiment) {
    this.experiment = Objects.requireNonNull(experiment, "experiment");
  }

  /** Options for running {@code experiment}; nothing happens until {@link #run()}. */
  public static ChaosRun of(Experiment experiment) {
    return new ChaosRun(experiment);
  }

  /** Reads contexts from this kubeconfig file only, like {@code kubectl --kubeconfig}. */
  public ChaosRun kubeconfig(Path file) {
    kubeconfig = Objects.requireNonNull(file, "file");
    return this;
  }

  /** Runs against this kubeconfig context instead of the current one. */
  public ChaosRun context(String name) {
    context = Objects.requireNonNull(name, "name");
    return this;
  }

  /** Approves every gate at once, like {@code faultline run --approve-gates}. */
  public ChaosRun approveGates() {
    gates = RunOptions.GatePolicy.APPROVE;
    return this;
  }

  /** Resolves targets, checks permissions and runs each probe once; applies no fault. */
  public ChaosRun dryRun() {
    dryRun = true;
    return this;
  }

  /** How long to wait for the cluster's pods to be listed at the start (default 30 s). */
  public ChaosRun clusterTimeout(Duration timeout) {
    clusterTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * Where journals and the active-run registry live; default: the one {@code faultline cleanup} and
   * {@code faultline stop} use ({@code faultline.state.dir}, {@code FAULTLINE_STATE_DIR} or the
   * platform's state directory).
   */
  public ChaosRun stateDirectory(Path directory) {
    stateDirectory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /**
   * Allows the run against a context marked protected, the Java form of {@code
   * --yes-i-mean-CONTEXT}: the name must be exactly the context the run chooses, or another context
   * a multi-cluster experiment names. Call it once for each protected context the run acts on.
   */
  public ChaosRun confirmProtectedContext(String name) {
    confirmedContexts.add(Objects.requireNonNull(name, "name"));
    return this;
  }

  /**
   * Before the run, applies these manifests (server-side, like {@code kubectl apply}) and waits
   * until their workloads are ready: for a disposable cluster that starts empty. Relative paths
   * start at the working directory (a Maven or Gradle project's root in a test). See {@link
   * ClusterSetup}.
   */
  public ChaosRun setUp(List<Path> manifests) {
    manifests.forEach(file -> setUp.add(Objects.requireNonNull(file, "manifest")));
    return this;
  }

  /** How long {@link #setUp(List)} waits for its workloads to be ready (default 3 min). */
  public ChaosRun setUpTimeout(Duration timeout) {
    setUpTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** Receives the run's events as they happen, on a runner thread (progress, charts). */
  public ChaosRun listener(RunListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Runs the experiment and waits until it has ended and its faults are rolled back.
   *
   * @return the verdict and how each step ended; a failed hypothesis is a result, not an exception
   * @throws ChaosRunException when the run cannot start: the experiment has errors, no context can
   *     be chosen, the kubeconfig is unusable or lacks a context the experiment names, a context
   *     the run acts on is protected and not confirmed, or the {@link #setUp(List) set-up} could
   *     not be applied or did not become ready
   */
  public ChaosResult run() {
    checkValid();
    KubeContexts contexts = kubeContexts();
    ContextRef chosen = chooseContext(contexts.discover());
    // Every context is checked before the first connection, so nothing is applied anywhere when
    // one of them is missing or protected.
    List<String> used = ClusterContexts.used(experiment.spec(), chosen.name());
    checkOthersExist(contexts, used.subList(1, used.size()));
    used.forEach(this::guardProtected);
    Path state = stateDirectory != null ? stateDirectory : StateDirectory.get();
    // The connector wants a path for an embedded sandbox's kubeconfig; a kubeconfig context never
    // starts one, so nothing is written there.
    Path unusedSandboxKubeconfig = state.resolve("java-api-sandbox-kubeconfig");
    try (var connector =
            new ClusterConnector(
                contexts, SandboxOptions.defaults().withKubeconfig(unusedSandboxKubeconfig));
        KubernetesClient client = connector.connect(new ClusterTarget.KubeContext(chosen))) {
      if (!setUp.isEmpty()) {
        new ClusterSetup(setUp, setUpTimeout).apply(client);
      }
      var others = ClusterRunEnvironment.opener(connector, state, experiment.metadata().name());
      return execute(client, chosen.name(), others, state);
    } catch (KubeconfigException e) {
      throw new ChaosRunException(
          "cannot connect to context '" + chosen.name() + "': " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ChaosRunException(
          "cannot register the run in " + state + " (for faultline stop): " + e.getMessage(), e);
    }
  }

  private ChaosResult execute(
      KubernetesClient client, String contextName, RunEnvironment.ContextOpener others, Path state)
      throws IOException {
    String name = experiment.metadata().name();
    var environment =
        ClusterRunEnvironment.create(client, contextName, state, name).withOthers(others);
    var options =
        new RunOptions(
            RunOptions.newRunId(name, Instant.now()), dryRun, gates, null, null, clusterTimeout);
    var supervised =
        SupervisedRun.start(
            new Engine(environment),
            experiment,
            options,
            state,
            contextName,
            listeners.toArray(RunListener[]::new));
    RunResult result = supervised.await();
    return ChaosResult.of(name, contextName, result);
  }

  private void checkOthersExist(KubeContexts contexts, List<String> others) {
    List<String> missing = ClusterRunEnvironment.missing(contexts, others);
    if (!missing.isEmpty()) {
      throw new ChaosRunException(
          "cannot run experiment '"
              + experiment.metadata().name()
              + "': its targets and probes name contexts the kubeconfig ("
              + describe(contexts.discover())
              + ") lacks:"
              + missing.stream().map(m -> "\n  " + m).collect(Collectors.joining()));
    }
  }

  private void checkValid() {
    List<Problem> errors =
        Validator.standard().validate(experiment).stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw new ChaosRunException(
          "cannot run experiment '"
              + experiment.metadata().name()
              + "', it has errors:"
              + errors.stream()
                  .map(p -> "\n  " + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message())
                  .collect(Collectors.joining()));
    }
  }

  private KubeContexts kubeContexts() {
    if (kubeconfig != null) {
      return KubeContexts.ofFiles(List.of(kubeconfig));
    }
    String property = System.getProperty(KUBECONFIG_PROPERTY);
    if (property != null && !property.isBlank()) {
      return KubeContexts.ofFiles(List.of(Path.of(property)));
    }
    return KubeContexts.system();
  }

  private ContextRef chooseContext(ContextDiscovery discovery) {
    String wanted = context;
    String why = "context(...)";
    if (wanted == null && !isBlank(System.getProperty(CONTEXT_PROPERTY))) {
      wanted = System.getProperty(CONTEXT_PROPERTY);
      why = "-D" + CONTEXT_PROPERTY;
    }
    if (wanted == null && experiment.spec().context() != null) {
      wanted = experiment.spec().context();
      why = "the experiment's spec.context";
    }
    String files = describe(discovery);
    if (wanted == null) {
      return discovery
          .current()
          .orElseThrow(
              () ->
                  new ChaosRunException(
                      "no current kubeconfig context in "
                          + files
                          + "; set KUBECONFIG or -D"
                          + KUBECONFIG_PROPERTY
                          + "=PATH, or name one with context(...) or -D"
                          + CONTEXT_PROPERTY
                          + "=NAME"));
    }
    String name = wanted;
    String source = why;
    return discovery.contexts().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new ChaosRunException(
                    "no kubeconfig context '"
                        + name
                        + "' (from "
                        + source
                        + ") in "
                        + files
                        + Suggestions.didYouMean(
                            name, discovery.contexts().stream().map(ContextRef::name).toList())));
  }

  private static String describe(ContextDiscovery discovery) {
    String files = discovery.files().stream().map(Path::toString).collect(Collectors.joining(", "));
    String problems =
        discovery.problems().stream()
            .map(KubeconfigProblem::toString)
            .collect(Collectors.joining("; "));
    return files + (problems.isEmpty() ? "" : " (" + problems + ")");
  }

  private void guardProtected(String contextName) {
    ProtectedContexts protectedContexts;
    try {
      protectedContexts = ProtectedContexts.load(ProtectedContexts.defaultFile());
    } catch (IOException e) {
      // Unreadable protection settings must not let a run through to a protected cluster.
      throw new ChaosRunException("cannot read the protected contexts: " + e.getMessage(), e);
    }
    List<String> confirmations =
        confirmedContexts.contains(contextName) ? List.of(RunGuard.flag(contextName)) : List.of();
    Confirmation confirmation = new RunGuard(protectedContexts).confirm(contextName, confirmations);
    if (confirmation.outcome() == Confirmation.Outcome.REFUSED) {
      throw new ChaosRunException(
          "context '"
              + contextName
              + "' is protected (production): to run against it, call"
              + " confirmProtectedContext(\""
              + contextName
              + "\"), or lift the protection with: faultline contexts unprotect "
              + contextName);
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
