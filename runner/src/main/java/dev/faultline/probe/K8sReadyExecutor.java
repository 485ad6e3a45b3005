package dev.faultline.probe;

import static dev.faultline.probe.HttpCheckExecutor.span;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.ParamValues;
import dev.faultline.model.Params;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code k8s.ready}, "Wait until ready": a gate that holds the steps after it until the target's
 * objects are ready, for instance before a load starts. Readiness is {@code k8s.state}'s ({@code
 * allReady}, or {@code minReadyPercent} when given), read every {@value #POLL_MILLIS} ms.
 *
 * <p>As a step (without {@code until}) it waits up to {@code timeout} and passes as soon as the
 * target is ready, reporting each change of what it sees; it fails when {@code timeout} passes
 * first. In {@code spec.probes} and {@code until} steps it checks once per sample, like {@code
 * k8s.state}. The same wait can be written as a {@code k8s.state} step with {@code until: passing};
 * this entry exists so the palette offers it as one block that reads as a gate.
 */
public final class K8sReadyExecutor implements ProbeExecutor {
  static final String ID = "k8s.ready";
  static final long POLL_MILLIS = 500;

  @Override
  public String probeId() {
    return ID;
  }

  @Override
  public PreparedProbe prepare(ProbeRequest request, ProbeContext context) throws ProbeException {
    ParamValues params = request.params();
    Duration timeout;
    Map<String, Object> condition = new LinkedHashMap<>();
    try {
      timeout = params.duration("timeout");
      params
          .optionalLong("minReadyPercent")
          .ifPresentOrElse(
              percent -> {
                condition.put("condition", "minReadyPercent");
                condition.put("minReadyPercent", percent);
              },
              () -> condition.put("condition", "allReady"));
    } catch (IllegalArgumentException e) {
      throw new ProbeException(request.id() + ": " + e.getMessage(), e);
    }
    if (!timeout.isPositive()) {
      throw new ProbeException(request.id() + ": timeout must be more than 0");
    }
    var stateParams =
        ParamValues.of(
            Catalog.builtIn().find(K8sStateExecutor.ID).orElseThrow(), Params.of(condition));
    PreparedProbe state =
        new K8sStateExecutor()
            .prepare(
                new ProbeRequest(
                    request.id(),
                    stateParams,
                    request.targetName(),
                    request.target(),
                    request.namespaces()),
                context);
    return new Prepared(state, timeout);
  }

  private record Prepared(PreparedProbe state, Duration timeout) implements LastingProbe {
    @Override
    public ProbeSample run(Consumer<ProbeSample> progress) throws InterruptedException {
      long start = System.nanoTime();
      long deadline = start + timeout.toNanos();
      String lastMessage = null;
      ProbeSample seen;
      while (true) {
        seen = state.sample();
        long elapsed = System.nanoTime() - start;
        if (seen.passed()) {
          progress.accept(seen);
          return ProbeSample.pass(
              seen.value(),
              Duration.ofNanos(elapsed),
              "ready after " + seconds(elapsed) + ": " + seen.message());
        }
        if (!seen.message().equals(lastMessage)) {
          progress.accept(seen); // only changes: a long wait is not a flood of identical samples
          lastMessage = seen.message();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        Thread.sleep(Duration.ofNanos(Math.min(left, Duration.ofMillis(POLL_MILLIS).toNanos())));
      }
      return ProbeSample.fail(
          seen.value(),
          Duration.ofNanos(System.nanoTime() - start),
          "not ready after " + span(timeout) + ": " + seen.message());
    }

    @Override
    public ProbeSample check() throws InterruptedException {
      return state.sample();
    }

    @Override
    public ProbeSample sample() throws InterruptedException {
      return state.sample();
    }

    @Override
    public void close() {
      state.close();
    }

    private static String seconds(long nanos) {
      return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
  }
}
