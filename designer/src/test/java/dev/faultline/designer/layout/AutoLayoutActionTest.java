package dev.faultline.designer.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.designer.layout.AutoLayoutAction.Kind;
import dev.faultline.designer.layout.AutoLayoutAction.Outcome;
import dev.faultline.layout.AutoLayout;
import dev.faultline.layout.NodeSize;
import dev.faultline.model.Experiment;
import dev.faultline.model.Layout;
import dev.faultline.model.Position;
import dev.faultline.model.edit.MoveSteps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AutoLayoutActionTest {

  private final ExperimentDocument document = new ExperimentDocument();
  private final List<Outcome> outcomes = new ArrayList<>();

  AutoLayoutActionTest() {
    Experiment scattered =
        Graphs.of("a", "b<-a", "c<-b")
            .withLayout(
                new Layout(
                    Map.of(
                        "a", new Position(500, 500),
                        "b", new Position(0, 900),
                        "c", new Position(13, 7))));
    document.open(scattered, Path.of("scattered.yaml"));
  }

  @Test
  void appliesTheLayoutAsOneEditThatUndoRemoves() {
    Layout before = document.experiment().layout();
    var action = new AutoLayoutAction(document, new SameThreadTaskExecutor());

    action.run(outcomes::add);

    assertThat(outcomes).extracting(Outcome::kind).containsExactly(Kind.APPLIED);
    assertThat(document.experiment().layout().positions())
        .containsEntry("a", new Position(40, 40))
        .containsEntry("b", new Position(340, 40))
        .containsEntry("c", new Position(640, 40));
    assertThat(document.undoTextProperty().get()).isEqualTo("Undo Auto-Layout");
    assertThat(document.isDirty()).isTrue();

    document.undo();

    assertThat(document.experiment().layout()).isEqualTo(before);
    assertThat(document.canUndoProperty().get()).isFalse();
  }

  @Test
  void dropsTheResultWhenTheDocumentChangedMeanwhile() {
    var later = new DeferredTaskExecutor();
    var action = new AutoLayoutAction(document, later);

    action.run(outcomes::add);
    assertThat(action.runningProperty().get()).isTrue();
    document.edit(new MoveSteps(Map.of("a", new Position(100, 100))));
    later.finish();

    assertThat(outcomes).extracting(Outcome::kind).containsExactly(Kind.OUTDATED);
    assertThat(action.runningProperty().get()).isFalse();
    assertThat(document.experiment().layout().of("b")).contains(new Position(0, 900));
    assertThat(document.undoTextProperty().get()).isEqualTo("Undo Move Step");
  }

  @Test
  void aSecondRunWhileTheFirstIsBusyIsIgnored() {
    var later = new DeferredTaskExecutor();
    var action = new AutoLayoutAction(document, later);

    action.run(outcomes::add);
    action.run(outcomes::add);
    later.finish();

    assertThat(later.submitted).isEqualTo(1);
    assertThat(outcomes).extracting(Outcome::kind).containsExactly(Kind.APPLIED);
  }

  @Test
  void refusedWhileTheTextViewHoldsTextThatDoesNotParse() {
    document.setUnparsedText("spec: [");
    var action = new AutoLayoutAction(document, new SameThreadTaskExecutor());

    action.run(outcomes::add);

    assertThat(outcomes).singleElement().extracting(Outcome::kind).isEqualTo(Kind.REFUSED);
    assertThat(outcomes.getFirst().message()).contains("text view");
  }

  @Test
  void anEmptyExperimentHasNothingToArrange() {
    document.newDocument();
    var action = new AutoLayoutAction(document, new SameThreadTaskExecutor());

    action.run(outcomes::add);

    assertThat(outcomes).extracting(Outcome::kind).containsExactly(Kind.NO_STEPS);
    assertThat(document.canUndoProperty().get()).isFalse();
  }

  @Test
  void aFailingLayoutIsReportedAndLeavesTheDocumentAlone() {
    AutoLayout broken =
        (experiment, size) -> {
          throw new IllegalStateException("boom");
        };
    var action =
        new AutoLayoutAction(document, new SameThreadTaskExecutor(), broken, NodeSize.STANDARD);

    action.run(outcomes::add);

    assertThat(outcomes).extracting(Outcome::kind).containsExactly(Kind.FAILED);
    assertThat(outcomes.getFirst().message()).contains("boom");
    assertThat(action.runningProperty().get()).isFalse();
    assertThat(document.canUndoProperty().get()).isFalse();
  }

  /** Holds the submitted work until the test says the background thread is done. */
  private static final class DeferredTaskExecutor implements UiTaskExecutor {
    private Runnable pending;
    private int submitted;

    @Override
    public <T> void execute(
        Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
      submitted++;
      pending = () -> new SameThreadTaskExecutor().execute(work, onSuccess, onError);
    }

    void finish() {
      pending.run();
    }
  }
}
