package dev.faultline.app.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionMatcherTest {

  private final List<AppAction> actions =
      List.of(
          AppAction.of("save", "File", "_Save", "Shortcut+S", () -> {}),
          AppAction.of("save-as", "File", "Save _As\u2026", null, () -> {}),
          AppAction.of("zoom-fit", "View", "Zoom to _Fit", null, () -> {}),
          AppAction.of("add-k8s.pod.delete", "Add", "Delete pods", null, () -> {}),
          AppAction.of("delete", "Edit", "_Delete", "Delete", () -> {}));

  @Test
  void aBlankQueryListsEverythingInOrder() {
    assertThat(ActionMatcher.rank(actions, " ")).isEqualTo(actions);
  }

  @Test
  void textThatStartsWithTheQueryComesFirst() {
    assertThat(ActionMatcher.rank(actions, "del"))
        .extracting(AppAction::id)
        .containsExactly("delete", "add-k8s.pod.delete");
  }

  @Test
  void everyWordMustMatchTextOrGroup() {
    assertThat(ActionMatcher.rank(actions, "add pod"))
        .extracting(AppAction::id)
        .containsExactly("add-k8s.pod.delete");
    assertThat(ActionMatcher.rank(actions, "file as"))
        .extracting(AppAction::id)
        .containsExactly("save-as");
    assertThat(ActionMatcher.rank(actions, "teleport")).isEmpty();
  }

  @Test
  void mnemonicsDoNotGetInTheWay() {
    assertThat(ActionMatcher.rank(actions, "zoom to fit"))
        .extracting(AppAction::id)
        .containsExactly("zoom-fit");
  }

  @Test
  void theCheatSheetListsShortcutsByGroupAndTheCanvasGestures() {
    var rows = CheatSheet.rows(actions);

    assertThat(rows.keySet()).containsExactly("File", "Edit", "General", "Canvas");
    assertThat(rows.get("File")).hasSize(1);
    assertThat(rows.get("File").getFirst()[1]).isEqualTo("Save");
  }
}
