package dev.faultline.app.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryStoreTest {

  private static final Path EXAMPLE =
      Path.of("..", "docs", "examples", "checkout-freeze-and-recover.yaml");
  private static final ProcessLiveness NOBODY_RUNNING = (pid, started) -> false;

  @TempDir Path data;

  private Process otherInstance;

  @AfterEach
  void stopOtherInstance() throws Exception {
    if (otherInstance != null) {
      otherInstance.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void yamlComesBackAsTheSameExperimentForItsFile() throws Exception {
    Experiment experiment = new ExperimentReader().read(EXAMPLE).experiment().orElseThrow();
    Path original = Path.of("/work/shop/checkout.yaml");
    crashedInstance()
        .newSlot()
        .save(
            new RecoverySnapshot(
                ExperimentFormat.write(experiment, Syntax.YAML),
                Syntax.YAML,
                Optional.of(original)));

    RecoveryStore store = thisInstance();
    PendingRecovery pending = store.pending().getFirst();
    RecoveredText recovered = store.restore(pending);

    assertThat(pending.original()).contains(original);
    assertThat(pending.syntax()).isEqualTo(Syntax.YAML);
    assertThat(pending.textFile().getFileName().toString()).endsWith(".yaml");
    assertThat(recovered.experiment()).contains(experiment);
    var document = new ExperimentDocument();
    recovered.applyTo(document);
    assertThat(document.experiment()).isEqualTo(experiment);
    assertThat(document.file()).contains(original);
    assertThat(document.isDirty()).isTrue();
  }

  @Test
  void jsonComesBackAsJson() throws Exception {
    Experiment experiment = new ExperimentReader().read(EXAMPLE).experiment().orElseThrow();
    crashedInstance()
        .newSlot()
        .save(
            new RecoverySnapshot(
                ExperimentFormat.write(experiment, Syntax.JSON),
                Syntax.JSON,
                Optional.of(Path.of("/work/drain.json"))));

    RecoveryStore store = thisInstance();
    PendingRecovery pending = store.pending().getFirst();

    assertThat(pending.syntax()).isEqualTo(Syntax.JSON);
    assertThat(Files.readString(pending.textFile())).startsWith("{");
    assertThat(store.restore(pending).experiment()).contains(experiment);
  }

  @Test
  void textThatDoesNotParseComesBackAsUnparsedTextOfAnUntitledDocument() throws Exception {
    String typing = "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nspec: [unclosed\n";
    crashedInstance().newSlot().save(new RecoverySnapshot(typing, Syntax.YAML, Optional.empty()));

    RecoveryStore store = thisInstance();
    PendingRecovery pending = store.pending().getFirst();
    RecoveredText recovered = store.restore(pending);

    assertThat(pending.displayName()).isEqualTo("an untitled experiment");
    assertThat(recovered.experiment()).isEmpty();
    assertThat(recovered.text()).isEqualTo(typing);
    var document = new ExperimentDocument();
    recovered.applyTo(document);
    assertThat(document.unparsedText()).contains(typing);
    assertThat(document.file()).isEmpty();
    assertThat(document.isDirty()).isTrue();
  }

  @Test
  void ownFilesAreNeverOfferedAndDiscardRemovesThemWithoutLeftovers() throws Exception {
    RecoveryStore store = new RecoveryStore(data);
    RecoveryStore.Slot slot = store.newSlot();
    slot.save(new RecoverySnapshot("a: 1\n", Syntax.YAML, Optional.empty()));
    slot.save(new RecoverySnapshot("{}\n", Syntax.JSON, Optional.empty()));

    assertThat(store.pending()).isEmpty();
    assertThat(TempFiles.namesIn(data))
        .containsExactly(
            "recovery/" + slot.id() + ".json", "recovery/" + slot.id() + RecoveryStore.SIDECAR);

    slot.discard();
    assertThat(TempFiles.namesIn(data)).isEmpty();
  }

  @Test
  void anotherRunningInstancesFileIsNeitherOfferedNorDeletedUntilItEnds() throws Exception {
    otherInstance = new ProcessBuilder("sleep", "60").start();
    var other = new RecoveryStore(data, otherInstance.toHandle(), ProcessLiveness.SYSTEM);
    RecoveryStore.Slot theirs = other.newSlot();
    theirs.save(new RecoverySnapshot("a: 1\n", Syntax.YAML, Optional.of(Path.of("/x/a.yaml"))));
    RecoveryStore mine = new RecoveryStore(data);

    assertThat(mine.pending()).isEmpty();
    var guessed =
        new PendingRecovery(
            theirs.id(),
            Optional.empty(),
            Syntax.YAML,
            java.time.Instant.now(),
            data.resolve("recovery").resolve(theirs.id() + ".yaml"));
    assertThat(mine.discard(guessed)).isFalse();
    assertThat(guessed.textFile()).exists();

    otherInstance.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

    PendingRecovery left = mine.pending().getFirst();
    assertThat(left.id()).isEqualTo(theirs.id());
    assertThat(mine.discard(left)).isTrue();
    assertThat(TempFiles.namesIn(data)).isEmpty();
  }

  @Test
  void aPidTakenOverByAnotherProgramDoesNotHideACrashedInstancesFile() throws Exception {
    otherInstance = new ProcessBuilder("sleep", "60").start();
    var crashed = new RecoveryStore(data, otherInstance.toHandle(), ProcessLiveness.SYSTEM);
    RecoveryStore.Slot slot = crashed.newSlot();
    slot.save(new RecoverySnapshot("a: 1\n", Syntax.YAML, Optional.empty()));
    Path sidecar = data.resolve("recovery").resolve(slot.id() + RecoveryStore.SIDECAR);
    // The writer started an hour before the process that now has its pid.
    String start = otherInstance.toHandle().info().startInstant().orElseThrow().toString();
    String earlier =
        otherInstance.toHandle().info().startInstant().orElseThrow().minusSeconds(3600).toString();
    Files.writeString(sidecar, Files.readString(sidecar).replace(start, earlier));

    assertThat(new RecoveryStore(data).pending())
        .extracting(PendingRecovery::id)
        .containsExactly(slot.id());
  }

  @Test
  void newestFirstAndDamagedSidecarsAreSkipped() throws Exception {
    RecoveryStore crashed = crashedInstance();
    RecoveryStore.Slot older = crashed.newSlot();
    older.save(new RecoverySnapshot("a: 1\n", Syntax.YAML, Optional.empty()));
    Thread.sleep(20);
    RecoveryStore.Slot newer = crashed.newSlot();
    newer.save(new RecoverySnapshot("b: 2\n", Syntax.YAML, Optional.empty()));
    Files.writeString(data.resolve("recovery/broken" + RecoveryStore.SIDECAR), "{\"pid\": ");
    Files.writeString(data.resolve("recovery/no-text" + RecoveryStore.SIDECAR), "{\"pid\": 1}");

    assertThat(thisInstance().pending())
        .extracting(PendingRecovery::id)
        .containsExactly(newer.id(), older.id());
    assertThat(data.resolve("recovery/broken" + RecoveryStore.SIDECAR + ".corrupt")).doesNotExist();
  }

  @Test
  void theQuestionNamesTheFileAndTheTime() {
    var pending =
        new PendingRecovery(
            "1-ab",
            Optional.of(Path.of("/work/checkout.yaml")),
            Syntax.YAML,
            java.time.Instant.parse("2026-03-04T12:03:00Z"),
            Path.of("/r/1-ab.yaml"));

    assertThat(pending.question(ZoneOffset.UTC, LocalDate.of(2026, 3, 4)))
        .isEqualTo("Restore unsaved changes to checkout.yaml from 12:03?");
    assertThat(pending.question(ZoneOffset.UTC, LocalDate.of(2026, 3, 5)))
        .isEqualTo("Restore unsaved changes to checkout.yaml from 4 Mar 12:03?");
  }

  @Test
  void noRecoveryDirectoryNothingPending() throws Exception {
    assertThat(new RecoveryStore(data.resolve("never-made")).pending()).isEmpty();
  }

  /** Writes as another process (our parent), which {@link #thisInstance()} takes for dead. */
  private RecoveryStore crashedInstance() {
    return new RecoveryStore(
        data, ProcessHandle.current().parent().orElseThrow(), ProcessLiveness.SYSTEM);
  }

  private RecoveryStore thisInstance() {
    return new RecoveryStore(data, ProcessHandle.current(), NOBODY_RUNNING);
  }
}
