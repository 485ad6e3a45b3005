package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.AttackRequest;
import dev.faultline.catalog.ParamValues;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code chaosmesh.time} → TimeChaos: a signed Go duration {@code timeOffset} and the clocks. */
final class TimeChaosSpec implements ChaosSpec {
  private static final String ID = "chaosmesh.time";

  /** The clocks TimeChaos can shift. */
  static final Set<String> CLOCKS =
      Set.of(
          "CLOCK_REALTIME",
          "CLOCK_MONOTONIC",
          "CLOCK_PROCESS_CPUTIME_ID",
          "CLOCK_THREAD_CPUTIME_ID",
          "CLOCK_MONOTONIC_RAW",
          "CLOCK_REALTIME_COARSE",
          "CLOCK_MONOTONIC_COARSE",
          "CLOCK_BOOTTIME",
          "CLOCK_REALTIME_ALARM",
          "CLOCK_BOOTTIME_ALARM");

  @Override
  public void write(AttackRequest request, String namespace, ObjectNode spec)
      throws ChaosParamException {
    ParamValues params = request.params();
    String offset = params.optionalString("timeOffset").map(String::strip).orElse("");
    if (!ChaosValues.SIGNED_GO_DURATION.matcher(offset).matches()) {
      throw new ChaosParamException(
          ID,
          "'timeOffset' is '"
              + offset
              + "'; write a signed duration such as -10m, 2h or 1h30m (units ns, us, ms, s, m, h)");
    }
    spec.put("timeOffset", offset);
    List<String> clocks = params.stringList("clockIds");
    if (!clocks.isEmpty()) {
      ArrayNode list = spec.putArray("clockIds");
      for (String clock : clocks) {
        if (!CLOCKS.contains(clock)) {
          throw new ChaosParamException(
              ID,
              "'clockIds' has '"
                  + clock
                  + "'; use some of "
                  + String.join(", ", CLOCKS.stream().sorted().toList()));
        }
        list.add(clock);
      }
    }
  }

  @Override
  public String summary(AttackRequest request) {
    ParamValues params = request.params();
    String offset = params.optionalString("timeOffset").orElse("?");
    return "shift the clock by " + (offset.startsWith("-") ? offset : "+" + offset);
  }
}
