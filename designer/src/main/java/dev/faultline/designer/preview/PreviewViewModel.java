package dev.faultline.designer.preview;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.LiveSnapshot;
import dev.faultline.cluster.snapshot.SnapshotState;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.model.Experiment;
import dev.faultline.model.Target;
import dev.faultline.target.InvalidTargetException;
import dev.faultline.target.LivePreview;
import dev.faultline.target.TargetResolution;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The live target preview's state: which pods the selected step's target picks in the connected
 * cluster, and a {@link PreviewCount} badge for every attack step.
 *
 * <p><b>Threading.</b> Properties are read and written on the FX thread. Targets are resolved on
 * {@code background}, one computation at a time, each target with a {@link LivePreview} kept while
 * its target, namespace policy and seed stay the same (so later resolutions only patch the pods
 * that changed). A change of the cluster (a {@link LiveSnapshot}'s {@code onChange}, on a watch
 * thread; or, for other snapshots, a new {@link ClusterSnapshot#version()} seen at a frame), the
 * document or the selection starts a computation at once when none is running and none started
 * since the last frame; otherwise it marks the preview dirty and the next frame starts one. Results
 * are applied at the next frame. So a burst of any number of changes costs at most one computation
 * and one update of the properties per frame, and a single change shows in the first frame after
 * its computation ends.
 *
 * <p><b>Multi-cluster.</b> A target that names another kubeconfig context than the connected one
 * ({@link #homeContextProperty}) is resolved against that context's own live snapshot, which the
 * {@link ContextOpener} opens on {@code background} when a target first names it and which is
 * closed when none does any more (or on {@link #dispose}). Its changes go through the same gate, so
 * every cluster together still costs at most one update per frame. {@link #groups} lists the
 * targets under one heading per context.
 *
 * <p><b>Policy and seed</b> are taken as the engine and {@code faultline preview} take them: the
 * experiment's {@code spec.safety} namespace policy and {@link
 * dev.faultline.target.Seeds#forTarget} of the experiment and target names, so the preview shows
 * the pods a run would pick now.
 */
public final class PreviewViewModel {
  static final String NOT_CONNECTED = "Not connected to a cluster";
  static final String SYNCING = "Syncing cluster…";
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final ExperimentDocument document;
  private final StepSelection selection;
  private final Executor background;
  private final FrameScheduler frames;

  private final ObjectProperty<ClusterSnapshot> snapshot =
      new SimpleObjectProperty<>(this, "snapshot");
  private final ReadOnlyStringWrapper shownStep = new ReadOnlyStringWrapper(this, "shownStep");
  private final ReadOnlyStringWrapper shownTarget = new ReadOnlyStringWrapper(this, "shownTarget");
  private final StringProperty focusedTarget = new SimpleStringProperty(this, "focusedTarget");
  private final ReadOnlyObjectWrapper<TargetResolution> resolution =
      new ReadOnlyObjectWrapper<>(this, "resolution");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper snapshotText =
      new ReadOnlyStringWrapper(this, "snapshotText", "not connected");
  private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper(this, "header", "");
  private final ReadOnlyLongWrapper appliedVersion =
      new ReadOnlyLongWrapper(this, "appliedVersion", -1);
  private final ObservableMap<String, PreviewCount> counts = FXCollections.observableHashMap();
  private final ObservableMap<String, PreviewCount> readOnlyCounts =
      FXCollections.unmodifiableObservableMap(counts);
  private final StringProperty homeContext = new SimpleStringProperty(this, "homeContext");
  private final ReadOnlyObjectWrapper<List<ContextGroup>> groups =
      new ReadOnlyObjectWrapper<>(this, "groups", List.of());
  private final OtherContexts others;
  // The connected context's name, read by the background computation.
  private volatile String home;

  // Read by the background computation; written on the FX thread.
  private volatile PreviewPlan plan;
  private volatile ClusterSnapshot current;
  // Only the one running computation uses these (hand-over is ordered by the executor and gate).
  private final Map<PreviewKey, LivePreview> previews = new ConcurrentHashMap<>();
  private volatile long lastResolvedVersion = -1;
  private final AtomicReference<PreviewOutcome> ready = new AtomicReference<>();

  // The gate: at most one computation running, at most one started per frame.
  private final Object gate = new Object();
  private boolean dirty;
  private boolean inFlight;
  private boolean startedThisFrame;
  private boolean framePending;
  private final Runnable onFrame = this::frame;

  private final ChangeListener<Experiment> experimentListener = (o, was, now) -> replan();
  private final ChangeListener<Set<String>> selectionListener = (o, was, now) -> replan();

  /**
   * The view model the app uses: resolutions on virtual threads, updates on JavaFX pulses. Call on
   * the FX thread.
   */
  public PreviewViewModel(ExperimentDocument document, StepSelection selection) {
    this(
        document,
        selection,
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("preview-", 0).factory()),
        new PulseFrameScheduler());
  }

  /**
   * @param background runs the resolutions; a direct executor ({@code Runnable::run}) makes tests
   *     deterministic
   * @param frames calls back at the next frame, where results are applied and polled snapshots
   *     checked
   */
  public PreviewViewModel(
      ExperimentDocument document,
      StepSelection selection,
      Executor background,
      FrameScheduler frames) {
    this.document = Objects.requireNonNull(document, "document");
    this.selection = Objects.requireNonNull(selection, "selection");
    this.background = Objects.requireNonNull(background, "background");
    this.frames = Objects.requireNonNull(frames, "frames");
    this.others = new OtherContexts(background, this::changed);
    homeContext.addListener(
        (o, was, now) -> {
          home = now;
          replan();
        });
    document.experimentProperty().addListener(experimentListener);
    selection.idsProperty().addListener(selectionListener);
    focusedTarget.addListener((o, was, now) -> replan());
    snapshot.addListener((o, was, now) -> connect(now));
    replan();
  }

  /** Stops following the document and selection, and lets go of the snapshot. */
  public void dispose() {
    document.experimentProperty().removeListener(experimentListener);
    selection.idsProperty().removeListener(selectionListener);
    // The app binds the snapshot to its connection: a disposed preview follows it no more.
    snapshot.unbind();
    snapshot.set(null);
    others.closeAll();
  }

  /**
   * The kubeconfig context of {@link #snapshotProperty}'s cluster: targets naming no context, or
   * this one, resolve there; others in their own context's cluster. The app binds it to the
   * connection's context.
   */
  public StringProperty homeContextProperty() {
    return homeContext;
  }

  /**
   * How to open the cluster of another context a target names; null (the default): such targets
   * show that they cannot be previewed. Set it once, on the FX thread, before targets name
   * contexts.
   */
  public void setContextOpener(ContextOpener opener) {
    others.setOpener(opener);
  }

  /**
   * The targets of a multi-cluster experiment, grouped under one heading per context (the connected
   * one first); empty for a single-cluster experiment. Changes once per frame at most.
   */
  public ReadOnlyObjectProperty<List<ContextGroup>> groupsProperty() {
    return groups.getReadOnlyProperty();
  }

  public List<ContextGroup> groups() {
    return groups.get();
  }

  /**
   * The cluster to preview against; {@code null} while not connected. The app sets its {@link
   * LiveSnapshot}; the preview never closes it.
   */
  public ObjectProperty<ClusterSnapshot> snapshotProperty() {
    return snapshot;
  }

  /**
   * A target to show while no step is selected (the one the user edits in the experiment form);
   * null: none. The app binds it to the inspector's.
   */
  public StringProperty focusedTargetProperty() {
    return focusedTarget;
  }

  /** The step whose target is shown: the primary selection, or null. */
  public ReadOnlyStringProperty shownStepProperty() {
    return shownStep.getReadOnlyProperty();
  }

  /** The name of the target shown, or null when the shown step has none. */
  public ReadOnlyStringProperty shownTargetProperty() {
    return shownTarget.getReadOnlyProperty();
  }

  /** What the shown target picks now; null when there is nothing to show (see {@link #status}). */
  public ReadOnlyObjectProperty<TargetResolution> resolutionProperty() {
    return resolution.getReadOnlyProperty();
  }

  public TargetResolution resolution() {
    return resolution.get();
  }

  /**
   * Why nothing is shown, or what to keep in mind about what is: "Select an attack to preview its
   * targets", "Not connected to a cluster", "Syncing cluster…", an invalid target's message naming
   * the field, or a stale cluster's notice. Empty while a live resolution is shown.
   */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public String status() {
    return status.get();
  }

  /** The snapshot's state in a word or two: not connected, syncing…, live, stale. */
  public ReadOnlyStringProperty snapshotTextProperty() {
    return snapshotText.getReadOnlyProperty();
  }

  /** {@code 3 of 7 pods selected · target checkout · live}. */
  public ReadOnlyStringProperty headerProperty() {
    return header.getReadOnlyProperty();
  }

  public String header() {
    return header.get();
  }

  /**
   * The snapshot version of the last outcome applied (the shown resolution's version when there is
   * one), -1 before any: for latency measurements, which compare it with the versions their own
   * {@link LiveSnapshot#onChange} listener saw arrive.
   */
  public ReadOnlyLongProperty appliedVersionProperty() {
    return appliedVersion.getReadOnlyProperty();
  }

  /**
   * The badge of every attack step with a resolvable target, by step id; empty while not connected
   * or syncing. Read-only; changes once per frame at most.
   */
  public ObservableMap<String, PreviewCount> counts() {
    return readOnlyCounts;
  }

  // ---- FX thread: inputs

  private void connect(ClusterSnapshot now) {
    current = now;
    previews.clear(); // their state belongs to the old snapshot
    lastResolvedVersion = -1;
    if (now instanceof LiveSnapshot live) {
      // LiveSnapshot has no way to remove a listener: one for a snapshot no longer shown stays
      // registered (until the app closes that snapshot) and does nothing.
      live.onChange(
          () -> {
            if (current == live) {
              changed();
            }
          });
    }
    replan();
  }

  /** The document, selection or snapshot changed: show what is known now, and resolve again. */
  private void replan() {
    PreviewPlan was = plan;
    PreviewPlan now =
        PreviewPlan.of(
            document.experiment(), selection.primary().orElse(null), focusedTarget.get());
    plan = now;
    shownStep.set(now.shownStep());
    shownTarget.set(now.shownTarget());
    others.want(current == null ? java.util.Set.of() : elsewhere(now));
    if (current == null) {
      resolution.set(null);
      counts.clear();
      groups.set(List.of());
      snapshotText.set("not connected");
      status.set(now.emptyReason() != null ? now.emptyReason() : NOT_CONNECTED);
    } else if (now.emptyReason() != null) {
      resolution.set(null);
      status.set(now.emptyReason());
    } else if (was == null || !Objects.equals(was.shownTarget(), now.shownTarget())) {
      resolution.set(null); // another target's pods must not stand under this one's name
      status.set("");
    }
    if (current != null && snapshotText.get().equals("not connected")) {
      snapshotText.set("syncing…");
    }
    updateHeader();
    changed();
  }

  // ---- any thread: the gate

  /** Something changed: resolve now if allowed, else at the next frame. Any thread. */
  private void changed() {
    boolean start;
    synchronized (gate) {
      dirty = true;
      start = tryStartLocked();
      requestFrameLocked();
    }
    if (start) {
      background.execute(this::compute);
    }
  }

  private boolean tryStartLocked() {
    if (!dirty || inFlight || startedThisFrame || current == null) {
      return false;
    }
    dirty = false;
    inFlight = true;
    startedThisFrame = true;
    return true;
  }

  private void requestFrameLocked() {
    if (!framePending) {
      framePending = true;
      frames.requestFrame(onFrame);
    }
  }

  /** At a pulse, on the FX thread: apply the latest outcome, poll, and start what waits. */
  private void frame() {
    boolean opened = others.drain();
    PreviewOutcome outcome = ready.getAndSet(null);
    if (outcome != null) {
      apply(outcome);
    }
    ClusterSnapshot snap = current;
    Map<String, ClusterSnapshot> elsewhere = others.snapshots();
    boolean polled =
        snap != null
            && (!(snap instanceof LiveSnapshot)
                || elsewhere.values().stream().anyMatch(o -> !(o instanceof LiveSnapshot)));
    boolean start;
    synchronized (gate) {
      framePending = false;
      startedThisFrame = false;
      if (opened || snap != null && version(snap, elsewhere) != lastResolvedVersion) {
        dirty = true; // plain snapshots tell no one; a live one's notice may be in flight
      }
      start = tryStartLocked();
      if (polled || dirty) {
        requestFrameLocked();
      }
    }
    if (start) {
      background.execute(this::compute);
    }
  }

  // ---- background: one computation at a time

  private void compute() {
    PreviewOutcome outcome;
    try {
      outcome = resolveAll(plan, current, others.snapshots());
    } catch (RuntimeException | Error e) {
      outcome = null; // resolveAll catches per target; this is a bug, but the gate must reopen
    }
    if (outcome != null) {
      ready.set(outcome);
    }
    synchronized (gate) {
      inFlight = false;
      requestFrameLocked();
    }
  }

  private PreviewOutcome resolveAll(
      PreviewPlan what, ClusterSnapshot snap, Map<String, ClusterSnapshot> elsewhere) {
    if (snap == null) {
      return null;
    }
    long version = snap.version();
    lastResolvedVersion = version(snap, elsewhere);
    SnapshotState state = snap.state();
    var results = new HashMap<String, PreviewOutcome.Resolved>();
    var used = new java.util.HashSet<PreviewKey>();
    for (PreviewPlan.TargetKey key : what.targets().values()) {
      String context = contextOf(key.target(), home);
      // The same path for every cluster: the target's own snapshot, skipped while it syncs.
      ClusterSnapshot in = context == null ? snap : elsewhere.get(context);
      if (in != null && in.state().phase() != SnapshotState.Phase.SYNCING) {
        PreviewKey previewKey = new PreviewKey(key, in);
        used.add(previewKey);
        results.put(key.name(), resolve(previewKey));
      }
    }
    previews.keySet().retainAll(used);
    return new PreviewOutcome(what, snap, version, state, Map.copyOf(results), elsewhere);
  }

  /** The versions of every cluster together: any change of any of them changes the sum. */
  private static long version(ClusterSnapshot snap, Map<String, ClusterSnapshot> elsewhere) {
    long sum = snap.version();
    for (ClusterSnapshot other : elsewhere.values()) {
      sum += other.version();
    }
    return sum;
  }

  /**
   * A target's resolver, which is incremental against one snapshot only: a context reopened is a
   * new key.
   */
  private record PreviewKey(PreviewPlan.TargetKey target, ClusterSnapshot snapshot) {
    @Override
    public boolean equals(Object o) {
      return o instanceof PreviewKey k && k.target.equals(target) && k.snapshot == snapshot;
    }

    @Override
    public int hashCode() {
      return target.hashCode() * 31 + System.identityHashCode(snapshot);
    }
  }

  /** The other context a target lives in, or null when it is the connected one's. */
  static String contextOf(dev.faultline.model.Target target, String home) {
    String context = target.context();
    return context == null || context.equals(home) ? null : context;
  }

  /** The contexts other than the connected one that the plan's targets live in. */
  private java.util.Set<String> elsewhere(PreviewPlan what) {
    var contexts = new java.util.LinkedHashSet<String>();
    for (PreviewPlan.TargetKey key : what.targets().values()) {
      String context = contextOf(key.target(), homeContext.get());
      if (context != null) {
        contexts.add(context);
      }
    }
    return contexts;
  }

  private PreviewOutcome.Resolved resolve(PreviewKey previewKey) {
    PreviewPlan.TargetKey key = previewKey.target();
    ClusterSnapshot snap = previewKey.snapshot();
    LivePreview preview =
        previews.computeIfAbsent(
            previewKey, k -> new LivePreview(key.target(), key.policy(), key.seed()));
    try {
      return new PreviewOutcome.Resolved(preview.resolve(snap), null);
    } catch (InvalidTargetException e) {
      return new PreviewOutcome.Resolved(
          null, "Target “" + key.name() + "” is invalid: " + e.getMessage());
    } catch (RuntimeException e) {
      return new PreviewOutcome.Resolved(
          null, "Cannot resolve target “" + key.name() + "”: " + e.getMessage());
    }
  }

  // ---- FX thread: outputs

  private void apply(PreviewOutcome outcome) {
    if (outcome.plan() != plan
        || outcome.snapshot() != current
        || outcome.others() != others.snapshots()) {
      return; // superseded: the newer plan or snapshot is already being resolved
    }
    PreviewPlan what = outcome.plan();
    SnapshotState state = outcome.state();
    boolean syncing = state.phase() == SnapshotState.Phase.SYNCING;
    snapshotText.set(
        switch (state.phase()) {
          case SYNCING -> "syncing…";
          case LIVE -> "live";
          case STALE -> "stale";
        });
    publishCounts(what, outcome.byTarget());
    publishGroups(what, outcome.byTarget(), state);

    long shownVersion = outcome.version();
    String shownElsewhere =
        what.shownTarget() == null || !what.targets().containsKey(what.shownTarget())
            ? null
            : contextOf(what.targets().get(what.shownTarget()).target(), home);
    if (what.emptyReason() != null) {
      resolution.set(null);
      status.set(what.emptyReason());
    } else if (shownElsewhere != null && outcome.byTarget().get(what.shownTarget()) == null) {
      resolution.set(null);
      String problem = others.problem(shownElsewhere);
      status.set("Context " + shownElsewhere + ": " + (problem == null ? "syncing…" : problem));
    } else if (shownElsewhere == null && syncing) {
      resolution.set(null);
      status.set(SYNCING);
    } else {
      PreviewOutcome.Resolved shown = outcome.byTarget().get(what.shownTarget());
      if (shown == null || shown.resolution() == null) {
        resolution.set(null);
        status.set(shown == null ? "" : shown.error());
      } else {
        resolution.set(shown.resolution());
        shownVersion = shown.resolution().snapshotVersion();
        status.set(
            state.phase() == SnapshotState.Phase.STALE
                ? "Cluster connection lost at "
                    + CLOCK.format(state.since())
                    + (state.message().isBlank() ? "" : " (" + state.message() + ")")
                    + "; showing the pods last seen"
                : "");
      }
    }
    updateHeader();
    appliedVersion.set(shownVersion);
  }

  private void publishCounts(PreviewPlan what, Map<String, PreviewOutcome.Resolved> byTarget) {
    var now = new HashMap<String, PreviewCount>();
    what.attackTargets()
        .forEach(
            (step, target) -> {
              PreviewOutcome.Resolved r = byTarget.get(target);
              if (r != null && r.resolution() != null) {
                TargetResolution res = r.resolution();
                now.put(step, new PreviewCount(res.selected().size(), res.matched().size()));
              }
            });
    List<String> gone = new ArrayList<>();
    for (String step : counts.keySet()) {
      if (!now.containsKey(step)) {
        gone.add(step);
      }
    }
    counts.keySet().removeAll(gone);
    now.forEach(
        (step, count) -> {
          if (!count.equals(counts.get(step))) {
            counts.put(step, count);
          }
        });
  }

  private void publishGroups(
      PreviewPlan what, Map<String, PreviewOutcome.Resolved> byTarget, SnapshotState state) {
    List<String> elsewhere = others.contexts();
    if (elsewhere.isEmpty()) {
      if (!groups.get().isEmpty()) {
        groups.set(List.of());
      }
      return;
    }
    var lines = new java.util.LinkedHashMap<String, List<ContextGroup.TargetLine>>();
    String homeName = Objects.requireNonNullElse(home, "");
    lines.put(homeName, new ArrayList<>());
    elsewhere.forEach(c -> lines.put(c, new ArrayList<>()));
    for (PreviewPlan.TargetKey key : what.targets().values()) {
      String context = contextOf(key.target(), home);
      lines.get(context == null ? homeName : context).add(line(key.name(), byTarget));
    }
    var now = new ArrayList<ContextGroup>();
    now.add(
        new ContextGroup(
            homeName,
            (homeName.isEmpty() ? "connected cluster" : homeName + " (connected)")
                + " \u00b7 "
                + phase(state),
            null,
            lines.get(homeName)));
    Map<String, ClusterSnapshot> open = others.snapshots();
    for (String context : elsewhere) {
      ClusterSnapshot snap = open.get(context);
      String problem = others.problem(context);
      now.add(
          new ContextGroup(
              context,
              snap == null ? context : context + " \u00b7 " + phase(snap.state()),
              snap == null && problem != null && !problem.equals("connecting…") ? problem : null,
              lines.get(context)));
    }
    if (!now.equals(groups.get())) {
      groups.set(List.copyOf(now));
    }
  }

  private static ContextGroup.TargetLine line(
      String name, Map<String, PreviewOutcome.Resolved> byTarget) {
    PreviewOutcome.Resolved r = byTarget.get(name);
    if (r == null) {
      return new ContextGroup.TargetLine(name, -1, -1, List.of(), null);
    }
    if (r.resolution() == null) {
      return new ContextGroup.TargetLine(name, -1, -1, List.of(), r.error());
    }
    TargetResolution res = r.resolution();
    return new ContextGroup.TargetLine(
        name,
        res.selected().size(),
        res.matched().size(),
        res.selected().stream().map(p -> p.pod().name()).toList(),
        null);
  }

  private static String phase(SnapshotState state) {
    return switch (state.phase()) {
      case SYNCING -> "syncing…";
      case LIVE -> "live";
      case STALE -> "stale";
    };
  }

  private void updateHeader() {
    var parts = new ArrayList<String>(3);
    TargetResolution shown = resolution.get();
    if (shown != null) {
      parts.add(shown.selected().size() + " of " + shown.matched().size() + " pods selected");
    }
    if (shownTarget.get() != null) {
      Target target = document.experiment().spec().targets().get(shownTarget.get());
      String elsewhere = target == null ? null : contextOf(target, homeContext.get());
      parts.add("target " + shownTarget.get() + (elsewhere == null ? "" : " in " + elsewhere));
    }
    parts.add(snapshotText.get());
    header.set(String.join(" · ", parts));
  }
}
