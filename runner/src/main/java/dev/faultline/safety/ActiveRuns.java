package dev.faultline.safety;

import dev.faultline.attack.FaultJson;
import dev.faultline.format.AtomicFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runs in progress on this machine, and the emergency stop.
 *
 * <p>Files in {@code <state>/active/}:
 *
 * <ul>
 *   <li>{@code <runId>.json}: one per run in progress, written when the run {@linkplain #register
 *       registers} and deleted when it {@linkplain Registration#close() ends}: pid, process start
 *       time, host, context, experiment, start time, journal file. An entry whose process is gone
 *       (crashed, killed) is {@linkplain Liveness#DEAD stale}.
 *   <li>{@code <runId>.stop}: a request to stop one run ({@code faultline stop RUN_ID}).
 *   <li>{@code stop-all}: a request to stop every run that registered before it ({@code faultline
 *       stop --all}); it holds the request time, so runs that start later are not stopped.
 * </ul>
 *
 * <p>A registered run polls for stop requests every {@value #POLL_MILLIS} ms (a file protocol: it
 * works from any terminal, needs no signals and works the same on every OS) and tells its {@link
 * Registration#onStopRequested listeners}. The engine stops and rolls back when told; its JVM
 * shutdown hook does the same on SIGINT/SIGTERM.
 */
public final class ActiveRuns {
  /** How often a registered run looks for stop requests. */
  public static final long POLL_MILLIS = 200;

  /** The name of the stop-everything request file. */
  public static final String STOP_ALL = "stop-all";

  private final Path directory;
  private final Clock clock;

  /** The registry in {@code <stateDirectory>/active}. */
  public ActiveRuns(Path stateDirectory) {
    this(stateDirectory, Clock.systemUTC());
  }

  ActiveRuns(Path stateDirectory, Clock clock) {
    this.directory = stateDirectory.resolve("active");
    this.clock = clock;
  }

  /** {@code <state>/active}. */
  public Path directory() {
    return directory;
  }

  /** Whether a registered run's process is alive. */
  public enum Liveness {
    /** The process runs (and is the one that registered, not a reused pid). */
    ALIVE,
    /** The process is gone: the run crashed or was killed; its entry is stale. */
    DEAD,
    /** Registered from another host sharing this state directory; cannot be checked. */
    OTHER_HOST
  }

  /**
   * A run in progress, as registered.
   *
   * @param processStart the registering process's start time, to tell a reused pid apart; {@code
   *     null} when the OS does not say
   * @param journal the run's journal file, {@code null} when it has none (a dry run)
   * @param state what the run is doing, as it last wrote
   * @param activeFaults how many reversible faults the run has in place now
   * @param targets the objects the run acts on: the pods it resolved at start, then every object it
   *     applied a fault to
   */
  public record ActiveRun(
      String runId,
      long pid,
      Instant processStart,
      String host,
      String context,
      String experiment,
      Instant startedAt,
      Path journal,
      RunState state,
      int activeFaults,
      List<RunTarget> targets) {
    public ActiveRun {
      Objects.requireNonNull(runId, "runId");
      host = host == null ? "" : host;
      context = context == null ? "" : context;
      experiment = experiment == null ? "" : experiment;
      Objects.requireNonNull(startedAt, "startedAt");
      state = state == null ? RunState.RUNNING : state;
      targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** A run just registered: running, no fault in place, no targets known. */
    public ActiveRun(
        String runId,
        long pid,
        Instant processStart,
        String host,
        String context,
        String experiment,
        Instant startedAt,
        Path journal) {
      this(runId, pid, processStart, host, context, experiment, startedAt, journal, null, 0, null);
    }

    /** This run with another state, fault count and targets. */
    public ActiveRun with(RunState state, int activeFaults, List<RunTarget> targets) {
      return new ActiveRun(
          runId,
          pid,
          processStart,
          host,
          context,
          experiment,
          startedAt,
          journal,
          state,
          activeFaults,
          targets);
    }

    /**
     * The state as people read it: {@code running}, {@code waiting at gate}, {@code stopping}, or
     * {@code stale} when the process is gone; a run of another host says which.
     */
    public String shownState() {
      return switch (liveness()) {
        case DEAD -> "stale";
        case OTHER_HOST -> state.words() + " (on " + host + ")";
        case ALIVE -> state.words();
      };
    }

    /** Whether the process that registered this run is still running. */
    public Liveness liveness() {
      if (!host.isEmpty() && !host.equals(hostName())) {
        return Liveness.OTHER_HOST;
      }
      Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      if (process.isEmpty()) {
        return Liveness.DEAD;
      }
      Optional<Instant> start = process.get().info().startInstant();
      if (processStart != null
          && start.isPresent()
          && Duration.between(processStart, start.get()).abs().toMillis() > 1000) {
        return Liveness.DEAD; // the pid was reused by another process
      }
      return Liveness.ALIVE;
    }
  }

  /**
   * A stop request.
   *
   * @param all whether it was {@code stop --all}
   * @param requestedAt when it was made
   * @param by who made it, e.g. {@code faultline stop --all (pid 4711)}
   */
  public record StopRequest(boolean all, Instant requestedAt, String by) {}

  /**
   * Registers a run of this process. Write the registration right after the journal is created and
   * close it when the run has ended and rolled back.
   *
   * @param journal the run's journal file, or {@code null}
   */
  public Registration register(String runId, String context, String experiment, Path journal)
      throws IOException {
    return register(runId, context, experiment, journal, List.of());
  }

  /**
   * Registers a run of this process with the objects it resolved at start, so runs starting later
   * can {@linkplain Overlaps#find see} whether they would hit the same ones.
   *
   * @param targets the resolved targets (pods, other objects) of the run
   */
  public Registration register(
      String runId, String context, String experiment, Path journal, List<RunTarget> targets)
      throws IOException {
    FileRollbackJournal.checkRunId(runId);
    ProcessHandle self = ProcessHandle.current();
    ActiveRun run =
        new ActiveRun(
            runId,
            self.pid(),
            self.info().startInstant().orElse(null),
            hostName(),
            context,
            experiment,
            clock.instant(),
            journal,
            RunState.RUNNING,
            0,
            targets);
    Files.createDirectories(directory);
    AtomicFiles.write(entryFile(runId), toJson(run));
    return new Registration(run);
  }

  /** Every registered run, oldest first; unreadable entries are skipped. */
  public List<ActiveRun> list() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<ActiveRun> runs = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
      for (Path file : files) {
        read(file).ifPresent(runs::add);
      }
    }
    runs.sort(Comparator.comparing(ActiveRun::startedAt).thenComparing(ActiveRun::runId));
    return runs;
  }

  /** The registered run with this id. */
  public Optional<ActiveRun> find(String runId) throws IOException {
    FileRollbackJournal.checkRunId(runId);
    return read(entryFile(runId));
  }

  /** Whether a run with this id is registered and its process alive (or on another host). */
  public boolean isActive(String runId) throws IOException {
    return find(runId).map(r -> r.liveness() != Liveness.DEAD).orElse(false);
  }

  /**
   * Asks one run to stop; its engine sees the request within {@value #POLL_MILLIS} ms.
   *
   * @return whether the run is registered
   */
  public boolean requestStop(String runId, String by) throws IOException {
    FileRollbackJournal.checkRunId(runId);
    if (find(runId).isEmpty()) {
      return false;
    }
    AtomicFiles.write(directory.resolve(runId + ".stop"), stopJson(false, by));
    return true;
  }

  /**
   * Asks every run registered now to stop (the emergency stop). Runs that register later are not
   * affected.
   *
   * @return the runs registered at the time of the request
   */
  public List<ActiveRun> requestStopAll(String by) throws IOException {
    Files.createDirectories(directory);
    AtomicFiles.write(directory.resolve(STOP_ALL), stopJson(true, by));
    return list();
  }

  /** Removes the entry (and any stop request) of a run whose process is dead. */
  public void removeStale(ActiveRun run) throws IOException {
    if (run.liveness() == Liveness.ALIVE) {
      throw new IllegalStateException("run " + run.runId() + " is still running");
    }
    Files.deleteIfExists(entryFile(run.runId()));
    Files.deleteIfExists(directory.resolve(run.runId() + ".stop"));
  }

  private Path entryFile(String runId) {
    return directory.resolve(runId + ".json");
  }

  private String stopJson(boolean all, String by) {
    ObjectNode node = FaultJson.MAPPER.createObjectNode();
    node.put("all", all);
    node.put("requestedAt", clock.instant().toString());
    node.put("by", by == null ? "" : by);
    return node.toString() + "\n";
  }

  private static Optional<StopRequest> readStop(Path file) {
    try {
      JsonNode node = FaultJson.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      return Optional.of(
          new StopRequest(
              node.path("all").asBoolean(false),
              Instant.parse(node.path("requestedAt").asString()),
              node.path("by").asString("")));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | JacksonException | java.time.DateTimeException e) {
      // A request file that cannot be read still asks for a stop: fail safe.
      return Files.exists(file)
          ? Optional.of(
              new StopRequest(file.endsWith(STOP_ALL), Instant.now(), "unreadable " + file))
          : Optional.empty();
    }
  }

  private static String toJson(ActiveRun run) {
    ObjectNode node = FaultJson.MAPPER.createObjectNode();
    node.put("runId", run.runId());
    node.put("pid", run.pid());
    if (run.processStart() != null) {
      node.put("processStart", run.processStart().toString());
    }
    node.put("host", run.host());
    node.put("context", run.context());
    node.put("experiment", run.experiment());
    node.put("startedAt", run.startedAt().toString());
    if (run.journal() != null) {
      node.put("journal", run.journal().toAbsolutePath().toString());
    }
    node.put("state", run.state().words());
    node.put("activeFaults", run.activeFaults());
    var targets = node.putArray("targets");
    for (RunTarget target : run.targets()) {
      ObjectNode t = targets.addObject();
      t.put("context", target.context());
      t.put("kind", target.kind());
      t.put("namespace", target.namespace());
      t.put("name", target.name());
    }
    return node.toPrettyString() + "\n";
  }

  private static Optional<ActiveRun> read(Path file) {
    try {
      JsonNode node = FaultJson.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      String start = node.path("processStart").asString("");
      String journal = node.path("journal").asString("");
      List<RunTarget> targets = new ArrayList<>();
      for (JsonNode t : node.path("targets")) {
        targets.add(
            new RunTarget(
                t.path("context").asString(""),
                t.path("kind").asString("Pod"),
                t.path("namespace").asString(""),
                t.path("name").asString()));
      }
      return Optional.of(
          new ActiveRun(
              node.path("runId").asString(),
              node.path("pid").asLong(),
              start.isEmpty() ? null : Instant.parse(start),
              node.path("host").asString(""),
              node.path("context").asString(""),
              node.path("experiment").asString(""),
              Instant.parse(node.path("startedAt").asString()),
              journal.isEmpty() ? null : Path.of(journal),
              RunState.fromWords(node.path("state").asString("")),
              node.path("activeFaults").asInt(0),
              targets));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // gone meanwhile, or not an entry
    }
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * A run's place in the registry, held by the engine for the length of the run. Watches for stop
   * requests from the moment it is created until it is closed.
   */
  public final class Registration implements AutoCloseable {
    private volatile ActiveRun run;
    private final List<Consumer<StopRequest>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;
    private final ScheduledFuture<?> polling;
    private volatile StopRequest stop;
    private volatile boolean closed;
    private boolean writeScheduled;

    private Registration(ActiveRun run) {
      this.run = run;
      this.poller =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "faultline-stop-watch-" + run.runId());
                thread.setDaemon(true);
                return thread;
              });
      this.polling =
          poller.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The run as registered, with its latest {@linkplain #update update}. */
    public ActiveRun run() {
      return run;
    }

    /**
     * Records what the run does now in its entry. Returns at once: the entry is replaced atomically
     * (readers never see half of it) on the registration's watcher thread, and updates that come
     * faster than a write takes are coalesced into one, so a run applying a thousand faults writes
     * a few times, not a thousand, and never waits for the disk. Nothing is written when nothing
     * changed; a failure to write is logged and never reaches the run (the entry is for people and
     * other runs, the journal is what rollback relies on).
     *
     * @param targets the run's targets, replacing the registered ones
     */
    public void update(RunState state, int activeFaults, List<RunTarget> targets) {
      synchronized (this) {
        ActiveRun now = run.with(state, activeFaults, targets);
        if (closed || now.equals(run)) {
          return;
        }
        run = now;
        if (writeScheduled) {
          return; // the write already scheduled takes this state
        }
        writeScheduled = true;
      }
      try {
        poller.execute(this::flush);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // closed meanwhile: the entry is gone and stays gone
      }
    }

    /** Writes the latest {@linkplain #update update} now, if one is pending (tests, callers). */
    public synchronized void flush() {
      if (!writeScheduled || closed) {
        return;
      }
      writeScheduled = false;
      try {
        AtomicFiles.write(entryFile(run.runId()), toJson(run));
      } catch (IOException | RuntimeException e) {
        System.getLogger(ActiveRuns.class.getName())
            .log(System.Logger.Level.WARNING, "could not update the active-run entry", e);
      }
    }

    /** Whether someone asked this run to stop. */
    public boolean stopRequested() {
      return stop != null;
    }

    /** The stop request, once there is one. */
    public Optional<StopRequest> stopRequest() {
      return Optional.ofNullable(stop);
    }

    /**
     * Calls {@code listener} once, on the watcher thread, when a stop is requested (at once if it
     * already was). The listener should only signal the engine, not roll back itself.
     */
    public void onStopRequested(Consumer<StopRequest> listener) {
      listeners.add(listener);
      StopRequest now = stop;
      if (now != null && listeners.remove(listener)) {
        listener.accept(now);
      }
    }

    /** Looks for a stop request now (the watcher does this every {@value #POLL_MILLIS} ms). */
    void poll() {
      if (closed || stop != null) {
        return;
      }
      Optional<StopRequest> request = readStop(directory.resolve(run.runId() + ".stop"));
      if (request.isEmpty()) {
        request =
            readStop(directory.resolve(STOP_ALL))
                .filter(r -> !r.requestedAt().isBefore(run.startedAt()));
      }
      if (request.isPresent()) {
        stop = request.get();
        for (Consumer<StopRequest> listener : listeners) {
          if (listeners.remove(listener)) {
            try {
              listener.accept(stop);
            } catch (RuntimeException e) {
              System.getLogger(ActiveRuns.class.getName())
                  .log(System.Logger.Level.WARNING, "stop listener failed", e);
            }
          }
        }
      }
    }

    /** Deregisters the run: deletes its entry and any stop request for it. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      polling.cancel(false);
      poller.shutdownNow();
      Files.deleteIfExists(directory.resolve(run.runId() + ".stop"));
      Files.deleteIfExists(entryFile(run.runId()));
    }
  }
}
