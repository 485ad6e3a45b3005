package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import dev.faultline.model.edit.MoveSteps;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs without the JavaFX toolkit: properties and bindings need none. */
class MainViewModelTest {

  private static final Path CHECKOUT = Path.of("/experiments/checkout.yaml");
  private static final Path EXAMPLE = Path.of("../docs/examples/checkout-freeze-and-recover.yaml");
  private static final Experiment EXPERIMENT =
      new ExperimentReader().read(EXAMPLE).experiment().orElseThrow();
  private static final LoadedFile PARSED = new LoadedFile.Parsed(EXPERIMENT, List.of());

  @TempDir Path dir;

  private final List<Path> loaded = new ArrayList<>();
  private final Map<Path, String> written = new java.util.LinkedHashMap<>();

  private MainViewModel viewModel(UiTaskExecutor tasks, DocumentLoader loader) {
    return new MainViewModel(
        tasks,
        new SameThreadTaskExecutor(),
        file -> {
          loaded.add(file);
          return loader.load(file);
        },
        written::put);
  }

  private MainViewModel viewModel(DocumentLoader loader) {
    return viewModel(new SameThreadTaskExecutor(), loader);
  }

  @Test
  void startsUntitledAndEmpty() {
    MainViewModel viewModel = viewModel(file -> PARSED);

    assertThat(viewModel.titleProperty().get()).isEqualTo("Untitled \u2014 Faultline");
    assertThat(viewModel.statusTextProperty().get()).isEqualTo("Ready");
    assertThat(viewModel.statusErrorProperty().get()).isFalse();
    assertThat(viewModel.file()).isEmpty();
    assertThat(viewModel.document().experiment().spec().steps()).isEmpty();
  }

  @Test
  void openingAFileShowsItAndNamesTheWindow() {
    MainViewModel viewModel = viewModel(file -> PARSED);

    viewModel.open(CHECKOUT);

    assertThat(viewModel.titleProperty().get()).isEqualTo("checkout.yaml \u2014 Faultline");
    assertThat(viewModel.statusTextProperty().get())
        .isEqualTo("Opened checkout.yaml (4 steps, 1 target, valid)");
    assertThat(viewModel.document().experiment()).isEqualTo(EXPERIMENT);
    assertThat(viewModel.file()).contains(CHECKOUT);
  }

  @Test
  void aMalformedFileOpensAsTextWithItsProblem() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "a:\n\tb: 1\n");
    MainViewModel viewModel = viewModel(new ExperimentLoader());

    viewModel.open(broken);

    assertThat(viewModel.document().unparsedText()).contains("a:\n\tb: 1\n");
    assertThat(viewModel.file()).contains(broken);
    assertThat(viewModel.statusErrorProperty().get()).isTrue();
    assertThat(viewModel.statusTextProperty().get())
        .startsWith("broken.yaml does not parse (1 error, 0 warnings \u2014 line 2, column 1:");
    assertThat(viewModel.problems().problems()).isNotEmpty();
  }

  @Test
  void theTitleMarksUnsavedChangesAndSaveClearsTheMark() {
    MainViewModel viewModel = viewModel(file -> PARSED);
    List<Path> reported = new ArrayList<>();
    viewModel.addFileListener(reported::add);
    viewModel.open(CHECKOUT);

    viewModel.document().edit(new MoveSteps(Map.of("kill", new Position(600, 300))));
    assertThat(viewModel.titleProperty().get()).isEqualTo("*checkout.yaml \u2014 Faultline");
    assertThat(viewModel.save()).isTrue();

    assertThat(viewModel.titleProperty().get()).isEqualTo("checkout.yaml \u2014 Faultline");
    assertThat(written.get(CHECKOUT)).contains("kill: {x: 600, y: 300}");
    assertThat(reported).containsExactly(CHECKOUT, CHECKOUT);
    assertThat(viewModel.statusTextProperty().get()).isEqualTo("Saved checkout.yaml");
  }

  @Test
  void anUntitledDocumentNeedsANameAndSaveAsJsonWritesJson() {
    MainViewModel viewModel = viewModel(file -> PARSED);
    assertThat(viewModel.save()).isFalse();

    Path json = Path.of("/experiments/new.json");
    boolean[] then = {false};
    viewModel.saveAs(json, () -> then[0] = true);

    assertThat(written.get(json)).startsWith("{");
    assertThat(viewModel.document().displayNameProperty().get()).isEqualTo("new.json");
    assertThat(then[0]).isTrue();
  }

  @Test
  void aFailedSaveKeepsTheChangesAndSaysWhy() {
    MainViewModel viewModel =
        new MainViewModel(
            new SameThreadTaskExecutor(),
            new SameThreadTaskExecutor(),
            file -> PARSED,
            (file, text) -> {
              throw new AccessDeniedException(file.toString());
            });
    viewModel.open(CHECKOUT);
    viewModel.document().edit(new MoveSteps(Map.of("kill", new Position(600, 300))));
    boolean[] then = {false};

    viewModel.saveAs(CHECKOUT, () -> then[0] = true);

    assertThat(viewModel.document().isDirty()).isTrue();
    assertThat(then[0]).isFalse();
    assertThat(viewModel.statusTextProperty().get())
        .isEqualTo("Cannot save /experiments/checkout.yaml: permission denied");
    assertThat(viewModel.busyProperty().get()).isFalse();
  }

  @Test
  void unparsedTextIsSavedVerbatimButNotConvertedToAnotherSyntax() {
    MainViewModel viewModel = viewModel(file -> new LoadedFile.Unparsed("a: [", List.of()));
    viewModel.open(CHECKOUT);
    viewModel.document().setUnparsedText("a: [b");

    viewModel.save();
    assertThat(written.get(CHECKOUT)).isEqualTo("a: [b");
    assertThat(viewModel.document().isDirty()).isFalse();

    viewModel.saveAs(Path.of("/experiments/x.json"));
    assertThat(written).containsOnlyKeys(CHECKOUT);
    assertThat(viewModel.statusErrorProperty().get()).isTrue();
  }

  @Test
  void editsMadeWhileSavingStayUnsaved() {
    DeferredExecutor tasks = new DeferredExecutor();
    MainViewModel viewModel = viewModel(tasks, file -> PARSED);
    viewModel.open(CHECKOUT);
    tasks.runNext();
    viewModel.document().edit(new MoveSteps(Map.of("kill", new Position(600, 300))));

    viewModel.save();
    assertThat(viewModel.busyProperty().get()).isTrue();
    viewModel.document().edit(new MoveSteps(Map.of("kill", new Position(700, 300))));
    tasks.runNext();

    assertThat(written.get(CHECKOUT)).contains("kill: {x: 600, y: 300}");
    assertThat(viewModel.document().isDirty()).isTrue();
    viewModel.document().undo();
    assertThat(viewModel.document().isDirty()).isFalse();
  }

  @Test
  void leftoversFromCrashedRunsGiveALastingWarning() {
    MainViewModel viewModel = viewModel(file -> PARSED);
    assertThat(viewModel.leftoverWarningProperty().get()).isEmpty();

    viewModel.checkForLeftovers(
        () -> List.of("2 faults left by run r-1 (checkout) on context kind-dev"));
    viewModel.open(CHECKOUT);

    assertThat(viewModel.leftoverWarningProperty().get())
        .isEqualTo("2 faults left by run r-1 (checkout) on context kind-dev");
    viewModel.dismissLeftoverWarning();
    assertThat(viewModel.leftoverWarningProperty().get()).isEmpty();
  }

  @Test
  void rollingBackLeftoversLooksAgainAndSaysHowItWent() {
    MainViewModel viewModel = viewModel(file -> PARSED);
    var open = new java.util.ArrayList<>(List.of("1 fault left by run r-1 on context kind-dev"));
    viewModel.checkForLeftovers(() -> List.copyOf(open));
    assertThat(viewModel.leftoverWarningProperty().get()).contains("r-1");

    viewModel.cleanUpLeftovers(
        () -> {
          open.clear(); // what a successful rollback does to the journals
          return new dev.faultline.safety.Cleanup.Report(List.of(), List.of(), List.of());
        });

    assertThat(viewModel.leftoverWarningProperty().get()).isEmpty();
    assertThat(viewModel.statusTextProperty().get()).isEqualTo("Cleanup: 0 faults rolled back.");
    assertThat(viewModel.statusErrorProperty().get()).isFalse();
    assertThat(viewModel.cleaningUpProperty().get()).isFalse();

    viewModel.cleanUpLeftovers(
        () -> {
          throw new java.net.ConnectException("kind-dev: connection refused");
        });
    assertThat(viewModel.statusTextProperty().get())
        .isEqualTo("Cleanup failed: kind-dev: connection refused");
    assertThat(viewModel.statusErrorProperty().get()).isTrue();
  }

  @Test
  void noLeftoversNoWarningAndUnreadableJournalsAreSaid() {
    MainViewModel clean = viewModel(file -> PARSED);
    clean.checkForLeftovers(List::of);
    assertThat(clean.leftoverWarningProperty().get()).isEmpty();

    MainViewModel broken = viewModel(file -> PARSED);
    broken.checkForLeftovers(
        () -> {
          throw new AccessDeniedException("/state/runs");
        });
    assertThat(broken.leftoverWarningProperty().get())
        .startsWith("Cannot read the rollback journals: ");
  }

  @Test
  void handsTheLoaderAnAbsoluteNormalisedPath() {
    MainViewModel viewModel = viewModel(file -> PARSED);

    viewModel.open(Path.of("some/../relative.yaml"));

    assertThat(loaded).containsExactly(Path.of("relative.yaml").toAbsolutePath());
  }

  @Test
  void aFailedOpenKeepsTheCurrentDocumentAndSaysWhy() {
    Path missing = Path.of("/nowhere/missing.yaml");
    MainViewModel viewModel =
        viewModel(
            file -> {
              if (file.equals(missing)) {
                throw new NoSuchFileException(file.toString());
              }
              return PARSED;
            });
    viewModel.open(CHECKOUT);

    viewModel.open(missing);

    assertThat(viewModel.statusTextProperty().get())
        .isEqualTo("Cannot open /nowhere/missing.yaml: file not found");
    assertThat(viewModel.statusErrorProperty().get()).isTrue();
    assertThat(viewModel.titleProperty().get()).isEqualTo("checkout.yaml \u2014 Faultline");
    assertThat(viewModel.file()).contains(CHECKOUT);
  }

  @Test
  void showsProgressUntilTheReadFinishes() {
    DeferredExecutor tasks = new DeferredExecutor();
    MainViewModel viewModel = viewModel(tasks, file -> PARSED);

    viewModel.open(CHECKOUT);

    assertThat(viewModel.statusTextProperty().get()).isEqualTo("Opening checkout.yaml\u2026");
    assertThat(viewModel.titleProperty().get()).startsWith("Untitled");
    tasks.runNext();
    assertThat(viewModel.titleProperty().get()).startsWith("checkout.yaml");
  }

  @Test
  void aSupersededReadIsIgnored() {
    DeferredExecutor tasks = new DeferredExecutor();
    MainViewModel viewModel = viewModel(tasks, file -> PARSED);

    viewModel.open(Path.of("/a/first.yaml"));
    viewModel.open(Path.of("/a/second.yaml"));
    tasks.runLast();
    tasks.runNext();

    assertThat(viewModel.file()).contains(Path.of("/a/second.yaml"));
    assertThat(viewModel.statusTextProperty().get()).startsWith("Opened second.yaml");
  }

  @Test
  void newExperimentResetsAndCancelsAPendingRead() {
    DeferredExecutor tasks = new DeferredExecutor();
    MainViewModel viewModel = viewModel(tasks, file -> PARSED);
    viewModel.open(CHECKOUT);
    tasks.runNext();
    viewModel.open(Path.of("/a/slow.yaml"));

    viewModel.newExperiment();
    tasks.runNext();

    assertThat(viewModel.file()).isEmpty();
    assertThat(viewModel.titleProperty().get()).isEqualTo("Untitled \u2014 Faultline");
    assertThat(viewModel.document().experiment().spec().steps()).isEmpty();
    assertThat(viewModel.statusTextProperty().get()).isEqualTo("New experiment");
  }

  @Test
  void aMalformedCommandLinePathIsReportedNotThrown() {
    MainViewModel viewModel = viewModel(file -> PARSED);

    viewModel.openFromCommandLine("bad\0name.yaml");

    assertThat(viewModel.statusTextProperty().get())
        .startsWith("Cannot open bad\0name.yaml: invalid path");
    assertThat(viewModel.statusErrorProperty().get()).isTrue();
    assertThat(loaded).isEmpty();
  }

  @Test
  void commandLinePathsAreOpened() {
    MainViewModel viewModel = viewModel(file -> PARSED);

    viewModel.openFromCommandLine(CHECKOUT.toString());

    assertThat(viewModel.file()).contains(CHECKOUT);
  }

  @Test
  void failureReasonsAreWords() {
    assertThat(MainViewModel.reason(new NoSuchFileException("/x"))).isEqualTo("file not found");
    assertThat(MainViewModel.reason(new AccessDeniedException("/x")))
        .isEqualTo("permission denied");
    assertThat(MainViewModel.reason(new FileSystemException("/x", null, "is a directory")))
        .isEqualTo("is a directory");
    assertThat(MainViewModel.reason(new IOException("disk on fire"))).isEqualTo("disk on fire");
    assertThat(MainViewModel.reason(new IllegalStateException()))
        .isEqualTo("IllegalStateException");
  }

  /** Holds tasks until the test runs them, to exercise the in-between states and races. */
  private static final class DeferredExecutor implements UiTaskExecutor {
    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public <T> void execute(
        Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
      pending.add(() -> new SameThreadTaskExecutor().execute(work, onSuccess, onError));
    }

    void runNext() {
      pending.removeFirst().run();
    }

    void runLast() {
      pending.removeLast().run();
    }
  }
}
