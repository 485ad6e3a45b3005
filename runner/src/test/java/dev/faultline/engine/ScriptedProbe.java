package dev.faultline.engine;

import dev.faultline.catalog.Descriptor;
import dev.faultline.catalog.Param;
import dev.faultline.catalog.ParamType;
import dev.faultline.catalog.TargetUse;
import dev.faultline.probe.PreparedProbe;
import dev.faultline.probe.ProbeContext;
import dev.faultline.probe.ProbeException;
import dev.faultline.probe.ProbeExecutor;
import dev.faultline.probe.ProbeRequest;
import dev.faultline.probe.ProbeSample;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A probe that answers from a script: {@code results: "pass,pass,fail"} gives those results in turn
 * and then repeats the last; {@code hang: true} blocks until interrupted.
 */
final class ScriptedProbe implements ProbeExecutor {
  static final String ID = "test.probe";

  static final Descriptor DESCRIPTOR =
      new Descriptor(
          Descriptor.Role.PROBE,
          ID,
          "Scripted probe",
          "Answers from a script.",
          "Test",
          "test",
          TargetUse.NONE,
          java.util.Set.of(),
          List.of(
              Param.optional("results", ParamType.STRING).defaultValue("pass").docs("Script."),
              Param.optional("hang", ParamType.BOOLEAN).defaultValue(false).docs("Block."),
              Param.optional("badSetup", ParamType.BOOLEAN).defaultValue(false).docs("Fail.")));

  private final ExecutionLog log;

  ScriptedProbe(ExecutionLog log) {
    this.log = log;
  }

  @Override
  public String probeId() {
    return ID;
  }

  @Override
  public PreparedProbe prepare(ProbeRequest request, ProbeContext context) throws ProbeException {
    if (request.params().bool("badSetup")) {
      throw new ProbeException("jq: syntax error at 1:3 (fake)");
    }
    List<String> script = List.of(request.params().string("results").split(","));
    boolean hang = request.params().bool("hang");
    var calls = new AtomicInteger();
    return () -> {
      int call = calls.getAndIncrement();
      log.add("sample " + request.id());
      if (hang) {
        Thread.sleep(Duration.ofHours(1));
      }
      boolean pass = script.get(Math.min(call, script.size() - 1)).trim().equals("pass");
      return new ProbeSample(pass, call, Duration.ofMillis(1), pass ? "ok" : "down");
    };
  }
}
