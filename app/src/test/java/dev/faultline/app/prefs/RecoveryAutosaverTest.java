package dev.faultline.app.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.Position;
import dev.faultline.model.edit.MoveSteps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryAutosaverTest {

  private static final Path EXAMPLE =
      Path.of("..", "docs", "examples", "checkout-freeze-and-recover.yaml");
  private static final Duration INTERVAL = Duration.ofSeconds(5);

  @TempDir Path data;

  private final ExperimentDocument document = new ExperimentDocument();
  private final ManualScheduler scheduler = new ManualScheduler();
  private RecoveryStore.Slot slot;

  private RecoveryAutosaver autosaver(UiTaskExecutor tasks) throws Exception {
    document.open(
        new ExperimentReader().read(EXAMPLE).experiment().orElseThrow(),
        Path.of("/work/checkout.yaml"));
    slot = new RecoveryStore(data).newSlot();
    return new RecoveryAutosaver(document, slot, tasks, scheduler, INTERVAL);
  }

  @Test
  void aCleanDocumentIsNotCopied() throws Exception {
    autosaver(new SameThreadTaskExecutor());

    assertThat(scheduler.pending).isEmpty();
    assertThat(copy()).doesNotExist();
  }

  @Test
  void changesAreCopiedOnceAfterTheIntervalWithTheLatestState() throws Exception {
    autosaver(new SameThreadTaskExecutor());

    move("freeze", 500);
    move("kill", 700);

    assertThat(scheduler.pending).hasSize(1);
    assertThat(scheduler.delays).containsExactly(INTERVAL);
    assertThat(copy()).doesNotExist();

    scheduler.fire();

    assertThat(Files.readString(copy())).contains("freeze: {x: 500").contains("kill: {x: 700");
    assertThat(Files.readString(sidecar())).contains("/work/checkout.yaml");
  }

  @Test
  void theNextChangeAfterACopyWaitsForTheNextInterval() throws Exception {
    autosaver(new SameThreadTaskExecutor());
    move("freeze", 500);
    scheduler.fire();

    move("freeze", 620);

    assertThat(scheduler.pending).hasSize(1);
    assertThat(Files.readString(copy())).contains("freeze: {x: 500");
    scheduler.fire();
    assertThat(Files.readString(copy())).contains("freeze: {x: 620");
  }

  @Test
  void savingOrUndoingBackToCleanDeletesTheCopy() throws Exception {
    autosaver(new SameThreadTaskExecutor());
    move("freeze", 500);
    scheduler.fire();

    document.undo();

    assertThat(copy()).doesNotExist();
    assertThat(sidecar()).doesNotExist();

    move("freeze", 520);
    scheduler.fire();
    document.markSaved(Path.of("/work/checkout.yaml"));
    assertThat(copy()).doesNotExist();
  }

  @Test
  void savedBeforeTheIntervalEndsNothingIsWritten() throws Exception {
    autosaver(new SameThreadTaskExecutor());
    move("freeze", 500);

    document.markSaved(Path.of("/work/checkout.yaml"));

    assertThat(scheduler.cancelled).isEqualTo(1);
    assertThat(TempFiles.namesIn(data)).isEmpty();
  }

  @Test
  void closingDeletesTheCopyAndStopsWatching() throws Exception {
    RecoveryAutosaver saver = autosaver(new SameThreadTaskExecutor());
    move("freeze", 500);
    scheduler.fire();

    saver.close();
    move("freeze", 540);

    assertThat(copy()).doesNotExist();
    assertThat(scheduler.pending).isEmpty();
  }

  @Test
  void unparsedTextIsCopiedAsTyped() throws Exception {
    autosaver(new SameThreadTaskExecutor());

    document.setUnparsedText("spec: [half typed");
    scheduler.fire();

    assertThat(Files.readString(copy())).isEqualTo("spec: [half typed");
  }

  @Test
  void aDeleteRequestedWhileAWriteRunsHappensAfterIt() throws Exception {
    var background = new QueuedTaskExecutor();
    autosaver(background);
    move("freeze", 500);
    scheduler.fire();

    document.markSaved(Path.of("/work/checkout.yaml"));
    assertThat(background.queue).hasSize(1); // the write; the delete waits for it

    background.runNext();
    assertThat(copy()).exists();
    background.runNext();
    assertThat(copy()).doesNotExist();
    assertThat(background.queue).isEmpty();
  }

  private void move(String step, double x) {
    assertThat(document.edit(new MoveSteps(Map.of(step, new Position(x, 120))))).isEmpty();
  }

  private Path copy() {
    return data.resolve("recovery").resolve(slot.id() + ".yaml");
  }

  private Path sidecar() {
    return data.resolve("recovery").resolve(slot.id() + RecoveryStore.SIDECAR);
  }

  /** Time by hand: the test fires what is due. */
  private static final class ManualScheduler implements DelayScheduler {
    final List<Runnable> pending = new ArrayList<>();
    final List<Duration> delays = new ArrayList<>();
    int cancelled;

    @Override
    public Runnable schedule(Duration delay, Runnable action) {
      pending.add(action);
      delays.add(delay);
      return () -> {
        if (pending.remove(action)) {
          cancelled++;
        }
      };
    }

    void fire() {
      assertThat(pending).as("something scheduled").isNotEmpty();
      pending.removeFirst().run();
    }
  }

  /** Background work that runs only when the test says so, in order. */
  private static final class QueuedTaskExecutor implements UiTaskExecutor {
    final List<Runnable> queue = new ArrayList<>();

    @Override
    public <T> void execute(
        Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
      queue.add(() -> new SameThreadTaskExecutor().execute(work, onSuccess, onError));
    }

    void runNext() {
      queue.removeFirst().run();
    }
  }
}
