package dev.faultline.designer.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.TimeSpan;
import dev.faultline.model.WaitStep;
import dev.faultline.model.edit.AddStep;
import dev.faultline.model.edit.RemoveSteps;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepSelectionTest {

  private final ExperimentDocument document = new ExperimentDocument();
  private final StepSelection selection = new StepSelection(document);

  @Test
  void theLastSelectedIsPrimaryAndToggleFlips() {
    add("a", "b", "c");
    selection.set(List.of("a", "c"));
    assertThat(selection.primary()).contains("c");
    selection.toggle("b");
    assertThat(selection.ids()).containsExactly("a", "c", "b");
    selection.toggle("a");
    assertThat(selection.ids()).containsExactly("c", "b");
    selection.clear();
    assertThat(selection.primary()).isEmpty();
  }

  @Test
  void deletedStepsLeaveTheSelectionAndUndoDoesNotBringThemBack() {
    add("a", "b");
    selection.set(List.of("a", "b"));
    document.edit(new RemoveSteps(Set.of("a")));
    assertThat(selection.ids()).containsExactly("b");
    document.undo();
    assertThat(selection.ids()).containsExactly("b");
  }

  @Test
  void selectingTheSameSetFiresNoChange() {
    add("a");
    selection.select("a");
    int[] changes = {0};
    selection.idsProperty().addListener((obs, old, now) -> changes[0]++);
    selection.select("a");
    assertThat(changes[0]).isZero();
  }

  private void add(String... ids) {
    for (String id : ids) {
      document.edit(new AddStep(new WaitStep(id, List.of(), TimeSpan.of("1s"), null), null));
    }
  }
}
