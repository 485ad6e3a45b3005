package dev.faultline.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * The result of one probe call.
 *
 * @param passed whether the check held
 * @param value the number charts plot (latency in ms for HTTP, ready replicas for k8s.state, the
 *     query result for Prometheus); {@code NaN} when there is none
 * @param latency how long the call took
 * @param message what was seen, for people: {@code 200 in 12 ms, jq: true} or {@code connection
 *     refused}
 */
public record ProbeSample(boolean passed, double value, Duration latency, String message) {
  public ProbeSample {
    Objects.requireNonNull(latency, "latency");
    message = message == null ? "" : message;
  }

  public static ProbeSample pass(double value, Duration latency, String message) {
    return new ProbeSample(true, value, latency, message);
  }

  public static ProbeSample fail(double value, Duration latency, String message) {
    return new ProbeSample(false, value, latency, message);
  }
}
