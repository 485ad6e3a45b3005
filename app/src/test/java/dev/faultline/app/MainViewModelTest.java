package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.designer.fx.UiTaskExecutor;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Runs without the JavaFX toolkit: properties and bindings need none. */
class MainViewModelTest {

  private static final Path CHECKOUT = Path.of("/experiments/checkout.yaml");

  private final List<Path> loaded = new ArrayList<>();

  private MainViewModel viewModel(UiTaskExecutor tasks, DocumentLoader loader) {
    return new MainViewModel(
        tasks,
        file -> {
          loaded.add(file);
          return loader.load(file);
        });
  }

  @Test
  void startsUntitledAndEmpty() {
    MainViewModel viewModel = viewModel(new SameThreadTaskExecutor(), file -> "unused");

    assertThat(viewModel.titleProperty().get()).isEqualTo("Untitled \u2014 Faultline");
    assertThat(viewModel.canvasHintProperty().get()).isEqualTo("Empty experiment");
    assertThat(viewModel.canvasDetailProperty().get()).isEmpty();
    assertThat(viewModel.statusTextProperty().get()).isEqualTo("Ready");
    assertThat(viewModel.statusErrorProperty().get()).isFalse();
    assertThat(viewModel.file()).isEmpty();
  }

  @Test
  void openingAFileNamesTheWindowAndReportsTheSummary() {
    MainViewModel viewModel = viewModel(new SameThreadTaskExecutor(), file -> "3 lines");

    viewModel.open(CHECKOUT);

    assertThat(viewModel.titleProperty().get()).isEqualTo("checkout.yaml \u2014 Faultline");
    assertThat(viewModel.statusTextProperty().get()).isEqualTo("Opened checkout.yaml (3 lines)");
    assertThat(viewModel.statusErrorProperty().get()).isFalse();
    assertThat(viewModel.canvasHintProperty().get()).isEqualTo("checkout.yaml");
    assertThat(viewModel.canvasDetailProperty().get()).isEqualTo("3 lines");
    assertThat(viewModel.file()).contains(CHECKOUT);
  }

  @Test
  void leftoversFromCrashedRunsGiveALastingWarning() {
    MainViewModel viewModel = viewModel(new SameThreadTaskExecutor(), file -> "1 line");
    assertThat(viewModel.leftoverWarningProperty().get()).isEmpty();

    viewModel.checkForLeftovers(
        () -> java.util.List.of("2 faults left by run r-1 (checkout) on context kind-dev"));
    viewModel.open(CHECKOUT);

    assertThat(viewModel.leftoverWarningProperty().get())
        .isEqualTo("2 faults left by run r-1 (checkout) on context kind-dev");
    viewModel.dismissLeftoverWarning();
    assertThat(viewModel.leftoverWarningProperty().get()).isEmpty();
  }

  @Test
  void noLeftoversNoWarningAndUnreadableJournalsAreSaid() {
    MainViewModel clean = viewModel(new SameThreadTaskExecutor(), file -> "1 line");
    clean.checkForLeftovers(java.util.List::of);
    assertThat(clean.leftoverWarningProperty().get()).isEmpty();

    MainViewModel broken = viewModel(new SameThreadTaskExecutor(), file -> "1 line");
    broken.checkForLeftovers(
        () -> {
          throw new java.nio.file.AccessDeniedException("/state/runs");
        });
    assertThat(broken.leftoverWarningProperty().get())
        .startsWith("Cannot read the rollback journals: ");
  }

  @Test
  void handsTheLoaderAnAbsoluteNormalisedPath() {
    MainViewModel viewModel = viewModel(new SameThreadTaskExecutor(), file -> "1 line");

    viewModel.open(Path.of("some/../relative.yaml"));

    assertThat(loaded).containsExactly(Path.of("relative.yaml").toAbsolutePath());
  }

  @Test
  void aFailedOpenKeepsTheCurrentDocumentAndSaysWhy() {
    Path missing = Path.of("/nowhere/missing.yaml");
    MainViewModel viewModel =
        viewModel(
            new SameThreadTaskExecutor(),
            file -> {
              if (file.equals(missing)) {
                throw new NoSuchFileException(file.toString());
              }
              return "3 lines";
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
    MainViewModel viewModel = viewModel(tasks, file -> "3 lines");

    viewModel.open(CHECKOUT);

    assertThat(viewModel.statusTextProperty().get()).isEqualTo("Opening checkout.yaml\u2026");
    assertThat(viewModel.titleProperty().get()).startsWith("Untitled");
    tasks.runNext();
    assertThat(viewModel.titleProperty().get()).startsWith("checkout.yaml");
  }

  @Test
  void aSupersededReadIsIgnored() {
    DeferredExecutor tasks = new DeferredExecutor();
    MainViewModel viewModel = viewModel(tasks, file -> "1 line");

    viewModel.open(Path.of("/a/first.yaml"));
    viewModel.open(Path.of("/a/second.yaml"));
    tasks.runLast();
    tasks.runNext();

    assertThat(viewModel.file()).contains(Path.of("/a/second.yaml"));
    assertThat(viewModel.statusTextProperty().get()).isEqualTo("Opened second.yaml (1 line)");
  }

  @Test
  void newExperimentResetsAndCancelsAPendingRead() {
    DeferredExecutor tasks = new DeferredExecutor();
    MainViewModel viewModel = viewModel(tasks, file -> "3 lines");
    viewModel.open(CHECKOUT);
    tasks.runNext();
    viewModel.open(Path.of("/a/slow.yaml"));

    viewModel.newExperiment();
    tasks.runNext();

    assertThat(viewModel.file()).isEmpty();
    assertThat(viewModel.titleProperty().get()).isEqualTo("Untitled \u2014 Faultline");
    assertThat(viewModel.canvasHintProperty().get()).isEqualTo("Empty experiment");
    assertThat(viewModel.canvasDetailProperty().get()).isEmpty();
    assertThat(viewModel.statusTextProperty().get()).isEqualTo("New experiment");
  }

  @Test
  void aMalformedCommandLinePathIsReportedNotThrown() {
    MainViewModel viewModel = viewModel(new SameThreadTaskExecutor(), file -> "unused");

    viewModel.openFromCommandLine("bad\0name.yaml");

    assertThat(viewModel.statusTextProperty().get())
        .startsWith("Cannot open bad\0name.yaml: invalid path");
    assertThat(viewModel.statusErrorProperty().get()).isTrue();
    assertThat(loaded).isEmpty();
  }

  @Test
  void commandLinePathsAreOpened() {
    MainViewModel viewModel = viewModel(new SameThreadTaskExecutor(), file -> "2 lines");

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
