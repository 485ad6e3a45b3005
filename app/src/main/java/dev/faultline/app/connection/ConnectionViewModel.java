package dev.faultline.app.connection;

import dev.faultline.cluster.ClusterSummary;
import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextDiscovery;
import dev.faultline.cluster.ContextRef;
import dev.faultline.cluster.KubeconfigProblem;
import dev.faultline.cluster.snapshot.SnapshotState;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.safety.Cleanup;
import dev.faultline.safety.RunGuard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * Which cluster the app talks to and how that is going: the targets to choose from (the embedded
 * sandbox and every kubeconfig context), the current one, and a status line such as {@code
 * "faultline-sandbox · v1.35.0 · 19 pods in 5 namespaces"}.
 *
 * <p>Lives on the FX thread; discovery, connecting and closing go through the {@link
 * UiTaskExecutor}. A switch made while a connect is under way wins: the older connection is closed
 * when it arrives, never shown.
 */
public final class ConnectionViewModel {

  /** Where a connection stands. */
  public enum Phase {
    /** Nothing asked for yet, or closed. */
    IDLE,
    /** Reading kubeconfig, starting the sandbox or probing. */
    CONNECTING,
    /** The probe reached the API server (a connection without a live snapshot). */
    CONNECTED,
    /** Reachable; the live snapshot is still reading its first lists. */
    SYNCING,
    /** Reachable and the live snapshot follows every change. */
    LIVE,
    /** Reachable, but a watch failed: what the preview shows may be old while it relists. */
    STALE,
    /** The client could not be built or the probe failed. */
    FAILED
  }

  static final String SEPARATOR = " \u00b7 ";

  private final UiTaskExecutor tasks;
  private final ClusterService service;

  private final ObservableList<ClusterTarget> targets =
      FXCollections.observableArrayList(ClusterTarget.sandbox());
  private final ObservableList<ClusterTarget> readOnlyTargets =
      FXCollections.unmodifiableObservableList(targets);
  private final ObservableList<String> problems = FXCollections.observableArrayList();
  private final ObservableList<String> readOnlyProblems =
      FXCollections.unmodifiableObservableList(problems);
  private final ReadOnlyObjectWrapper<ClusterTarget> target =
      new ReadOnlyObjectWrapper<>(this, "target");
  private final ReadOnlyObjectWrapper<Phase> phase =
      new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
  private final ReadOnlyStringWrapper statusText =
      new ReadOnlyStringWrapper(this, "statusText", "No cluster");
  private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
  private final ObservableSet<String> protectedNames = FXCollections.observableSet();
  private final ObservableSet<String> readOnlyProtectedNames =
      FXCollections.unmodifiableObservableSet(protectedNames);

  private final ReadOnlyObjectWrapper<LiveCluster> liveCluster =
      new ReadOnlyObjectWrapper<>(this, "liveCluster");

  private ContextDiscovery discovery = ContextDiscovery.none(List.of());
  private ClusterService.Connection current;

  /** What the probe said of the current connection, the first part of the status line. */
  private String summaryText = "";

  /** Set while a snapshot state update is on its way to the FX thread: one at a time. */
  private final AtomicBoolean syncUpdatePending = new AtomicBoolean();

  /** Set by every change of the snapshot; cleared when a read of its state starts. */
  private final AtomicBoolean syncDirty = new AtomicBoolean();

  /** Counts connects so a slow, superseded one is closed on arrival instead of shown. */
  private volatile long connects; // written on the FX thread, read by watch threads too

  private boolean closed;

  /**
   * Creates the view model; nothing happens until {@link #start}.
   *
   * @param tasks runs cluster work off the FX thread
   * @param service finds contexts, connects and probes
   */
  public ConnectionViewModel(UiTaskExecutor tasks, ClusterService service) {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * Finds the kubeconfig contexts, then connects: to the embedded sandbox if {@code preferSandbox}
   * or there is no kubeconfig (or no usable current context), else to the current context.
   *
   * @param preferSandbox the {@code --sandbox} flag
   */
  public void start(boolean preferSandbox) {
    phase.set(Phase.CONNECTING);
    statusText.set("Reading kubeconfig\u2026");
    tasks.execute(
        this::findContexts,
        found -> {
          if (!closed) {
            showDiscovery(found);
            connect(initialTarget(preferSandbox, found.discovery()));
          }
        },
        failure -> {
          if (!closed) {
            problems.setAll("Cannot read the kubeconfig: " + reason(failure));
            connect(ClusterTarget.sandbox());
          }
        });
  }

  /** Reads the kubeconfig files again and refreshes the list; the connection stays as it is. */
  public void reloadContexts() {
    tasks.execute(
        this::findContexts,
        found -> {
          if (!closed) {
            showDiscovery(found);
          }
        },
        failure -> problems.setAll("Cannot read the kubeconfig: " + reason(failure)));
  }

  /**
   * Connects to {@code next} in the background, replacing the current connection when it is ready.
   * Choosing the current target again reconnects (a retry).
   */
  public void connect(ClusterTarget next) {
    Objects.requireNonNull(next, "next");
    if (closed) {
      return;
    }
    long request = ++connects;
    target.set(next);
    // The old connection stays open until the new one arrives, but nothing may start on it.
    liveCluster.set(null);
    phase.set(Phase.CONNECTING);
    statusText.set(next.contextName() + SEPARATOR + "connecting\u2026");
    details.set(details(next, null));
    tasks.execute(
        () -> service.connect(next),
        connection -> {
          if (request != connects || closed) {
            release(connection);
            return;
          }
          release(current);
          current = connection;
          ClusterSummary summary = connection.summary();
          summaryText = next.contextName() + SEPARATOR + summary.describe();
          phase.set(summary instanceof ClusterSummary.Reachable ? Phase.CONNECTED : Phase.FAILED);
          statusText.set(summaryText);
          details.set(details(next, summary));
          LiveCluster live = connection.live().orElse(null);
          liveCluster.set(live);
          if (live != null) {
            // Listen first, then read: a change in between still arrives as an update.
            live.snapshot().onChange(() -> syncChanged(request, live));
            showSync(live.snapshot().state());
          }
        },
        failure -> {
          if (request != connects || closed) {
            return;
          }
          release(current);
          current = null;
          liveCluster.set(null);
          phase.set(Phase.FAILED);
          statusText.set(next.contextName() + SEPARATOR + reason(failure));
          details.set(details(next, null));
        });
  }

  /**
   * Releases the connection and stops the sandbox (in the background); call once when the window
   * closes. Connects still under way are dropped when they arrive.
   */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    connects++;
    current = null;
    liveCluster.set(null);
    phase.set(Phase.IDLE);
    service.shutdown();
  }

  /**
   * The target to connect to first.
   *
   * @param preferSandbox the {@code --sandbox} flag
   * @param found the discovered contexts
   */
  static ClusterTarget initialTarget(boolean preferSandbox, ContextDiscovery found) {
    if (preferSandbox || !found.kubeconfigExists()) {
      return ClusterTarget.sandbox();
    }
    // No usable current context: the sandbox is the one choice that cannot hurt a real cluster.
    return found
        .current()
        .<ClusterTarget>map(ClusterTarget.KubeContext::new)
        .orElse(ClusterTarget.sandbox());
  }

  /** What a discovery found: the contexts, which are protected, and what could not be read. */
  private record Found(
      ContextDiscovery discovery, Set<String> protectedNames, List<String> problems) {}

  /** Runs on a background thread: reads the kubeconfig files and the protected contexts. */
  private Found findContexts() {
    ContextDiscovery found = service.discover();
    List<String> all =
        new ArrayList<>(found.problems().stream().map(KubeconfigProblem::toString).toList());
    Set<String> names = Set.of();
    try {
      names = Set.copyOf(service.protectedContexts());
    } catch (Exception e) {
      all.add("Cannot read the protected contexts: " + reason(e));
    }
    return new Found(found, names, all);
  }

  private void showDiscovery(Found found) {
    discovery = found.discovery();
    // The protected set first: the switcher rebuilds when the targets change and must see it.
    showProtected(found.protectedNames());
    List<ClusterTarget> list = new ArrayList<>();
    list.add(ClusterTarget.sandbox());
    discovery.contexts().stream().map(ClusterTarget.KubeContext::new).forEach(list::add);
    targets.setAll(list);
    problems.setAll(found.problems());
    if (target.get() != null) {
      details.set(details(target.get(), null));
    }
  }

  /**
   * Called on a watch thread at every change of the snapshot (up to hundreds per second): hands the
   * state to the FX thread, at most one update in flight, so a burst costs one UI update.
   */
  private void syncChanged(long request, LiveCluster live) {
    syncDirty.set(true);
    if (request != connects || !syncUpdatePending.compareAndSet(false, true)) {
      return;
    }
    readSync(request, live);
  }

  /**
   * Reads the state in the background and shows it; a change noticed meanwhile (which the read may
   * have missed) reads once more, so the last state always shows.
   */
  private void readSync(long request, LiveCluster live) {
    syncDirty.set(false);
    tasks.execute(
        () -> live.snapshot().state(),
        state -> {
          if (request == connects && !closed) {
            showSync(state);
          }
          syncUpdatePending.set(false);
          if (request == connects
              && syncDirty.get()
              && syncUpdatePending.compareAndSet(false, true)) {
            readSync(request, live);
          }
        },
        failure -> syncUpdatePending.set(false));
  }

  private void showSync(SnapshotState state) {
    switch (state.phase()) {
      case SYNCING -> {
        phase.set(Phase.SYNCING);
        statusText.set(summaryText + SEPARATOR + "syncing\u2026");
      }
      case LIVE -> {
        phase.set(Phase.LIVE);
        statusText.set(summaryText + SEPARATOR + "live");
      }
      case STALE -> {
        phase.set(Phase.STALE);
        statusText.set(
            summaryText
                + SEPARATOR
                + "stale"
                + (state.message().isBlank() ? "" : ": " + state.message()));
      }
    }
  }

  /**
   * Marks a kubeconfig context protected (runs on it need its name typed) or lifts that, written in
   * the background to Faultline's settings; the protected set follows once the file is written, and
   * a failure is listed with the kubeconfig problems.
   */
  public void setProtected(String contextName, boolean protect) {
    Objects.requireNonNull(contextName, "contextName");
    tasks.execute(
        () -> service.setProtected(contextName, protect),
        names -> {
          if (!closed) {
            showProtected(names);
            if (target.get() != null) {
              details.set(details(target.get(), null));
            }
          }
        },
        failure -> {
          if (!closed) {
            problems.add(
                "Cannot "
                    + (protect ? "protect " : "unprotect ")
                    + contextName
                    + ": "
                    + reason(failure));
          }
        });
  }

  /** Makes the protected set {@code names}, changing only what differs (one event per change). */
  private void showProtected(Set<String> names) {
    protectedNames.retainAll(names);
    protectedNames.addAll(names);
  }

  /** Whether {@code shown} is a kubeconfig context the user marked protected. */
  public boolean isProtected(ClusterTarget shown) {
    return shown instanceof ClusterTarget.KubeContext context
        && protectedNames.contains(context.contextName());
  }

  private void release(ClusterService.Connection connection) {
    if (connection != null) {
      tasks.execute(
          () -> {
            connection.close();
            return null;
          },
          done -> {},
          failure -> {});
    }
  }

  /** Several lines for a tooltip: what the target is, where it comes from, what the probe found. */
  private String details(ClusterTarget shown, ClusterSummary summary) {
    List<String> lines = new ArrayList<>();
    switch (shown) {
      case ClusterTarget.KubeContext context -> {
        ContextRef ref = context.context();
        lines.add("Context " + ref.name() + ", namespace " + ref.namespace());
        lines.add("Server " + (ref.server().isEmpty() ? "(not defined)" : ref.server()));
        lines.add("Kubeconfig " + ref.source());
        if (isProtected(shown)) {
          lines.add("Protected: runs need " + RunGuard.flag(ref.name()));
        }
      }
      case ClusterTarget.EmbeddedSandbox sandbox -> {
        lines.add("Embedded sandbox: a simulated cluster inside Faultline");
        if (summary != null) {
          lines.add("Server " + summary.server());
        }
        lines.add("kubectl --kubeconfig " + service.sandboxKubeconfig() + " get pods -A");
        if (!discovery.kubeconfigExists()) {
          lines.add("No kubeconfig found (" + files(discovery.files()) + ")");
        }
      }
    }
    if (summary instanceof ClusterSummary.Unavailable unavailable) {
      lines.add(unavailable.message());
      if (!unavailable.advice().isEmpty()) {
        lines.add(unavailable.advice() + ".");
      }
    }
    return String.join("\n", lines);
  }

  private static String files(List<Path> files) {
    return files.stream().map(Path::toString).collect(Collectors.joining(", "));
  }

  /** The message of a failure, or its type when it has none. */
  static String reason(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }

  /** How the preview opens the other contexts a multi-cluster experiment names; may be null. */
  public dev.faultline.designer.preview.ContextOpener previewContextOpener() {
    return service.previewContextOpener();
  }

  /** The sandbox, then every kubeconfig context by name; updated on the FX thread. */
  public ObservableList<ClusterTarget> targets() {
    return readOnlyTargets;
  }

  /** The names of the contexts marked protected; updated with the targets, on the FX thread. */
  public ObservableSet<String> protectedContexts() {
    return readOnlyProtectedNames;
  }

  /** Files that could not be used, and the like; empty when all is well. */
  public ObservableList<String> problems() {
    return readOnlyProblems;
  }

  /** The target connected to or being connected to; {@code null} before {@link #start}. */
  public ReadOnlyObjectProperty<ClusterTarget> targetProperty() {
    return target.getReadOnlyProperty();
  }

  /**
   * The client and live snapshot of the current connection, for previews and runs; {@code null}
   * while connecting, when the cluster cannot be reached, and after {@link #close}.
   */
  public ReadOnlyObjectProperty<LiveCluster> liveClusterProperty() {
    return liveCluster.getReadOnlyProperty();
  }

  /**
   * Rolls back every fault crashed runs left open in this machine's journals; blocks, so call it
   * off the FX thread.
   */
  public Cleanup.Report cleanUpLeftovers() throws Exception {
    return service.cleanUpLeftovers();
  }

  /**
   * The contexts of {@code names} the kubeconfig lacks, as sentences with a did-you-mean; reads the
   * kubeconfig, so call it off the FX thread.
   */
  public List<String> missingContexts(List<String> names) {
    return names.isEmpty() ? List.of() : service.missingContexts(names);
  }

  /**
   * Opens the other contexts a multi-cluster run of {@code experimentName} names, as the CLI does;
   * the opener itself connects only when the run starts.
   */
  public dev.faultline.engine.RunEnvironment.ContextOpener contextOpener(
      Path stateDirectory, String experimentName) {
    return service.contextOpener(stateDirectory, experimentName);
  }

  /** Whether the current target is a protected context (runs on it need its name typed). */
  public boolean isCurrentProtected() {
    ClusterTarget shown = target.get();
    return shown != null && isProtected(shown);
  }

  /** Where the connection stands, for styling. */
  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  /**
   * One line for the status bar: {@code "faultline-sandbox · connecting…"}, {@code
   * "faultline-sandbox · v1.35.0 · 19 pods in 5 namespaces"} or {@code "prod · cannot reach ..."}.
   */
  public ReadOnlyStringProperty statusTextProperty() {
    return statusText.getReadOnlyProperty();
  }

  /** A few lines about the current target for a tooltip: server, kubeconfig, failure. */
  public ReadOnlyStringProperty detailsProperty() {
    return details.getReadOnlyProperty();
  }
}
