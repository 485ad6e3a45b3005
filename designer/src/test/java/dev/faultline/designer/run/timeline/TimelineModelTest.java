package dev.faultline.designer.run.timeline;

import static dev.faultline.designer.run.SyntheticRun.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.run.SyntheticRun;
import dev.faultline.engine.RunEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineModelTest {

  private final TimelineModel model = new TimelineModel();

  private Bar bar(Lane lane, String label) {
    return model.bars(lane).stream()
        .filter(b -> b.label().startsWith(label))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void stepBarsRunFromStartToEndColouredByOutcome() {
    model.accept(SyntheticRun.until(s(21.5)));
    Bar freeze = bar(Lane.STEPS, "freeze");
    assertThat(freeze.start()).isEqualTo(s(1));
    assertThat(freeze.end()).isEqualTo(s(2.2));
    assertThat(freeze.tone()).isEqualTo(Tone.SUCCESS);
    Bar gate = bar(Lane.STEPS, "go-ahead");
    assertThat(gate.open()).isTrue();
    assertThat(gate.tone()).as("a gate waiting").isEqualTo(Tone.WARNING);

    model.accept(SyntheticRun.events().stream().filter(e -> e.nanos() > s(21.5)).toList());
    assertThat(bar(Lane.STEPS, "go-ahead").tone()).isEqualTo(Tone.SUCCESS);
    assertThat(bar(Lane.STEPS, "until-recovered").tone()).isEqualTo(Tone.DANGER);
    assertThat(model.bars(Lane.STEPS)).noneMatch(Bar::open);
  }

  @Test
  void faultsInAnotherClusterSayWhichOnTheirBar() {
    model.accept(SyntheticRun.multiCluster());
    Bar freeze = bar(Lane.FAULTS, "freeze");
    assertThat(freeze.label()).isEqualTo("freeze in west ×2");
    assertThat(freeze.tooltip()).startsWith("freeze in west: 2 applied, 2 rolled back");

    TimelineModel single = new TimelineModel();
    single.accept(SyntheticRun.events());
    assertThat(single.bars(Lane.FAULTS)).noneMatch(b -> b.label().contains(" in "));
  }

  @Test
  void aStepsFaultsAreOneBarRedWhileAnyIsOpen() {
    model.accept(SyntheticRun.until(s(20)));
    Bar freeze = bar(Lane.FAULTS, "freeze");
    assertThat(model.bars(Lane.FAULTS)).hasSize(1);
    assertThat(freeze.label()).isEqualTo("freeze ×2");
    assertThat(freeze.open()).as("one of two still open").isTrue();
    assertThat(freeze.tone()).isEqualTo(Tone.DANGER);
    assertThat(freeze.tooltip())
        .contains(
            "2 applied, 1 rolled back, 1 open",
            "SIGSTOP /java/ in shop/checkout-7d9f5c-fghij [app]");

    model.accept(SyntheticRun.events().stream().filter(e -> e.nanos() > s(20)).toList());
    assertThat(freeze.end()).isEqualTo(s(20.1));
    assertThat(freeze.tone()).isEqualTo(Tone.DANGER_MUTED);
    Bar kill = bar(Lane.FAULTS, "kill");
    assertThat(kill.open()).as("an irreversible fault is done once applied").isFalse();
  }

  @Test
  void failuresAreMarkedAndAGivenUpRollbackKeepsTheBarOpen() {
    var fault = SyntheticRun.fault("f#1", "freeze", SyntheticRun.POD_A, "SIGSTOP", true);
    var other = SyntheticRun.fault("f#2", "freeze", SyntheticRun.POD_B, "SIGSTOP", true);
    model.accept(
        List.of(
            new RunEvent.FaultApplied("r", s(1), fault),
            new RunEvent.FaultFailed("r", s(1.5), other, "no such process"),
            new RunEvent.RollbackFailed("r", s(5), fault, "API down", false)));
    Bar bar = bar(Lane.FAULTS, "freeze");
    assertThat(bar.marks()).containsExactly(s(1.5), s(5));
    assertThat(bar.open()).isTrue();
    assertThat(bar.endLabel()).isEqualTo("1 left open");
    assertThat(bar.tooltip())
        .contains("✕ SIGSTOP — no such process", "rollback gave up: SIGSTOP — API down");
  }

  @Test
  void gateWaitsEndWithWhoAnsweredNotesArePinsAndAHaltIsAMoment() {
    model.accept(SyntheticRun.events());
    Bar gate = bar(Lane.GATES, "go-ahead");
    assertThat(gate.start()).isEqualTo(s(21));
    assertThat(gate.end()).isEqualTo(s(27));
    assertThat(gate.endLabel()).isEqualTo("✓ alice");
    assertThat(gate.tooltip())
        .contains("Gate 'go-ahead' continued by alice", "Kill the frozen JVMs?", "waited 6.0 s");
    assertThat(model.notes())
        .containsExactly(new Pin(s(24), "bob", "bob: latency alert fired in #oncall"));
    assertThat(model.halts()).extracting(Pin::nanos).containsExactly(s(40));
    assertThat(model.finishedAt()).isEqualTo(s(41));
  }

  @Test
  void overlappingBarsTakeSeparateRowsAndLaterOnesReuseFreeRows() {
    model.accept(
        List.of(
            new RunEvent.StepStarted("r", s(1), "a", "wait", ""),
            new RunEvent.StepStarted("r", s(2), "b", "wait", ""),
            new RunEvent.StepSucceeded("r", s(3), "a", ""),
            new RunEvent.StepStarted("r", s(4), "c", "wait", "")));
    assertThat(model.bars(Lane.STEPS)).extracting(Bar::row).containsExactly(0, 1, 0);
    assertThat(model.rows(Lane.STEPS)).isEqualTo(2);
    assertThat(model.rows(Lane.FAULTS)).isEqualTo(1);
  }

  @Test
  void theAxisPicksRoundTicksAndMapsBothWays() {
    TimeAxis axis = new TimeAxis(0, s(60), 100, 600);
    assertThat(axis.x(s(30))).isEqualTo(400);
    assertThat(axis.nanos(400)).isEqualTo(s(30));
    assertThat(axis.ticks(70)).containsExactly(0L, s(10), s(20), s(30), s(40), s(50), s(60));
    assertThat(TimeAxis.label(s(75))).isEqualTo("1:15");
    assertThat(TimeAxis.label(s(3725))).isEqualTo("1:02:05");
  }
}
