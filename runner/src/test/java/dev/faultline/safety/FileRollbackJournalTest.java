package dev.faultline.safety;

import static dev.faultline.safety.Faults.fault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.attack.Fault;
import dev.faultline.attack.FaultJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRollbackJournalTest {
  @TempDir Path state;

  @Test
  void openIsRecordedMinusDoneInRecordOrder() throws IOException {
    Fault a = fault("r1", "freeze#1");
    Fault b = fault("r1", "freeze#2");
    Fault c = fault("r1", "scale#1");
    try (var journal = FileRollbackJournal.create(state, "r1", "checkout", "kind-dev")) {
      journal.record(a);
      journal.record(b);
      journal.record(c);
      journal.markDone(b, FileRollbackJournal.ROLLED_BACK);
      assertThat(journal.open()).containsExactly(a, c);

      journal.markDone(b, FileRollbackJournal.ROLLED_BACK); // idempotent
      journal.record(a); // the same fault again: no-op
      assertThat(journal.open()).containsExactly(a, c);

      JournalContents read = FileRollbackJournal.read(journal.file());
      assertThat(read.runId()).isEqualTo("r1");
      assertThat(read.experiment()).isEqualTo("checkout");
      assertThat(read.context()).isEqualTo("kind-dev");
      assertThat(read.startedAt()).isNotNull();
      assertThat(read.recorded()).containsExactly(a, b, c);
      assertThat(read.open()).containsExactly(a, c);
      assertThat(read.outcome("freeze#2")).contains("rolled-back");
      assertThat(read.damagedLines()).isZero();
    }
  }

  @Test
  void aJournalWithOpenFaultsStaysForCleanupAndAFinishedOneMovesToDone() throws IOException {
    Fault a = fault("left", "freeze#1");
    try (var journal = FileRollbackJournal.create(state, "left", "x", "kind-dev")) {
      journal.record(a);
    }
    try (var journal = FileRollbackJournal.create(state, "clean", "x", "kind-dev")) {
      Fault b = fault("clean", "freeze#1");
      journal.record(b);
      journal.markDone(b, FileRollbackJournal.ROLLED_BACK);
    }
    assertThat(FileRollbackJournal.fileFor(state, "left")).exists();
    assertThat(FileRollbackJournal.fileFor(state, "clean")).doesNotExist();
    assertThat(FileRollbackJournal.doneDirectory(state).resolve("clean.journal")).exists();

    List<JournalContents> open = FileRollbackJournal.withOpenFaults(state);
    assertThat(open).extracting(JournalContents::runId).containsExactly("left");
    assertThat(open.getFirst().open()).containsExactly(a);
  }

  @Test
  void aTornLastLineIsIgnoredAndEarlierLinesSurvive() throws IOException {
    Fault a = fault("crash", "freeze#1");
    Fault b = fault("crash", "freeze#2");
    Path file;
    try (var journal = FileRollbackJournal.create(state, "crash", "x", "kind-dev")) {
      journal.record(a);
      journal.record(b);
      journal.markDone(b, FileRollbackJournal.ROLLED_BACK);
      file = journal.file();
    }
    // A crash half way through writing the done line of b.
    String text = Files.readString(file);
    int lastLine = text.lastIndexOf('\n', text.length() - 2) + 1;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(lastLine + (text.length() - lastLine) / 2);
    }

    JournalContents read = FileRollbackJournal.read(file);
    assertThat(read.damagedLines()).isEqualTo(1);
    assertThat(read.recorded()).containsExactly(a, b);
    assertThat(read.open()).containsExactly(a, b); // b's done line was torn: b is open again

    // Cleanup reopens it, ends the torn line and appends after it.
    try (var journal = FileRollbackJournal.reopen(file)) {
      assertThat(journal.open()).containsExactly(a, b);
      journal.markDone(a, FileRollbackJournal.ROLLED_BACK);
    }
    JournalContents after = FileRollbackJournal.read(file);
    assertThat(after.open()).containsExactly(b);
    assertThat(after.damagedLines()).isEqualTo(1);
  }

  @Test
  void truncatingInTheMiddleOfARecordLineLosesOnlyThatRecord() throws IOException {
    Path file = FileRollbackJournal.fileFor(state, "torn");
    Fault a = fault("torn", "a#1");
    Fault b = fault("torn", "b#1");
    FileRollbackJournal journal = FileRollbackJournal.create(state, "torn", "x", "kind-dev");
    journal.record(a);
    long afterA = Files.size(file);
    journal.record(b);
    long afterB = Files.size(file);
    // The process "dies": no close. Cut the second record in half.
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(afterA + (afterB - afterA) / 2);
    }
    JournalContents read = FileRollbackJournal.read(file);
    assertThat(read.recorded()).containsExactly(a);
    assertThat(read.damagedLines()).isEqualTo(1);
    journal.close();
  }

  @Test
  void reopenFailsWhileTheRunHoldsTheJournal() throws IOException {
    try (var journal = FileRollbackJournal.create(state, "live", "x", "kind-dev")) {
      journal.record(fault("live", "a#1"));
      assertThatThrownBy(() -> FileRollbackJournal.reopen(journal.file()))
          .isInstanceOf(JournalBusyException.class)
          .hasMessageContaining("in use by a run in progress");
    }
  }

  @Test
  void concurrentAppendsFromManyThreadsAreAllReadBack() throws Exception {
    int threads = 8;
    int perThread = 25;
    List<Fault> all = new ArrayList<>();
    try (var journal = FileRollbackJournal.create(state, "busy", "x", "kind-dev");
        ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < perThread; i++) {
                    Fault f = fault("busy", "t" + thread + "#" + i);
                    journal.record(f);
                    if (i % 2 == 0) {
                      journal.markDone(f, FileRollbackJournal.ROLLED_BACK);
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> future : futures) {
        future.get();
      }
      for (int t = 0; t < threads; t++) {
        for (int i = 0; i < perThread; i++) {
          all.add(fault("busy", "t" + t + "#" + i));
        }
      }
      JournalContents read = FileRollbackJournal.read(journal.file());
      assertThat(read.damagedLines()).isZero();
      assertThat(read.recorded()).containsExactlyInAnyOrderElementsOf(all);
      assertThat(read.open()).hasSize(threads * (perThread / 2));
      assertThat(read.open()).containsExactlyInAnyOrderElementsOf(journal.open());
      long lines = Files.readAllLines(journal.file(), StandardCharsets.UTF_8).size();
      assertThat(lines).isEqualTo(1 + threads * perThread + threads * ((perThread + 1) / 2));
    }
  }

  @Test
  void rejectsForeignFaultsDuplicateIdsUnsafeRunIdsAndUseAfterClose() throws IOException {
    var journal = FileRollbackJournal.create(state, "r2", "x", "kind-dev");
    journal.record(fault("r2", "a#1"));
    assertThatThrownBy(() -> journal.record(fault("other", "a#2")))
        .hasMessageContaining("belongs to run other");
    Fault clash =
        new Fault(
            "a#1", "r2", "a", "k8s.pod.delete", "", fault("r2", "x").object(), "", false, null);
    assertThatThrownBy(() -> journal.record(clash)).hasMessageContaining("already in the journal");
    assertThatThrownBy(() -> journal.markDone(fault("r2", "zz#1"), "rolled-back"))
        .hasMessageContaining("not in the journal");
    journal.close();
    journal.close();
    assertThatThrownBy(() -> journal.record(fault("r2", "b#1")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FileRollbackJournal.create(state, "../evil", "x", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FileRollbackJournal.create(state, "r2", "x", ""))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
  }

  @Test
  void faultJsonRoundTripsAndReadsAnnotationArrays() {
    Fault a = fault("r", "a#1");
    Fault b = fault("r", "b#1");
    assertThat(FaultJson.read(FaultJson.write(a))).isEqualTo(a);
    assertThat(FaultJson.readAll("[" + FaultJson.write(a) + "," + FaultJson.write(b) + "]"))
        .containsExactly(a, b);
    assertThatThrownBy(() -> FaultJson.read("{\"id\":\"x\"}"))
        .hasMessageContaining("'object' is missing");
    assertThatThrownBy(() -> FaultJson.read("{")).hasMessageContaining("bad JSON");
    // What Jackson writes for the record, as the attack executors annotate objects, reads back.
    String jackson =
        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(List.of(a, b));
    assertThat(FaultJson.readAll(jackson)).containsExactly(a, b);
  }
}
