package dev.faultline.safety;

import dev.faultline.attack.Fault;
import dev.faultline.attack.FaultJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link RollbackJournal} in a file: {@code <state>/runs/<runId>.journal}, JSON Lines, one object
 * per line:
 *
 * <pre>{@code
 * {"type":"start","at":"2025-05-01T10:00:00Z","runId":"r-1","experiment":"checkout","context":"kind-dev","pid":4711}
 * {"type":"record","at":"…","fault":{…the whole fault, see FaultJson…}}
 * {"type":"done","at":"…","fault":"freeze#1","outcome":"rolled-back"}
 * }</pre>
 *
 * <p><b>Durability.</b> Each line is written with one {@code write} and forced to disk ({@link
 * FileChannel#force}) before {@link #record} or {@link #markDone} returns; creating the file also
 * forces its directory. A crash can only tear the last line; reading skips a line that is not
 * complete JSON (counting it in {@link JournalContents#damagedLines()}) and keeps every earlier
 * line. Reopening a torn journal first ends the torn fragment with a newline, so later lines stay
 * readable.
 *
 * <p><b>Ownership.</b> The process writing a journal holds an exclusive lock on it ({@link
 * FileChannel#tryLock}); the operating system releases it when the process dies, even by {@code
 * SIGKILL}. {@link #reopen} fails with {@link JournalBusyException} while the lock is held, so
 * {@code faultline cleanup} never touches the faults of a run in progress.
 *
 * <p><b>History.</b> When the journal is closed with no fault open, it moves to {@code
 * <state>/runs/done/}, so {@code runs/} only ever lists runs that may have left faults behind and
 * {@code runs/done/} keeps the history of finished runs. A journal closed with faults open stays in
 * {@code runs/} for {@code faultline cleanup}.
 *
 * <p>Thread-safe: appends from several threads are serialised.
 */
public final class FileRollbackJournal implements RollbackJournal {
  /** File name suffix of journals. */
  public static final String EXTENSION = ".journal";

  /** Outcome: the fault was undone. */
  public static final String ROLLED_BACK = "rolled-back";

  /** Outcome: the fault cannot be undone (a deleted pod) and is applied. */
  public static final String IRREVERSIBLE = "irreversible";

  /** Outcome: applying failed before any change. */
  public static final String NOT_APPLIED = "not-applied";

  /** Outcome: the object is gone, nothing is left to roll back. */
  public static final String GONE = "gone";

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private final Path file;
  private final Path doneDirectory;
  private final String runId;
  private final Clock clock;
  private final FileChannel channel;
  private final FileLock lock;
  private final Map<String, Fault> recorded = new LinkedHashMap<>();
  private final Map<String, String> outcomes = new LinkedHashMap<>();
  private boolean closed;

  private FileRollbackJournal(
      Path file, String runId, Clock clock, FileChannel channel, FileLock lock) {
    this.file = file;
    this.doneDirectory = file.getParent().resolve("done");
    this.runId = runId;
    this.clock = clock;
    this.channel = channel;
    this.lock = lock;
  }

  /** {@code <state>/runs}: the journals that may hold open faults. */
  public static Path runsDirectory(Path stateDirectory) {
    return stateDirectory.resolve("runs");
  }

  /** {@code <state>/runs/done}: journals of runs that ended with nothing open. */
  public static Path doneDirectory(Path stateDirectory) {
    return runsDirectory(stateDirectory).resolve("done");
  }

  /** The journal file of a run (in {@code runs/}, where it lives while faults may be open). */
  public static Path fileFor(Path stateDirectory, String runId) {
    return runsDirectory(stateDirectory).resolve(checkRunId(runId) + EXTENSION);
  }

  /**
   * Checks that a run id can name files: letters, digits, {@code .}, {@code _}, {@code -}, starting
   * with a letter or digit, at most 128 characters.
   *
   * @return the run id
   * @throws IllegalArgumentException otherwise
   */
  public static String checkRunId(String runId) {
    if (runId == null || !RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException(
          "run id must be letters, digits, '.', '_' or '-' (at most 128), not: " + runId);
    }
    return runId;
  }

  /**
   * Creates the journal of a new run and writes its start line.
   *
   * @param stateDirectory the {@link StateDirectory}
   * @param experiment the experiment's name, for people reading leftovers
   * @param context the kubeconfig context of the run
   * @throws java.nio.file.FileAlreadyExistsException when the run id was used before
   */
  public static FileRollbackJournal create(
      Path stateDirectory, String runId, String experiment, String context) throws IOException {
    return create(stateDirectory, runId, experiment, context, Clock.systemUTC());
  }

  static FileRollbackJournal create(
      Path stateDirectory, String runId, String experiment, String context, Clock clock)
      throws IOException {
    Path file = fileFor(stateDirectory, runId);
    Files.createDirectories(file.getParent());
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileRollbackJournal journal;
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new JournalBusyException(file);
      }
      journal = new FileRollbackJournal(file, runId, clock, channel, lock);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    forceDirectory(file.getParent());
    ObjectNode start = journal.line("start");
    start.put("runId", runId);
    start.put("experiment", experiment == null ? "" : experiment);
    start.put("context", context == null ? "" : context);
    start.put("pid", ProcessHandle.current().pid());
    journal.append(start);
    return journal;
  }

  /**
   * Opens the journal of an ended (or crashed) run to mark faults done, as {@code faultline
   * cleanup} does.
   *
   * @throws JournalBusyException while the run's process still holds the journal
   * @throws NoSuchFileException when the journal is gone (its run closed it meanwhile)
   */
  public static FileRollbackJournal reopen(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileRollbackJournal journal;
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this very process (a run in progress in the app)
      }
      if (lock == null) {
        throw new JournalBusyException(file);
      }
      JournalContents contents = read(file);
      journal = new FileRollbackJournal(file, contents.runId(), Clock.systemUTC(), channel, lock);
      contents.recorded().forEach(f -> journal.recorded.put(f.id(), f));
      journal.outcomes.putAll(contents.outcomes());
      journal.endTornLine();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return journal;
  }

  /**
   * Whether a live process holds the journal (its run is in progress). Read-only: takes and drops a
   * shared lock.
   */
  public static boolean inUse(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      FileLock probe;
      try {
        probe = channel.tryLock(0, Long.MAX_VALUE, true);
      } catch (OverlappingFileLockException e) {
        return true; // held by this very process
      }
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    }
  }

  /** The journal file. */
  public Path file() {
    return file;
  }

  /** The run this journal belongs to. */
  public String runId() {
    return runId;
  }

  @Override
  public synchronized void record(Fault fault) throws IOException {
    Objects.requireNonNull(fault, "fault");
    checkOpen();
    if (!fault.runId().equals(runId)) {
      throw new IllegalArgumentException(
          "fault " + fault.id() + " belongs to run " + fault.runId() + ", not " + runId);
    }
    Fault before = recorded.get(fault.id());
    if (before != null) {
      if (before.equals(fault) && !outcomes.containsKey(fault.id())) {
        return; // recorded already: recording again is a no-op
      }
      throw new IllegalArgumentException("fault id " + fault.id() + " is already in the journal");
    }
    ObjectNode line = line("record");
    line.set("fault", FaultJson.toNode(fault));
    append(line);
    recorded.put(fault.id(), fault);
  }

  @Override
  public synchronized void markDone(Fault fault, String outcome) throws IOException {
    Objects.requireNonNull(fault, "fault");
    if (outcome == null || outcome.isBlank()) {
      throw new IllegalArgumentException("name the outcome");
    }
    checkOpen();
    if (!recorded.containsKey(fault.id())) {
      throw new IllegalArgumentException("fault " + fault.id() + " is not in the journal");
    }
    if (outcomes.containsKey(fault.id())) {
      return; // done already: idempotent
    }
    ObjectNode line = line("done");
    line.put("fault", fault.id());
    line.put("outcome", outcome);
    append(line);
    outcomes.put(fault.id(), outcome);
  }

  @Override
  public synchronized List<Fault> open() {
    return recorded.values().stream().filter(f -> !outcomes.containsKey(f.id())).toList();
  }

  /**
   * Releases the journal. With no fault open it moves to {@code runs/done/} (history); otherwise it
   * stays in {@code runs/} for {@code faultline cleanup}. Idempotent.
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
    } finally {
      channel.close();
    }
    if (open().isEmpty()) {
      Files.createDirectories(doneDirectory);
      Path target = doneDirectory.resolve(file.getFileName());
      try {
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (NoSuchFileException e) {
        // moved by a cleanup that found it all done meanwhile
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the journal of run " + runId + " is closed");
    }
  }

  private ObjectNode line(String type) {
    ObjectNode line = FaultJson.MAPPER.createObjectNode();
    line.put("type", type);
    line.put("at", clock.instant().toString());
    return line;
  }

  /** Writes one line with one write call and forces it to disk. */
  private void append(ObjectNode line) throws IOException {
    byte[] bytes =
        (FaultJson.MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long position = channel.size();
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
    channel.force(false);
  }

  private void endTornLine() throws IOException {
    long size = channel.size();
    if (size == 0) {
      return;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    channel.read(last, size - 1);
    if (last.get(0) != '\n') {
      channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
      channel.force(false);
    }
  }

  private static void forceDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not every platform can sync a directory (Windows); the file itself is forced.
    }
  }

  /**
   * Reads a journal file. Lines that are not complete JSON objects of a known type (a write torn by
   * a crash) are skipped and counted; done lines for unknown faults are ignored.
   */
  public static JournalContents read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String name = file.getFileName().toString();
    String runId =
        name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
    String experiment = "";
    String context = "";
    Instant startedAt = null;
    Map<String, Fault> recorded = new LinkedHashMap<>();
    Map<String, String> outcomes = new LinkedHashMap<>();
    int damaged = 0;
    for (String raw : text.split("\n", -1)) {
      if (raw.isBlank()) {
        continue;
      }
      JsonNode line;
      try {
        line = FaultJson.MAPPER.readTree(raw);
      } catch (JacksonException e) {
        damaged++;
        continue;
      }
      try {
        switch (line.path("type").asString("")) {
          case "start" -> {
            runId = line.path("runId").asString(runId);
            experiment = line.path("experiment").asString("");
            context = line.path("context").asString("");
            startedAt = Instant.parse(line.path("at").asString());
          }
          case "record" -> {
            Fault fault = FaultJson.fromNode(line.path("fault"));
            recorded.putIfAbsent(fault.id(), fault);
          }
          case "done" -> {
            String id = line.path("fault").asString("");
            if (recorded.containsKey(id)) {
              outcomes.putIfAbsent(id, line.path("outcome").asString("done"));
            }
          }
          default -> damaged++;
        }
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        damaged++;
      }
    }
    if (context.isEmpty() && !recorded.isEmpty()) {
      context = recorded.values().iterator().next().context();
    }
    return new JournalContents(
        file,
        runId,
        experiment,
        context,
        startedAt,
        List.copyOf(recorded.values()),
        outcomes,
        damaged);
  }

  /**
   * Every journal in {@code <state>/runs/} (not the finished ones in {@code done/}), oldest first.
   * A journal that cannot be read is skipped; one moved away while listing is ignored.
   */
  public static List<JournalContents> list(Path stateDirectory) throws IOException {
    Path runs = runsDirectory(stateDirectory);
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(runs, "*" + EXTENSION)) {
      stream.forEach(files::add);
    }
    List<JournalContents> journals = new ArrayList<>();
    for (Path file : files) {
      try {
        journals.add(read(file));
      } catch (NoSuchFileException e) {
        // closed with nothing open and moved to done/ while we listed
      }
    }
    journals.sort(
        Comparator.comparing(
                (JournalContents j) -> j.startedAt() == null ? Instant.EPOCH : j.startedAt())
            .thenComparing(JournalContents::runId));
    return journals;
  }

  /** The journals in {@code runs/} that still hold open faults, oldest first. */
  public static List<JournalContents> withOpenFaults(Path stateDirectory) throws IOException {
    return list(stateDirectory).stream().filter(JournalContents::hasOpenFaults).toList();
  }
}
