package dev.faultline.model.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.Extras;
import dev.faultline.model.Layout;
import dev.faultline.model.Metadata;
import dev.faultline.model.Position;
import dev.faultline.model.Spec;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.WaitStep;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EditsTest {

  /** a → b → c, and d alone; a has a layout entry with an unknown field. */
  private final Experiment chain =
      experiment(
          List.of(wait("a"), wait("b", "a"), wait("c", "b"), wait("d")),
          new Layout(
              ordered(
                  "a", new Position(10, 20, Extras.of(Map.of("x-pinned", true))),
                  "b", new Position(300, 20))));

  private static Map<String, Position> ordered(String k1, Position v1, String k2, Position v2) {
    var map = new java.util.LinkedHashMap<String, Position>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }

  @Test
  void addStepAppendsItAndPlacesIt() {
    Experiment added = new AddStep(wait("e", "d"), new Position(40, 60)).apply(chain);

    assertThat(ids(added)).containsExactly("a", "b", "c", "d", "e");
    assertThat(added.layout().of("e")).contains(new Position(40, 60));
    assertThat(new AddStep(wait("e"), null).description()).isEqualTo("Add Wait");
  }

  @Test
  void addStepRefusesATakenIdOrAMissingPredecessor() {
    assertThatThrownBy(() -> new AddStep(wait("a"), null).apply(chain))
        .isInstanceOf(EditRefused.class)
        .hasMessageContaining("\u201ca\u201d already exists");
    assertThatThrownBy(() -> new AddStep(wait("e", "zz"), null).apply(chain))
        .isInstanceOf(EditRefused.class)
        .hasMessageContaining("no step \u201czz\u201d");
  }

  @Test
  void removeStepsDropsTheirEdgesAndLayoutButRewiresNothing() {
    Experiment removed = new RemoveSteps(Set.of("b")).apply(chain);

    assertThat(ids(removed)).containsExactly("a", "c", "d");
    assertThat(removed.spec().step("c").orElseThrow().after()).isEmpty();
    assertThat(removed.layout().positions()).containsOnlyKeys("a");
    assertThat(new RemoveSteps(Set.of("b", "c")).description()).isEqualTo("Delete 2 Steps");
    assertThat(new RemoveSteps(Set.of("b")).description()).isEqualTo("Delete Step");
  }

  @Test
  void moveKeepsUnknownFieldsOfTheLayoutEntry() {
    Experiment moved =
        new MoveSteps(Map.of("a", new Position(50, 60), "c", new Position(0, 0))).apply(chain);

    Position a = moved.layout().of("a").orElseThrow();
    assertThat(a.x()).isEqualTo(50);
    assertThat(a.extras().fields()).containsEntry("x-pinned", true);
    assertThat(moved.layout().of("c")).contains(new Position(0, 0));
    assertThat(
            new MoveSteps(Map.of("a", new Position(1, 1), "b", new Position(2, 2))).description())
        .isEqualTo("Move 2 Steps");
    assertThatThrownBy(() -> new MoveSteps(Map.of("zz", new Position(0, 0))).apply(chain))
        .isInstanceOf(EditRefused.class);
  }

  @Test
  void connectAddsTheEdge() {
    Experiment connected = new Connect("d", "c").apply(chain);

    assertThat(connected.spec().step("c").orElseThrow().after()).containsExactly("b", "d");
    assertThat(new Connect("d", "c").description()).isEqualTo("Connect d \u2192 c");
  }

  @Test
  void connectRefusesSelfLoopsDuplicatesAndCycles() {
    assertThat(Connect.refusal(chain, "a", "a")).contains("A step cannot wait for itself.");
    assertThat(Connect.refusal(chain, "a", "b")).hasValueSatisfying(r -> r.contains("already"));
    assertThat(Connect.refusal(chain, "c", "a"))
        .hasValueSatisfying(r -> assertThat(r).contains("cycle").contains("\u201cc\u201d"));
    assertThat(Connect.refusal(chain, "b", "a")).hasValueSatisfying(r -> r.contains("cycle"));
    assertThat(Connect.refusal(chain, "a", "zz")).hasValueSatisfying(r -> r.contains("zz"));
    assertThat(Connect.refusal(chain, "a", "c")).isEmpty();
    assertThatThrownBy(() -> new Connect("c", "a").apply(chain))
        .isInstanceOf(EditRefused.class)
        .hasMessageContaining("cycle");
  }

  @Test
  void disconnectRemovesOnlyThatEdge() {
    Experiment joined = new Connect("d", "c").apply(chain);
    Experiment cut = new Disconnect("b", "c").apply(joined);

    assertThat(cut.spec().step("c").orElseThrow().after()).containsExactly("d");
    assertThatThrownBy(() -> new Disconnect("a", "c").apply(chain)).isInstanceOf(EditRefused.class);
  }

  @Test
  void renameRewritesReferencesAndLayout() {
    Experiment renamed = new RenameStep("a", "start").apply(chain);

    assertThat(ids(renamed)).containsExactly("start", "b", "c", "d");
    assertThat(renamed.spec().step("b").orElseThrow().after()).containsExactly("start");
    assertThat(renamed.layout().positions().keySet()).containsExactly("start", "b");
    assertThatThrownBy(() -> new RenameStep("a", "b").apply(chain))
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> new RenameStep("a", "-bad").apply(chain))
        .hasMessageContaining("not a valid step id");
  }

  @Test
  void pasteGivesFreeIdsAndKeepsOnlyInnerEdges() {
    List<Step> clip = List.of(chain.spec().step("b").get(), chain.spec().step("c").get());
    PasteSteps paste = PasteSteps.of(chain, clip, chain.layout().positions(), 20, 40, "Paste");
    Experiment pasted = paste.apply(chain);

    assertThat(paste.ids()).containsExactly("b-2", "c-2");
    assertThat(pasted.spec().step("b-2").orElseThrow().after()).isEmpty(); // a was not copied
    assertThat(pasted.spec().step("c-2").orElseThrow().after()).containsExactly("b-2");
    assertThat(pasted.layout().of("b-2")).contains(new Position(320, 60));
    assertThat(paste.description()).isEqualTo("Paste 2 Steps");
    // Pasting the same edit twice would reuse the ids: refused, not silently doubled.
    assertThatThrownBy(() -> paste.apply(pasted)).isInstanceOf(EditRefused.class);
  }

  @Test
  void replaceStepKeepsOrderAndRefusesUnknownSteps() {
    Step longer = new WaitStep("b", List.of("a"), TimeSpan.of("1m"), null);
    Experiment replaced = new ReplaceStep(longer, "Edit duration", "step/b/duration").apply(chain);

    assertThat(ids(replaced)).containsExactly("a", "b", "c", "d");
    assertThat(((WaitStep) replaced.spec().step("b").get()).duration())
        .isEqualTo(TimeSpan.of("1m"));
    assertThatThrownBy(() -> new ReplaceStep(wait("zz"), "Edit duration", null).apply(chain))
        .isInstanceOf(EditRefused.class);
  }

  @Test
  void arrangeIgnoresStepsDeletedMeanwhile() {
    Experiment arranged =
        new ArrangeSteps(Map.of("a", new Position(0, 0), "gone", new Position(5, 5))).apply(chain);

    assertThat(arranged.layout().of("a").orElseThrow().x()).isZero();
    assertThat(arranged.layout().positions()).doesNotContainKey("gone");
    assertThat(new ArrangeSteps(Map.of()).description()).isEqualTo("Auto-Layout");
  }

  @Test
  void putTargetReplacesInPlace() {
    Experiment withTargets =
        new PutTarget("second", Target.pods("shop", "app=b"), "Add target", null)
            .apply(
                new PutTarget("first", Target.pods("shop", "app=a"), "Add target", null)
                    .apply(chain));
    Experiment edited =
        new PutTarget("first", Target.pods("shop", "app=z"), "Edit label selector", "k")
            .apply(withTargets);

    assertThat(edited.spec().targets().keySet()).containsExactly("first", "second");
    assertThat(edited.spec().targets().get("first").labelSelector()).isEqualTo("app=z");
  }

  @Test
  void stepCopiesKeepEveryField() {
    AttackStep attack =
        new AttackStep(
            "kill",
            List.of("a"),
            "process.signal",
            "checkout",
            dev.faultline.model.Params.of(Map.of("signal", "SIGKILL")),
            TimeSpan.of("30s"),
            Extras.of(Map.of("x-note", "keep")));

    assertThat(StepCopies.withId(attack, "kill-2"))
        .isEqualTo(
            new AttackStep(
                "kill-2",
                List.of("a"),
                "process.signal",
                "checkout",
                attack.with(),
                attack.duration(),
                attack.extras()));
  }

  @Test
  void buildersCopyEveryFieldOfTheExamples() {
    for (String example :
        List.of(
            "checkout-freeze-and-recover.yaml",
            "game-day-network-latency.yaml",
            "mesh-http-and-stress.yaml",
            "pod-delete-steady-state.yaml",
            "scale-down-and-drain.json")) {
      Experiment read =
          new dev.faultline.format.ExperimentReader()
              .read(java.nio.file.Path.of("../docs/examples", example))
              .experiment()
              .orElseThrow();
      for (Step step : read.spec().steps()) {
        switch (step) {
          case AttackStep a -> assertThat(a.toBuilder().build()).isEqualTo(a);
          case dev.faultline.model.ProbeStep p -> assertThat(p.toBuilder().build()).isEqualTo(p);
          default -> {}
        }
      }
      read.spec().targets().values().forEach(t -> assertThat(t.toBuilder().build()).isEqualTo(t));
    }
  }

  private static WaitStep wait(String id, String... after) {
    return new WaitStep(id, List.of(after), TimeSpan.of("1s"), null);
  }

  private static Experiment experiment(List<Step> steps, Layout layout) {
    return new Experiment(
        new Metadata("edits", null, null, null),
        new Spec(null, null, null, steps, null, null),
        layout,
        null);
  }

  private static List<String> ids(Experiment experiment) {
    return experiment.spec().steps().stream().map(Step::id).toList();
  }
}
