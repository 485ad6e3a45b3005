package dev.faultline.designer.run;

import dev.faultline.attack.Fault;
import dev.faultline.designer.canvas.StepRunState;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.designer.run.chart.ProbeChart;
import dev.faultline.designer.run.chart.ProbeChart.FaultWindow;
import dev.faultline.designer.run.chart.TimeSeries;
import dev.faultline.engine.LoopEvent;
import dev.faultline.engine.LoopListener;
import dev.faultline.engine.LoopResult;
import dev.faultline.engine.LoopRun;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunHandle;
import dev.faultline.engine.RunListener;
import dev.faultline.engine.Verdict;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.report.HtmlReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The state of one run for the run view, on the FX thread, with no controls.
 *
 * <p>Create one per run with the experiment being run, pass {@link #listener()} to {@code
 * Engine.start}, then {@link #attach} the returned handle:
 *
 * <pre>{@code
 * RunViewModel model = new RunViewModel(experiment, null, tasks);
 * model.addSink(timeline);
 * RunHandle handle = engine.start(experiment, options, model.listener());
 * model.attach(handle);
 * }</pre>
 *
 * <p>Threading: the listener runs on the runner's event thread. It only queues the event (and
 * appends probe samples to their {@link TimeSeries}, which is one-writer, FX-reader). Once per
 * pulse the model drains the queue on the FX thread, folds the batch into its properties and then
 * hands the same batch, in run order, to every {@link RunEventSink}: never one UI update per event.
 * The pulse stops once the run has finished and its last event is delivered.
 *
 * <p>Commands ({@link #emergencyStop()}, {@link #pause()}, {@link #continueGate}…) call the handle
 * with the operator's name and return at once; their effect comes back as events. Commands given
 * before {@link #attach} are queued and sent on attach, so an early emergency stop is never lost.
 *
 * <p>A looped run ({@code spec.loop}) is one model for all its iterations: pass {@link
 * #loopListener()} to the {@link LoopRun}, {@link #attachLoop} it, {@link #attach} each iteration's
 * handle as it starts, and report the end with {@link #loopEnded}. An iteration's end is not the
 * run's end: the verdict, the reason (which loop failed) and {@link RunPhase#FINISHED} come from
 * the {@link LoopResult}. {@link #loopTextProperty()} says which loop runs, or the pause.
 */
public final class RunViewModel {

  /** A gate waiting for a person; {@code since} is wall-clock time. */
  public record WaitingGate(String stepId, String question, Instant since) {}

  /** A gate someone answered. */
  public record AnsweredGate(
      String stepId, String question, boolean approved, String by, Instant at) {}

  /** A note pinned to the run's timeline. */
  public record Note(String author, String text, Instant at, long nanos) {}

  private final Experiment experiment;
  private final String operator;
  private final UiTaskExecutor tasks;
  private final FramePulse pulse;
  private final LongSupplier nanoClock;

  // Shared with the runner's event thread.
  // RunEvents, and TimedLoopEvents and LoopEnds in the order the loop reported them.
  private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
  private final Map<String, TimeSeries> seriesById = new ConcurrentHashMap<>();
  private final Map<String, String> probeTypes;
  private volatile long startEpochMillis;
  private volatile long startLocalNanos = Long.MIN_VALUE;

  // FX thread only.
  private final List<RunEventSink> sinks = new CopyOnWriteArrayList<>();
  private final List<RunEvent> events = new ArrayList<>();
  private final List<Consumer<RunHandle>> early = new ArrayList<>();
  private final Set<String> openFaults = new HashSet<>();
  private final Map<String, String> questions = new LinkedHashMap<>();
  private RunHandle handle;
  private LoopRun loopRun;
  private String loopCancelledBy;
  private final LoopProgress loop;
  private boolean pulsing;
  private long lastElapsedSecond = -1;

  private final ReadOnlyObjectWrapper<RunPhase> phase =
      new ReadOnlyObjectWrapper<>(this, "phase", RunPhase.STARTING);
  private final ReadOnlyObjectWrapper<Verdict> verdict =
      new ReadOnlyObjectWrapper<>(this, "verdict");
  private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", "");
  private final ReadOnlyStringWrapper statusText =
      new ReadOnlyStringWrapper(this, "statusText", "Starting…");
  private final ReadOnlyStringWrapper loopText = new ReadOnlyStringWrapper(this, "loopText", "");
  private final ReadOnlyBooleanWrapper dryRun = new ReadOnlyBooleanWrapper(this, "dryRun");
  private final ReadOnlyStringWrapper elapsedText =
      new ReadOnlyStringWrapper(this, "elapsedText", "0:00");
  private final ReadOnlyIntegerWrapper faultsApplied =
      new ReadOnlyIntegerWrapper(this, "faultsApplied");
  private final ReadOnlyIntegerWrapper faultsRolledBack =
      new ReadOnlyIntegerWrapper(this, "faultsRolledBack");
  private final ReadOnlyIntegerWrapper faultsOpen = new ReadOnlyIntegerWrapper(this, "faultsOpen");
  private final ReadOnlyStringWrapper reportStatus =
      new ReadOnlyStringWrapper(this, "reportStatus", "");
  private final ReadOnlyBooleanWrapper savingReport =
      new ReadOnlyBooleanWrapper(this, "savingReport");
  private final ObservableMap<String, StepRunState> stepStates =
      FXCollections.observableMap(new LinkedHashMap<>());
  private final ObservableList<WaitingGate> waitingGates = FXCollections.observableArrayList();
  private final ObservableList<AnsweredGate> answeredGates = FXCollections.observableArrayList();
  private final ObservableList<Note> notes = FXCollections.observableArrayList();
  private final ObservableList<ProbeTrack> probes = FXCollections.observableArrayList();
  private final ObservableList<FaultWindow> faultWindows = FXCollections.observableArrayList();

  private final ObservableMap<String, StepRunState> stepStatesView =
      FXCollections.unmodifiableObservableMap(stepStates);
  private final ObservableList<WaitingGate> waitingGatesView =
      FXCollections.unmodifiableObservableList(waitingGates);
  private final ObservableList<AnsweredGate> answeredGatesView =
      FXCollections.unmodifiableObservableList(answeredGates);
  private final ObservableList<Note> notesView = FXCollections.unmodifiableObservableList(notes);
  private final ObservableList<ProbeTrack> probesView =
      FXCollections.unmodifiableObservableList(probes);
  private final ObservableList<FaultWindow> faultWindowsView =
      FXCollections.unmodifiableObservableList(faultWindows);

  /** A model for running {@code experiment}, saving reports on background threads. */
  public RunViewModel(Experiment experiment, String operatorName) {
    this(experiment, operatorName, new FxTaskExecutor());
  }

  /**
   * @param operatorName who presses the buttons, recorded in the run; {@code null}: the OS user
   * @param tasks runs report writing off the FX thread
   */
  public RunViewModel(Experiment experiment, String operatorName, UiTaskExecutor tasks) {
    this(experiment, operatorName, tasks, FramePulse.animationTimer(), System::nanoTime);
  }

  RunViewModel(
      Experiment experiment,
      String operatorName,
      UiTaskExecutor tasks,
      FramePulse pulse,
      LongSupplier nanoClock) {
    this.experiment = Objects.requireNonNull(experiment, "experiment");
    this.operator =
        operatorName == null || operatorName.isBlank()
            ? System.getProperty("user.name", "operator")
            : operatorName;
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.pulse = Objects.requireNonNull(pulse, "pulse");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.loop = new LoopProgress(experiment.spec().loop());
    var types = new LinkedHashMap<String, String>();
    for (Step step : experiment.spec().steps()) {
      stepStates.put(step.id(), StepRunState.PENDING);
      if (step instanceof ProbeStep probe) {
        types.put(probe.id(), probe.probe());
      }
      if (step instanceof dev.faultline.model.GateStep gate) {
        questions.put(gate.id(), gate.gate() == null ? "" : gate.gate());
      }
    }
    for (ContinuousProbe probe : experiment.spec().probes()) {
      types.put(probe.id(), probe.probe());
    }
    this.probeTypes = Map.copyOf(types);
    types.forEach(
        (id, type) -> {
          TimeSeries series = new TimeSeries();
          seriesById.put(id, series);
          probes.add(new ProbeTrack(id, type, series));
        });
    startPulse();
  }

  // ---- wiring

  /** The listener to pass to {@code Engine.start}; safe to call on any thread. */
  public RunListener listener() {
    return this::receive;
  }

  /** Connects the running run; commands given before are sent now, in order. FX thread. */
  public void attach(RunHandle runHandle) {
    this.handle = Objects.requireNonNull(runHandle, "runHandle");
    early.forEach(command -> command.accept(runHandle));
    early.clear();
  }

  /** The listener to pass to the {@link LoopRun} of a looped run; safe to call on any thread. */
  public LoopListener loopListener() {
    return event -> inbox.add(new TimedLoopEvent(event, nanoClock.getAsLong()));
  }

  /**
   * Connects the loop of a looped run: cancel and emergency stop then also end the loop, during an
   * iteration or a pause. A cancel given before is sent now. FX thread.
   */
  public void attachLoop(LoopRun run) {
    this.loopRun = Objects.requireNonNull(run, "run");
    if (loopCancelledBy != null) {
      run.cancel(loopCancelledBy);
    }
  }

  /** Ends a looped run with the loop's verdict; safe to call on any thread. */
  public void loopEnded(LoopResult result) {
    inbox.add(new LoopEnd(Objects.requireNonNull(result, "result")));
  }

  private record TimedLoopEvent(LoopEvent event, long nanos) {}

  private record LoopEnd(LoopResult result) {}

  /** Adds a part of the view fed with every batch after this model has folded it in. */
  public void addSink(RunEventSink sink) {
    sinks.add(Objects.requireNonNull(sink, "sink"));
  }

  public void removeSink(RunEventSink sink) {
    sinks.remove(sink);
  }

  /** Stops the pulse; call when the run window closes. Events still queued are dropped. */
  public void dispose() {
    pulse.stop();
    pulsing = false;
  }

  /** The experiment being run. */
  public Experiment experiment() {
    return experiment;
  }

  /** The name commands are recorded under. */
  public String operatorName() {
    return operator;
  }

  // ---- runner thread

  private void receive(RunEvent event) {
    if (event instanceof RunEvent.RunStarted started) {
      startEpochMillis = started.wallClock().toEpochMilli() - started.nanos() / 1_000_000;
      startLocalNanos = nanoClock.getAsLong() - started.nanos();
    } else if (event instanceof RunEvent.ProbeSampled sampled) {
      var sample = sampled.sample();
      seriesById
          .computeIfAbsent(sampled.probeId(), id -> new TimeSeries())
          .append(epochMillis(sampled.nanos()), sample.passed() ? sample.value() : Double.NaN);
    }
    inbox.add(event);
  }

  // ---- FX thread: once per pulse

  private void startPulse() {
    if (!pulsing) {
      pulsing = true;
      pulse.start(this::frame);
    }
  }

  /** Drains the queue, folds the batch in, feeds the sinks, ticks the clock. FX thread. */
  void frame() {
    List<RunEvent> batch = new ArrayList<>();
    for (Object item = inbox.poll(); item != null; item = inbox.poll()) {
      switch (item) {
        case RunEvent event -> {
          batch.add(event);
          fold(event);
        }
        case TimedLoopEvent timed -> foldLoop(timed.event(), timed.nanos());
        case LoopEnd end -> finishLoop(end.result());
        default -> throw new IllegalStateException("unexpected " + item);
      }
    }
    if (!batch.isEmpty()) {
      events.addAll(batch);
      List<RunEvent> delivered = List.copyOf(batch);
      for (RunEventSink sink : sinks) {
        sink.accept(delivered);
      }
    }
    tickElapsed();
    if (phase.get() == RunPhase.FINISHED && inbox.isEmpty()) {
      pulse.stop();
      pulsing = false;
    }
  }

  private void fold(RunEvent event) {
    switch (event) {
      case RunEvent.RunStarted e -> {
        dryRun.set(e.dryRun());
        for (String id : e.stepIds()) {
          stepStates.put(id, StepRunState.PENDING);
        }
        stepStates.keySet().retainAll(Set.copyOf(e.stepIds()));
        status("Starting: syncing the cluster snapshot and checking access…");
      }
      case RunEvent.StepStarted e -> {
        stepStates.put(e.stepId(), StepRunState.RUNNING);
        if (phase.get() == RunPhase.STARTING) {
          phase.set(RunPhase.RUNNING);
          status("Running");
        }
      }
      case RunEvent.StepSucceeded e -> stepStates.put(e.stepId(), StepRunState.SUCCEEDED);
      case RunEvent.StepFailed e -> stepStates.put(e.stepId(), StepRunState.FAILED);
      case RunEvent.StepSkipped e -> stepStates.put(e.stepId(), StepRunState.SKIPPED);
      case RunEvent.TargetsResolved e -> {}
      case RunEvent.ProbeSampled e ->
          track(e.probeId()).counted(e.sample().passed(), e.sample().message());
      case RunEvent.FaultPlanned e -> {}
      case RunEvent.FaultApplied e -> faultApplied(e.fault(), e.nanos());
      case RunEvent.FaultFailed e -> {}
      case RunEvent.FaultRolledBack e -> faultRolledBack(e.fault(), e.nanos());
      case RunEvent.RollbackFailed e -> {}
      case RunEvent.GateWaiting e -> {
        stepStates.put(e.stepId(), StepRunState.WAITING);
        questions.put(e.stepId(), e.question());
        waitingGates.add(new WaitingGate(e.stepId(), e.question(), instant(e.nanos())));
      }
      case RunEvent.GateAnswered e -> {
        waitingGates.removeIf(g -> g.stepId().equals(e.stepId()));
        if (e.approved()) {
          stepStates.put(e.stepId(), StepRunState.RUNNING);
        }
        answeredGates.add(
            new AnsweredGate(
                e.stepId(),
                questions.getOrDefault(e.stepId(), ""),
                e.approved(),
                e.by(),
                instant(e.nanos())));
      }
      case RunEvent.NoteAdded e ->
          notes.add(new Note(e.author(), e.text(), instant(e.nanos()), e.nanos()));
      case RunEvent.RunPaused e -> {
        if (phase.get() == RunPhase.RUNNING || phase.get() == RunPhase.STARTING) {
          phase.set(RunPhase.PAUSED);
        }
        status("Paused by " + e.by() + ": no new step starts; faults stay applied");
      }
      case RunEvent.RunResumed e -> {
        if (phase.get() == RunPhase.PAUSED) {
          phase.set(RunPhase.RUNNING);
          status("Running");
        }
      }
      case RunEvent.Halted e -> {
        phase.set(RunPhase.STOPPING);
        waitingGates.clear();
        status("Stopping, rolling back: " + e.reason());
      }
      case RunEvent.RunFinished e when loop.looped() -> {
        // One iteration is over, with its faults rolled back; the loop decides what comes next.
        phase.set(RunPhase.STARTING);
        waitingGates.clear();
        String why = e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason();
        status("Loop " + loop.number() + " " + e.verdict().word() + why);
        if (!openFaults.isEmpty() && e.faultsLeftOpen() == 0) {
          openFaults.clear();
        }
        faultsOpen.set(Math.max(openFaults.size(), e.faultsLeftOpen()));
      }
      case RunEvent.RunFinished e -> {
        // Reason and time first, verdict, then the phase: whoever reacts to the verdict or to
        // FINISHED finds the whole outcome in place.
        reason.set(e.reason() == null ? "" : e.reason());
        elapsedText.set(elapsed(e.nanos()));
        verdict.set(e.verdict());
        phase.set(RunPhase.FINISHED);
        waitingGates.clear();
        String word = e.verdict().name();
        status(reason.get().isEmpty() ? word : word + ": " + reason.get());
        if (!openFaults.isEmpty() && e.faultsLeftOpen() == 0) {
          openFaults.clear(); // every fault is rolled back by now: the run says so
        }
        faultsOpen.set(Math.max(openFaults.size(), e.faultsLeftOpen()));
      }
    }
  }

  private void foldLoop(LoopEvent event, long nanos) {
    loop.accept(event, nanos);
    loopText.set(loop.text(nanoClock.getAsLong()));
    switch (event) {
      case LoopEvent.LoopStarted e -> {
        if (e.loop() > 1) {
          phase.set(RunPhase.STARTING);
          status("Starting loop " + e.loop() + "…");
        }
      }
      case LoopEvent.Pausing e -> status("Between loops: every fault is rolled back");
      case LoopEvent.LoopFinished e -> {}
    }
  }

  private void finishLoop(LoopResult result) {
    // As for a single run: reason and time, verdict, then the phase.
    reason.set(result.reason() == null ? "" : result.reason());
    if (loop.originNanos() != Long.MIN_VALUE) {
      elapsedText.set(elapsed(nanoClock.getAsLong() - loop.originNanos()));
    }
    loopText.set(LoopProgress.finished(result));
    verdict.set(result.verdict());
    phase.set(RunPhase.FINISHED);
    waitingGates.clear();
    String word = result.verdict().name();
    status(reason.get().isEmpty() ? word : word + ": " + reason.get());
    faultsOpen.set(Math.max(openFaults.size(), result.faultsLeftOpen()));
  }

  private void status(String text) {
    statusText.set(text);
  }

  private ProbeTrack track(String probeId) {
    for (ProbeTrack track : probes) {
      if (track.id().equals(probeId)) {
        return track;
      }
    }
    TimeSeries series = seriesById.computeIfAbsent(probeId, id -> new TimeSeries());
    ProbeTrack track = new ProbeTrack(probeId, probeTypes.getOrDefault(probeId, ""), series);
    probes.add(track);
    return track;
  }

  private void faultApplied(Fault fault, long nanos) {
    faultsApplied.set(faultsApplied.get() + 1);
    long at = epochMillis(nanos);
    if (!fault.reversible()) {
      // Nothing to roll back (a kill): a hairline on the charts marks the moment.
      if (openFaults.isEmpty()) {
        faultWindows.add(new FaultWindow(at, at + 1));
      }
      return;
    }
    boolean firstOpen = openFaults.isEmpty();
    openFaults.add(fault.id());
    faultsOpen.set(openFaults.size());
    if (firstOpen) {
      faultWindows.add(new FaultWindow(at, ProbeChart.OPEN));
    }
  }

  private void faultRolledBack(Fault fault, long nanos) {
    faultsRolledBack.set(faultsRolledBack.get() + 1);
    if (openFaults.remove(fault.id()) && openFaults.isEmpty()) {
      int last = faultWindows.size() - 1;
      FaultWindow open = faultWindows.get(last);
      faultWindows.set(last, new FaultWindow(open.start(), epochMillis(nanos)));
    }
    faultsOpen.set(openFaults.size());
  }

  private void tickElapsed() {
    if (phase.get() == RunPhase.FINISHED) {
      return;
    }
    // A looped run counts from its first loop on, pauses included: the time the whole run takes.
    long origin = loop.looped() ? loop.originNanos() : startLocalNanos;
    if (origin == Long.MIN_VALUE) {
      return;
    }
    long now = nanoClock.getAsLong();
    long nanos = now - origin;
    long second = nanos / 1_000_000_000L;
    if (second != lastElapsedSecond) {
      lastElapsedSecond = second;
      elapsedText.set(elapsed(nanos));
      if (loop.looped()) {
        loopText.set(loop.text(now));
      }
    }
  }

  /** {@code 0:07}, {@code 12:30}, {@code 1:02:03}. */
  static String elapsed(long nanos) {
    long seconds = Math.max(0, nanos / 1_000_000_000L);
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  private long epochMillis(long nanos) {
    return startEpochMillis + nanos / 1_000_000;
  }

  private Instant instant(long nanos) {
    return Instant.ofEpochMilli(epochMillis(nanos));
  }

  /** Wall-clock start of the run in epoch millis; 0 before it started. */
  public long startEpochMillis() {
    return startEpochMillis;
  }

  // ---- commands: all return at once

  /** Rolls back every fault and ends the run, recorded as an emergency stop. */
  public void emergencyStop() {
    command(h -> h.emergencyStop(operator));
    cancelLoop();
  }

  /** Ends the run and rolls back, verdict aborted. */
  public void cancel() {
    command(h -> h.cancel(operator));
    cancelLoop();
  }

  // The loop first stops starting iterations (or its pause), the iteration is halted on its own.
  private void cancelLoop() {
    if (loopRun != null) {
      loopRun.cancel(operator);
    } else {
      loopCancelledBy = operator;
    }
  }

  public void pause() {
    command(h -> h.pause(operator));
  }

  public void resume() {
    command(h -> h.resume(operator));
  }

  /** Approves the waiting gate {@code gateId}: the run goes on. */
  public void continueGate(String gateId) {
    command(h -> h.approve(gateId, operator));
  }

  /** Rejects the waiting gate {@code gateId}, which aborts the run. */
  public void rejectGate(String gateId) {
    command(h -> h.reject(gateId, operator));
  }

  /** Pins a note to the run's timeline; blank text is ignored. */
  public void addNote(String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    String note = text.strip();
    command(h -> h.addNote(operator, note));
  }

  private void command(Consumer<RunHandle> command) {
    if (handle == null) {
      early.add(command);
    } else {
      command.accept(handle);
    }
  }

  // ---- report

  /** Every event delivered so far, in run order. */
  public List<RunEvent> events() {
    return List.copyOf(events);
  }

  /**
   * Writes the HTML report of the events so far to {@code file}, atomically and off the FX thread;
   * {@link #reportStatusProperty()} says how it went.
   */
  public void saveReport(Path file) {
    Objects.requireNonNull(file, "file");
    List<RunEvent> snapshot = events();
    savingReport.set(true);
    reportStatus.set("Saving report…");
    tasks.execute(
        () -> {
          HtmlReport.write(file, snapshot, experiment);
          return file;
        },
        saved -> {
          savingReport.set(false);
          reportStatus.set("Report saved to " + saved.toAbsolutePath());
        },
        failure -> {
          savingReport.set(false);
          reportStatus.set(
              "Could not save the report: "
                  + (failure.getMessage() == null ? failure.toString() : failure.getMessage()));
        });
  }

  // ---- state

  public ReadOnlyObjectProperty<RunPhase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  public RunPhase phase() {
    return phase.get();
  }

  /** The verdict once finished, else null. */
  public ReadOnlyObjectProperty<Verdict> verdictProperty() {
    return verdict.getReadOnlyProperty();
  }

  /** Why the run ended as it did (the engine's reason); empty before the end. */
  public ReadOnlyStringProperty reasonProperty() {
    return reason.getReadOnlyProperty();
  }

  /** One line for the status label: phase, who paused, why it stops, verdict and reason. */
  public ReadOnlyStringProperty statusTextProperty() {
    return statusText.getReadOnlyProperty();
  }

  /**
   * Which loop of a looped run is under way ("Loop 2 of 5", "Loop 2 · 3m left", "Pausing 30s before
   * loop 3"), how many ran at the end; empty for a run without a loop.
   */
  public ReadOnlyStringProperty loopTextProperty() {
    return loopText.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty dryRunProperty() {
    return dryRun.getReadOnlyProperty();
  }

  /**
   * Time since the run started, {@code 1:07}, ticking once a second; the run's length at the end.
   */
  public ReadOnlyStringProperty elapsedTextProperty() {
    return elapsedText.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty faultsAppliedProperty() {
    return faultsApplied.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty faultsRolledBackProperty() {
    return faultsRolledBack.getReadOnlyProperty();
  }

  /** Reversible faults applied and not rolled back yet. */
  public ReadOnlyIntegerProperty faultsOpenProperty() {
    return faultsOpen.getReadOnlyProperty();
  }

  /** Each step's state in this run: what the canvas shows. Read-only for views. */
  public ObservableMap<String, StepRunState> stepStates() {
    return stepStatesView;
  }

  /** Gates waiting for an answer now, oldest first. */
  public ObservableList<WaitingGate> waitingGates() {
    return waitingGatesView;
  }

  /** Gates answered so far, in order. */
  public ObservableList<AnsweredGate> answeredGates() {
    return answeredGatesView;
  }

  public ObservableList<Note> notes() {
    return notesView;
  }

  /** One track per probe (probe steps and continuous probes, in the experiment's order). */
  public ObservableList<ProbeTrack> probes() {
    return probesView;
  }

  /**
   * Spans (epoch millis) during which at least one fault was applied; the last one ends at {@link
   * ProbeChart#OPEN} while faults are in place. An irreversible fault is a 1 ms span.
   */
  public ObservableList<FaultWindow> faultWindows() {
    return faultWindowsView;
  }

  /** What became of the last report save, for a status line. */
  public ReadOnlyStringProperty reportStatusProperty() {
    return reportStatus.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty savingReportProperty() {
    return savingReport.getReadOnlyProperty();
  }
}
