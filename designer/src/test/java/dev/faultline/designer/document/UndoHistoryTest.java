package dev.faultline.designer.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.WaitStep;
import dev.faultline.model.edit.AddStep;
import dev.faultline.model.edit.Connect;
import dev.faultline.model.edit.EditRefused;
import dev.faultline.model.edit.MoveSteps;
import dev.faultline.model.edit.ReplaceStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UndoHistoryTest {

  private final UndoHistory history = new UndoHistory(ExperimentDocument.blank());

  @Test
  void undoAndRedoWalkTheSnapshotsWithDescriptions() {
    Experiment start = history.current();
    history.apply(new AddStep(wait("a", "1s"), new Position(0, 0)));
    history.apply(new MoveSteps(Map.of("a", new Position(40, 0))));
    Experiment moved = history.current();

    assertThat(history.undoDescription()).contains("Move Step");
    assertThat(history.undo()).isTrue();
    assertThat(history.current().layout().of("a")).contains(new Position(0, 0));
    assertThat(history.redoDescription()).contains("Move Step");
    assertThat(history.undo()).isTrue();
    assertThat(history.current()).isEqualTo(start);
    assertThat(history.undo()).isFalse();
    assertThat(history.redo()).isTrue();
    assertThat(history.redo()).isTrue();
    assertThat(history.current()).isEqualTo(moved);
    assertThat(history.redo()).isFalse();
  }

  @Test
  void aNewEditDropsWhatWasUndone() {
    history.apply(new AddStep(wait("a", "1s"), null));
    history.apply(new AddStep(wait("b", "1s"), null));
    history.undo();
    history.apply(new AddStep(wait("c", "1s"), null));

    assertThat(history.canRedo()).isFalse();
    assertThat(history.current().spec().step("b")).isEmpty();
  }

  @Test
  void typingInOneFieldIsOneUndoStep() {
    history.apply(new AddStep(wait("a", "1s"), null));
    for (String typed : List.of("2", "2s", "20s")) {
      history.apply(new ReplaceStep(wait("a", typed), "Edit duration", "step/a/duration"));
    }
    assertThat(history.undoDescription()).contains("Edit duration");
    history.undo();

    assertThat(((WaitStep) history.current().spec().step("a").get()).duration())
        .isEqualTo(TimeSpan.of("1s"));
  }

  @Test
  void closingTheMergeStartsANewUndoStep() {
    history.apply(new AddStep(wait("a", "1s"), null));
    history.apply(new ReplaceStep(wait("a", "2s"), "Edit duration", "step/a/duration"));
    history.closeMerge();
    history.apply(new ReplaceStep(wait("a", "3s"), "Edit duration", "step/a/duration"));
    history.undo();

    assertThat(((WaitStep) history.current().spec().step("a").get()).duration())
        .isEqualTo(TimeSpan.of("2s"));
  }

  @Test
  void editsWithDifferentKeysDoNotMerge() {
    history.apply(new AddStep(wait("a", "1s"), null));
    history.apply(new AddStep(wait("b", "1s"), null));
    history.apply(new ReplaceStep(wait("a", "2s"), "Edit duration", "step/a/duration"));
    history.apply(new ReplaceStep(wait("b", "2s"), "Edit duration", "step/b/duration"));
    history.undo();

    assertThat(((WaitStep) history.current().spec().step("a").get()).duration())
        .isEqualTo(TimeSpan.of("2s"));
  }

  @Test
  void dirtyFollowsTheSavedMarkThroughUndoAndRedo() {
    assertThat(history.isDirty()).isFalse();
    history.apply(new AddStep(wait("a", "1s"), null));
    assertThat(history.isDirty()).isTrue();
    history.markSaved();
    assertThat(history.isDirty()).isFalse();
    history.apply(new AddStep(wait("b", "1s"), null));
    assertThat(history.isDirty()).isTrue();
    history.undo();
    assertThat(history.isDirty()).isFalse();
    history.undo();
    assertThat(history.isDirty()).isTrue();
  }

  @Test
  void theSavedStateIsDirtyForeverOnceItsRedoBranchIsReplaced() {
    history.apply(new AddStep(wait("a", "1s"), null));
    history.markSaved();
    history.undo();
    history.apply(new AddStep(wait("b", "1s"), null));

    assertThat(history.isDirty()).isTrue();
    history.undo();
    assertThat(history.isDirty()).isTrue();
  }

  @Test
  void typingAfterASaveDoesNotMergeIntoTheSavedState() {
    history.apply(new AddStep(wait("a", "1s"), null));
    history.apply(new ReplaceStep(wait("a", "2s"), "Edit duration", "step/a/duration"));
    history.markSaved();
    history.apply(new ReplaceStep(wait("a", "3s"), "Edit duration", "step/a/duration"));
    history.undo();

    assertThat(history.isDirty()).isFalse();
  }

  @Test
  void editsThatChangeNothingAreNotRecorded() {
    history.apply(new AddStep(wait("a", "1s"), new Position(0, 0)));
    long revision = history.revision();

    assertThat(history.apply(new MoveSteps(Map.of("a", new Position(0, 0))))).isFalse();
    assertThat(history.revision()).isEqualTo(revision);
    assertThat(history.undoDescription()).contains("Add Wait");
  }

  @Test
  void aRefusedEditLeavesEverythingAsItWas() {
    history.apply(new AddStep(wait("a", "1s"), null));
    Experiment before = history.current();

    assertThatThrownBy(() -> history.apply(new Connect("a", "a"))).isInstanceOf(EditRefused.class);
    assertThat(history.current()).isEqualTo(before);
    assertThat(history.canRedo()).isFalse();
  }

  @Test
  void theOldestStepsFallOffAtTheLimit() {
    UndoHistory small = new UndoHistory(ExperimentDocument.blank(), 3);
    for (int i = 0; i < 5; i++) {
      small.apply(new AddStep(wait("s" + i, "1s"), null));
    }
    int undone = 0;
    while (small.undo()) {
      undone++;
    }
    assertThat(undone).isEqualTo(3);
    assertThat(small.current().spec().steps()).hasSize(2);
    assertThat(small.isDirty()).isTrue();
  }

  private static WaitStep wait(String id, String duration) {
    return new WaitStep(id, List.of(), TimeSpan.of(duration), null);
  }
}
