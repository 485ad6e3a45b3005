package dev.faultline.designer.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.WaitStep;
import dev.faultline.model.edit.AddStep;
import dev.faultline.model.edit.Connect;
import dev.faultline.model.edit.MoveSteps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentDocumentTest {

  private final ExperimentDocument document = new ExperimentDocument();

  @Test
  void undoTextNamesTheEdit() {
    document.edit(new AddStep(wait("a"), new Position(0, 0)));
    document.edit(new AddStep(wait("b"), new Position(0, 0)));
    document.edit(new MoveSteps(Map.of("a", new Position(1, 1), "b", new Position(2, 2))));

    assertThat(document.undoTextProperty().get()).isEqualTo("Undo Move 2 Steps");
    assertThat(document.canRedoProperty().get()).isFalse();
    document.undo();
    assertThat(document.redoTextProperty().get()).isEqualTo("Redo Move 2 Steps");
    assertThat(document.undoTextProperty().get()).isEqualTo("Undo Add Wait");
  }

  @Test
  void aRefusalIsReturnedNotThrown() {
    document.edit(new AddStep(wait("a"), null));

    assertThat(document.edit(new Connect("a", "a"))).contains("A step cannot wait for itself.");
    assertThat(document.undoTextProperty().get()).isEqualTo("Undo Add Wait");
  }

  @Test
  void dirtyAndNameFollowOpenEditAndSave() {
    Path file = Path.of("/tmp/x/flow.yaml");
    document.open(ExperimentDocument.blank(), file);
    assertThat(document.displayNameProperty().get()).isEqualTo("flow.yaml");
    assertThat(document.isDirty()).isFalse();
    assertThat(document.canUndoProperty().get()).isFalse();

    document.edit(new AddStep(wait("a"), null));
    assertThat(document.isDirty()).isTrue();
    document.markSaved(Path.of("/tmp/x/flow.json"));
    assertThat(document.isDirty()).isFalse();
    assertThat(document.displayNameProperty().get()).isEqualTo("flow.json");
    assertThat(document.syntax()).isEqualTo(dev.faultline.format.Syntax.JSON);
  }

  @Test
  void editsMadeWhileASaveWasWritingStayUnsaved() {
    document.edit(new AddStep(wait("a"), null));
    ExperimentDocument.Snapshot written = document.snapshot();
    document.edit(new AddStep(wait("b"), null));
    document.markSaved(Path.of("/tmp/flow.yaml"), written);

    assertThat(document.isDirty()).isTrue();
    document.undo();
    assertThat(document.isDirty()).isFalse();
    assertThat(document.displayNameProperty().get()).isEqualTo("flow.yaml");
  }

  @Test
  void aRestoredRecoveryCopyStartsDirty() {
    Experiment recovered = new AddStep(wait("a"), null).apply(ExperimentDocument.blank());
    document.restore(recovered, Path.of("/tmp/flow.yaml"));

    assertThat(document.isDirty()).isTrue();
    assertThat(document.experiment()).isEqualTo(recovered);
    assertThat(document.canUndoProperty().get()).isFalse();
  }

  @Test
  void anImportIsUntitledUnsavedAndNamedAfterItsSourceUntilSaved() {
    document.open(ExperimentDocument.blank(), Path.of("/tmp/before.yaml"));
    Experiment imported = new AddStep(wait("a"), null).apply(ExperimentDocument.blank());

    document.openImported(imported, "Imported from workflow.yaml");

    assertThat(document.isDirty()).isTrue();
    assertThat(document.file()).isEmpty();
    assertThat(document.experiment()).isEqualTo(imported);
    assertThat(document.displayNameProperty().get()).isEqualTo("Imported from workflow.yaml");
    assertThat(document.canUndoProperty().get()).isFalse();

    document.markSaved(Path.of("/tmp/imported.yaml"));
    assertThat(document.isDirty()).isFalse();
    assertThat(document.displayNameProperty().get()).isEqualTo("imported.yaml");
  }

  @Test
  void editingFromAListenerIsRefusedLoudly() {
    var failures = new java.util.ArrayList<Throwable>();
    document
        .experimentProperty()
        .addListener(
            (obs, old, now) -> {
              try {
                document.edit(new AddStep(wait("echo"), null));
              } catch (IllegalStateException e) {
                failures.add(e);
              }
            });
    document.edit(new AddStep(wait("a"), null));

    assertThat(failures).hasSize(1);
    assertThat(document.experiment().spec().step("echo")).isEmpty();
  }

  @Test
  void unparsedTextIsKeptAndBlocksEditsUntilItParses() {
    document.open(ExperimentDocument.blank(), Path.of("/tmp/flow.yaml"));
    document.edit(new AddStep(wait("a"), null));
    document.markSaved(Path.of("/tmp/flow.yaml"));

    document.setUnparsedText("spec: [");
    assertThat(document.isDirty()).isTrue();
    assertThat(document.unparsedText()).contains("spec: [");
    assertThat(document.edit(new AddStep(wait("b"), null))).isPresent();
    assertThat(document.canUndoProperty().get()).isFalse();
    document.undo();
    assertThat(document.experiment().spec().step("a")).isPresent();

    document.setUnparsedText(null);
    assertThat(document.isDirty()).isFalse();
    assertThat(document.edit(new AddStep(wait("b"), null))).isEmpty();
  }

  @Test
  void aMalformedFileOpensAsItsTextAndSavingItKeepsItClean() {
    document.openUnparsed("kind: [", Path.of("/tmp/broken.yaml"));

    assertThat(document.isDirty()).isFalse();
    assertThat(document.unparsedText()).contains("kind: [");
    document.setUnparsedText("kind: [x");
    assertThat(document.isDirty()).isTrue();
    document.markSaved(Path.of("/tmp/broken.yaml"));
    assertThat(document.isDirty()).isFalse();
  }

  @Test
  void reentrantGuardDoesNotStickAfterAListenerThrows() {
    document.experimentProperty().addListener((obs, old, now) -> {});
    document.edit(new AddStep(wait("a"), null));
    assertThatThrownBy(() -> document.open(null, Path.of("/tmp/a.yaml")))
        .isInstanceOf(NullPointerException.class);
    assertThat(document.edit(new AddStep(wait("b"), null))).isEmpty();
  }

  private static WaitStep wait(String id) {
    return new WaitStep(id, List.of(), TimeSpan.of("1s"), null);
  }
}
