package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.Fault;
import dev.faultline.attack.ObjectRef;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.Verdict;
import dev.faultline.probe.ProbeSample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunProgressPrinterTest {
  private final StringWriter text = new StringWriter();
  private final RunProgressPrinter printer = new RunProgressPrinter(new PrintWriter(text, true));

  @Test
  void aProbeIsPrintedOnlyWhenItsResultFlips() {
    printer.onEvent(sample(1_000_000_000L, true, "200 in 5 ms"));
    printer.onEvent(sample(2_000_000_000L, true, "200 in 6 ms"));
    printer.onEvent(sample(3_000_000_000L, false, "503 in 4 ms"));
    printer.onEvent(sample(4_000_000_000L, false, "503 in 4 ms"));
    printer.onEvent(sample(5_000_000_000L, true, "200 in 5 ms"));

    assertThat(text.toString().lines())
        .containsExactly(
            "[   1.0s]   probe health passing: 200 in 5 ms",
            "[   3.0s]   probe health failing: 503 in 4 ms",
            "[   5.0s]   probe health passing: 200 in 5 ms");
  }

  @Test
  void faultsHaltsAndTheEndAreOneLineEach() {
    Fault fault =
        new Fault(
            "freeze#0",
            "r",
            "freeze",
            "process.signal",
            "kind",
            ObjectRef.container("shop", "checkout-1", "app"),
            "SIGSTOP /java/ in Pod shop/checkout-1 [app]",
            true,
            Map.of());
    printer.onEvent(new RunEvent.FaultApplied("r", 100_000_000L, fault));
    printer.onEvent(new RunEvent.Halted("r", 200_000_000L, "cancelled by alice"));
    printer.onEvent(
        new RunEvent.RollbackFailed("r", 300_000_000L, fault, "connection refused", true));
    printer.onEvent(new RunEvent.FaultRolledBack("r", 400_000_000L, fault));
    printer.onEvent(
        new RunEvent.RunFinished("r", 500_000_000L, Verdict.ABORTED, "cancelled by alice", 0));

    assertThat(text.toString().lines())
        .containsExactly(
            "[   0.1s]   applied: SIGSTOP /java/ in Pod shop/checkout-1 [app]",
            "[   0.2s] ! halt: cancelled by alice — rolling back",
            "[   0.3s]   rollback of SIGSTOP /java/ in Pod shop/checkout-1 [app] failed: connection refused (retrying)",
            "[   0.4s]   rolled back: SIGSTOP /java/ in Pod shop/checkout-1 [app]",
            "[   0.5s] run aborted: cancelled by alice");
  }

  private static RunEvent sample(long nanos, boolean passed, String message) {
    return new RunEvent.ProbeSampled(
        "r", nanos, "health", new ProbeSample(passed, 5, Duration.ofMillis(5), message));
  }
}
