package dev.faultline.engine;

import dev.faultline.catalog.Descriptor;
import dev.faultline.catalog.Param;
import dev.faultline.catalog.ParamType;
import dev.faultline.catalog.TargetUse;
import dev.faultline.probe.LastingProbe;
import dev.faultline.probe.PreparedProbe;
import dev.faultline.probe.ProbeContext;
import dev.faultline.probe.ProbeExecutor;
import dev.faultline.probe.ProbeRequest;
import dev.faultline.probe.ProbeSample;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link LastingProbe} from a script, like a load: {@code windows: "pass,fail,pass"} are the
 * samples its step reports along the way ({@code windowMillis} apart), and the step passes when all
 * of them passed. {@code sample()} answers from the same script, one window per call. Every call
 * (run, check, sample, close) is logged.
 */
final class LastingScriptedProbe implements ProbeExecutor {
  static final String ID = "test.lasting";

  static final Descriptor DESCRIPTOR =
      new Descriptor(
          Descriptor.Role.PROBE,
          ID,
          "Lasting scripted probe",
          "Reports windows from a script.",
          "Test",
          "test",
          TargetUse.NONE,
          java.util.Set.of(),
          List.of(
              Param.optional("windows", ParamType.STRING).defaultValue("pass").docs("Script."),
              Param.optional("windowMillis", ParamType.INTEGER).defaultValue(20).docs("Pace.")));

  private final ExecutionLog log;

  LastingScriptedProbe(ExecutionLog log) {
    this.log = log;
  }

  @Override
  public String probeId() {
    return ID;
  }

  @Override
  public PreparedProbe prepare(ProbeRequest request, ProbeContext context) {
    List<String> script = List.of(request.params().string("windows").split(","));
    Duration pace = Duration.ofMillis(request.params().longValue("windowMillis"));
    String id = request.id();
    return new LastingProbe() {
      private int sampled;

      @Override
      public ProbeSample run(Consumer<ProbeSample> progress) throws InterruptedException {
        log.add("run " + id);
        boolean all = true;
        for (int i = 0; i < script.size(); i++) {
          Thread.sleep(pace);
          ProbeSample window = window(i);
          all &= window.passed();
          progress.accept(window);
        }
        return new ProbeSample(all, 99, Duration.ofMillis(1), "whole: " + (all ? "ok" : "broken"));
      }

      @Override
      public ProbeSample check() {
        log.add("check " + id);
        return ProbeSample.pass(1, Duration.ofMillis(1), "would load");
      }

      @Override
      public ProbeSample sample() throws InterruptedException {
        log.add("sample " + id);
        Thread.sleep(pace);
        return window(sampled++);
      }

      private ProbeSample window(int i) {
        boolean pass = script.get(Math.min(i, script.size() - 1)).strip().equals("pass");
        return new ProbeSample(pass, i, Duration.ofMillis(1), "window " + i);
      }

      @Override
      public void close() {
        log.add("close " + id);
      }
    };
  }
}
