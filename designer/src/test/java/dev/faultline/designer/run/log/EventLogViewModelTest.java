package dev.faultline.designer.run.log;

import static dev.faultline.designer.run.SyntheticRun.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.run.SyntheticRun;
import dev.faultline.engine.RunEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogViewModelTest {

  private final EventLogViewModel model = new EventLogViewModel();

  private List<String> visibleMessages() {
    return model.visibleLines().stream().map(LogLine::message).toList();
  }

  @Test
  void timesReadAsAStopwatchSinceTheStart() {
    assertThat(LogLine.elapsed(s(12.345))).isEqualTo("+00:12.345");
    assertThat(LogLine.elapsed(s(754.5))).isEqualTo("+12:34.500");
    assertThat(LogLine.elapsed(s(3723.004))).isEqualTo("+1:02:03.004");
  }

  @Test
  void eventsReadAsSentences() {
    model.accept(SyntheticRun.events());
    assertThat(visibleMessages())
        .contains(
            "Fault applied: SIGSTOP /java/ in shop/checkout-7d9f5c-abcde [app]",
            "Fault rolled back: SIGSTOP /java/ in shop/checkout-7d9f5c-fghij [app]",
            "Gate 'go-ahead' continued by alice",
            "Probe checkout-http failed: HTTP 503 in 1.2 s",
            "Note by bob: latency alert fired in #oncall",
            "Halted: probe checkout-http failed 5 times",
            "Run finished: FAILED — until-recovered failed")
        .anyMatch(
            m ->
                m.startsWith(
                    "Targets resolved: 2 of 4 matched by 'checkout': shop/checkout-7d9f5c-abcde"));
    LogLine applied =
        model.lines().stream()
            .filter(l -> l.message().startsWith("Fault applied"))
            .findFirst()
            .orElseThrow();
    assertThat(applied.copyText())
        .isEqualTo(
            "+00:02.000\tFAULT\tfreeze\tFault applied: SIGSTOP /java/ in shop/checkout-7d9f5c-abcde [app]");
  }

  @Test
  void aMultiClusterRunsLinesNameTheOtherContext() {
    model.accept(SyntheticRun.multiCluster());
    assertThat(visibleMessages())
        .contains(
            "Targets resolved: 1 of 3 matched by 'checkout-east': shop/checkout-7d9f5c-abcde",
            "Fault applied: SIGSTOP /java/ in shop/checkout-7d9f5c-abcde in west",
            "Fault rolled back: SIGSTOP /java/ in shop/checkout-7d9f5c-fghij in west")
        .anyMatch(m -> m.startsWith("Targets resolved in west: 2 of 3 matched by 'checkout-west'"));
  }

  @Test
  void probeSamplesShowOnlyFailuresAndChangesUntilAllSamplesAreAskedFor() {
    model.accept(SyntheticRun.events());
    List<LogLine> probes =
        model.visibleLines().stream().filter(l -> l.badge().equals("PROBE")).toList();
    // 3.0 s first sample (passing), 6.0–13.5 s failures (16), 14.0 s back to passing.
    assertThat(probes).hasSize(18);
    assertThat(probes.getFirst().message())
        .isEqualTo("Probe checkout-http passing: HTTP 200 in 12 ms");
    assertThat(probes.getLast().time()).isEqualTo("+00:14.000");
    assertThat(probes.getLast().message()).startsWith("Probe checkout-http passing");

    model.allSamplesProperty().set(true);
    assertThat(model.visibleLines().stream().filter(l -> l.badge().equals("PROBE"))).hasSize(34);
  }

  @Test
  void theTextFilterMatchesAnyColumnIgnoringCase() {
    model.accept(SyntheticRun.events());
    model.filterTextProperty().set("GO-AHEAD");
    assertThat(model.visibleLines())
        .isNotEmpty()
        .allMatch(l -> l.copyText().toLowerCase().contains("go-ahead"));
    assertThat(visibleMessages()).contains("Gate 'go-ahead' waiting: Kill the frozen JVMs?");

    model.filterTextProperty().set("+00:02.1");
    assertThat(visibleMessages())
        .containsExactly("Fault applied: SIGSTOP /java/ in shop/checkout-7d9f5c-fghij [app]");
  }

  @Test
  void kindTogglesShowALineWhenAnyOfItsKindsIsOn() {
    model.accept(SyntheticRun.events());
    model.categories().retainAll(List.of(LogCategory.ERRORS));
    assertThat(model.visibleLines()).isNotEmpty().allMatch(LogLine::error);
    assertThat(visibleMessages())
        .contains("Failed: still failing after 10 s", "Halted: probe checkout-http failed 5 times")
        .noneMatch(m -> m.startsWith("Fault applied"));

    model.categories().clear();
    model.categories().add(LogCategory.FAULTS);
    assertThat(model.visibleLines()).extracting(LogLine::badge).containsOnly("FAULT").hasSize(5);
  }

  @Test
  void linesArriveInOneChangePerBatchAndKeepTheirOrder() {
    int[] changes = {0};
    model.lines().addListener((javafx.collections.ListChangeListener<LogLine>) c -> changes[0]++);
    List<RunEvent> events = SyntheticRun.events();
    model.accept(events.subList(0, 10));
    model.accept(events.subList(10, events.size()));
    assertThat(changes[0]).isEqualTo(2);
    assertThat(model.totalProperty().get()).isEqualTo(events.size());
    assertThat(model.lines()).extracting(LogLine::nanos).isSorted();
  }

  @Test
  void copiedTextHasOneLinePerSelectedLine() {
    model.accept(SyntheticRun.until(s(2.1)));
    String text = EventLogViewModel.copyText(model.lines().subList(0, 2));
    assertThat(text.lines()).hasSize(2);
    assertThat(text)
        .startsWith(
            "+00:00.000\tRUN\t\tRun started: checkout-freeze-and-recover on faultline-sandbox\n");
  }
}
