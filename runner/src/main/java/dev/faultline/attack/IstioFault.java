package dev.faultline.attack;

import dev.faultline.catalog.ParamValues;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code fault} block a {@code mesh.istio.fault} step puts into HTTP routes: a delay ({@code
 * fixedDelay} for {@code delayPercent} of requests, 100 by default), an abort ({@code abortStatus}
 * for {@code abortPercent} of requests), or both, in Istio's {@code HTTPFaultInjection} form.
 *
 * @param delay added delay; {@code null} for no delay
 * @param delayPercent share of requests delayed
 * @param abortPercent share of requests aborted; {@code null} for no abort
 * @param abortStatus HTTP status of aborted requests
 */
record IstioFault(Duration delay, double delayPercent, Double abortPercent, int abortStatus) {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration SHORTEST_DELAY = Duration.ofMillis(1);

  /** The fault a step's parameters describe; the message names the parameter that is wrong. */
  static IstioFault of(ParamValues params) throws AttackException {
    Optional<Duration> delay = params.optionalDuration("fixedDelay");
    Optional<Double> delayPercent = params.optionalDouble("delayPercent");
    Optional<Double> abortPercent = params.optionalDouble("abortPercent");
    if (delay.isEmpty() && delayPercent.isPresent()) {
      throw new AttackException(
          "mesh.istio.fault: delayPercent needs fixedDelay, the delay to add");
    }
    if (delay.isEmpty() && abortPercent.isEmpty()) {
      throw new AttackException(
          "mesh.istio.fault needs a delay (fixedDelay, optionally delayPercent), an abort"
              + " (abortPercent, optionally abortStatus) or both");
    }
    if (delay.isPresent() && delay.get().compareTo(SHORTEST_DELAY) < 0) {
      throw new AttackException(
          "mesh.istio.fault: fixedDelay must be at least 1ms (Istio's limit), not "
              + delay.get().toMillis()
              + "ms");
    }
    return new IstioFault(
        delay.orElse(null),
        delayPercent.orElse(100.0),
        abortPercent.orElse(null),
        Math.toIntExact(params.optionalLong("abortStatus").orElse(503L)));
  }

  /** Istio's form: {@code {delay: {fixedDelay, percentage: {value}}, abort: {httpStatus, ...}}}. */
  ObjectNode toJson() {
    ObjectNode fault = JSON.createObjectNode();
    if (delay != null) {
      ObjectNode d = fault.putObject("delay");
      d.put("fixedDelay", goDuration(delay));
      d.putObject("percentage").put("value", delayPercent);
    }
    if (abortPercent != null) {
      ObjectNode a = fault.putObject("abort");
      a.put("httpStatus", abortStatus);
      a.putObject("percentage").put("value", abortPercent);
    }
    return fault;
  }

  /** {@code delay 2s for 50% and abort with 503 for 10% of requests}, for fault actions. */
  String describe() {
    StringBuilder text = new StringBuilder();
    if (delay != null) {
      text.append("delay ").append(goDuration(delay)).append(" for ").append(percent(delayPercent));
    }
    if (abortPercent != null) {
      text.append(text.isEmpty() ? "" : " and ")
          .append("abort with ")
          .append(abortStatus)
          .append(" for ")
          .append(percent(abortPercent));
    }
    return text.append(" of requests").toString();
  }

  /** Whole seconds as {@code 2s}, anything else in milliseconds: both forms Istio documents. */
  static String goDuration(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  private static String percent(double value) {
    return value == Math.rint(value)
        ? (long) value + "%"
        : String.format(Locale.ROOT, "%s%%", value);
  }
}
