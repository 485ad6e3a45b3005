package dev.faultline.app.prefs;

import dev.faultline.format.AtomicFiles;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Crash recovery files in {@code <dataDir>/recovery}: the text of each unsaved document ({@code
 * <id>.yaml} or {@code <id>.json}) plus a sidecar {@code <id>.recovery.json} with the original
 * path, syntax, time and the writing process.
 *
 * <p>Several instances may run at once. Each writes only its own {@link Slot}s (ids begin with its
 * pid), and {@link #pending()} offers, and {@link #discard(PendingRecovery)} deletes, only files
 * whose writer is no longer running: pid gone, or the pid now belongs to a process that started at
 * another time. All methods do file IO: call them off the FX thread.
 */
public final class RecoveryStore {

  static final String DIRECTORY = "recovery";
  static final String SIDECAR = ".recovery.json";

  private final Path directory;
  private final long pid;
  private final Optional<Instant> started;
  private final ProcessLiveness liveness;

  /** The store under {@code dataDir} (see {@code dev.faultline.safety.DataDirectory#get()}). */
  public RecoveryStore(Path dataDir) {
    this(dataDir, ProcessHandle.current(), ProcessLiveness.SYSTEM);
  }

  /** A store writing as process {@code self}, asking {@code liveness} about the others. */
  RecoveryStore(Path dataDir, ProcessHandle self, ProcessLiveness liveness) {
    this.directory = dataDir.resolve(DIRECTORY);
    this.pid = self.pid();
    this.started = self.info().startInstant();
    this.liveness = Objects.requireNonNull(liveness, "liveness");
  }

  /** A new recovery file for one document of this process; nothing is written until saved. */
  public Slot newSlot() {
    byte[] random = new byte[4];
    ThreadLocalRandom.current().nextBytes(random);
    // The random part keeps a later process that happens to get the same pid from overwriting
    // a crashed one's file before the user has been asked about it.
    return new Slot(pid + "-" + HexFormat.of().formatHex(random));
  }

  /**
   * Unsaved changes left by instances that are no longer running, newest first. Damaged sidecars
   * and sidecars without their text are skipped.
   */
  public List<PendingRecovery> pending() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<PendingRecovery> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path sidecar : files.filter(f -> f.toString().endsWith(SIDECAR)).sorted().toList()) {
        readSidecar(sidecar).filter(this::abandoned).map(Sidecar::pending).ifPresent(found::add);
      }
    }
    found.sort(Comparator.comparing(PendingRecovery::savedAt).reversed());
    return List.copyOf(found);
  }

  /** Reads the text back, parsing it if it parses. Does not delete anything. */
  public RecoveredText restore(PendingRecovery pending) throws IOException {
    String text = Files.readString(pending.textFile());
    var experiment = new ExperimentReader().read(text, pending.syntax()).experiment();
    return new RecoveredText(text, experiment, pending.original());
  }

  /**
   * Deletes a pending recovery (restored, or declined by the user). Refuses when its writer turns
   * out to be running after all.
   *
   * @return whether it was deleted
   */
  public boolean discard(PendingRecovery pending) throws IOException {
    Path sidecar = directory.resolve(pending.id() + SIDECAR);
    Optional<Sidecar> current = readSidecar(sidecar);
    if (current.isPresent() && !abandoned(current.get())) {
      return false;
    }
    Files.deleteIfExists(sidecar);
    Files.deleteIfExists(pending.textFile());
    return true;
  }

  private Optional<Sidecar> readSidecar(Path sidecar) {
    Loaded<JsonNode> loaded = new JsonSettingsFile(sidecar, false).read();
    if (loaded.warning().isPresent() || loaded.value().isEmpty()) {
      return Optional.empty();
    }
    JsonNode root = loaded.value();
    String name = sidecar.getFileName().toString();
    String id = name.substring(0, name.length() - SIDECAR.length());
    try {
      long writer = JsonSettingsFile.number(root, "pid").orElseThrow().longValue();
      Optional<Instant> writerStart =
          JsonSettingsFile.string(root, "processStart").map(Instant::parse);
      Syntax syntax =
          Syntax.valueOf(
              JsonSettingsFile.string(root, "syntax").orElseThrow().toUpperCase(Locale.ROOT));
      Instant savedAt = Instant.parse(JsonSettingsFile.string(root, "savedAt").orElseThrow());
      Optional<Path> original = JsonSettingsFile.string(root, "original").map(Path::of);
      Path text = directory.resolve(JsonSettingsFile.string(root, "text").orElseThrow());
      if (!text.getParent().equals(directory) || !Files.isRegularFile(text)) {
        return Optional.empty();
      }
      return Optional.of(
          new Sidecar(
              writer, writerStart, new PendingRecovery(id, original, syntax, savedAt, text)));
    } catch (RuntimeException damaged) {
      // NoSuchElement, DateTimeParse, IllegalArgument, InvalidPath: not a sidecar we can use.
      return Optional.empty();
    }
  }

  private void createDirectory() throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    Files.createDirectories(directory.getParent());
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        // Experiments name hosts and services: other users need not read them.
        Files.createDirectory(
            directory,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(directory);
      }
    } catch (FileAlreadyExistsException raced) {
      // Another instance made it first: fine.
    }
  }

  /** A sidecar as read: whose it is, and what it offers. */
  private record Sidecar(long pid, Optional<Instant> started, PendingRecovery pending) {}

  private boolean abandoned(Sidecar sidecar) {
    return sidecar.pid() != pid && !liveness.isRunning(sidecar.pid(), sidecar.started());
  }

  /**
   * The recovery file of one open document of this process. Save it while the document has unsaved
   * changes; discard it once they are saved or the document is closed cleanly.
   */
  public final class Slot {
    private final String id;

    private Slot(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    /** Replaces this slot's recovery file with {@code snapshot}, atomically. */
    public synchronized void save(RecoverySnapshot snapshot) throws IOException {
      createDirectory();
      String textName = id + (snapshot.syntax() == Syntax.JSON ? ".json" : ".yaml");
      AtomicFiles.writePrivate(directory.resolve(textName), snapshot.text());
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("version", 1);
      data.put("pid", pid);
      data.put("processStart", started.map(Instant::toString).orElse(null));
      data.put(
          "original", snapshot.original().map(p -> p.toAbsolutePath().toString()).orElse(null));
      data.put("syntax", snapshot.syntax().name().toLowerCase(Locale.ROOT));
      data.put("savedAt", Instant.now().toString());
      data.put("text", textName);
      // The sidecar last: a sidecar always points at complete text.
      new JsonSettingsFile(directory.resolve(id + SIDECAR), false).write(data);
      String otherName = id + (snapshot.syntax() == Syntax.JSON ? ".yaml" : ".json");
      Files.deleteIfExists(directory.resolve(otherName));
    }

    /** Deletes this slot's recovery file, if any. */
    public synchronized void discard() throws IOException {
      // The sidecar first: text without a sidecar is never offered.
      Files.deleteIfExists(directory.resolve(id + SIDECAR));
      Files.deleteIfExists(directory.resolve(id + ".yaml"));
      Files.deleteIfExists(directory.resolve(id + ".json"));
    }
  }
}
