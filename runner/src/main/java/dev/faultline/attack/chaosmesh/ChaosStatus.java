package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.FaultStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads a fault's state from its Chaos Mesh resource: {@code status.conditions} ({@code Selected},
 * {@code AllInjected}, {@code AllRecovered}, {@code Paused}), {@code
 * status.experiment.desiredPhase} and the per-pod {@code containerRecords} ({@code Injected},
 * {@code Not Injected}, {@code Recovered}, with the events that say why an injection failed).
 */
final class ChaosStatus {
  private ChaosStatus() {}

  static FaultStatus of(JsonNode resource) {
    if (resource.path("metadata").has("deletionTimestamp")) {
      return FaultStatus.active("being deleted; Chaos Mesh is recovering the pods");
    }
    JsonNode status = resource.path("status");
    Map<String, String> conditions = new HashMap<>();
    status
        .path("conditions")
        .forEach(c -> conditions.put(c.path("type").asString(""), c.path("status").asString("")));
    JsonNode experiment = status.path("experiment");
    JsonNode records = experiment.path("containerRecords");
    if (conditions.isEmpty() && records.isEmpty()) {
      return new FaultStatus(
          FaultStatus.State.UNKNOWN, "created; Chaos Mesh has not reported on it yet");
    }
    if ("True".equals(conditions.get("Paused"))) {
      return new FaultStatus(FaultStatus.State.RECOVERED, "paused in Chaos Mesh");
    }
    if ("False".equals(conditions.get("Selected"))) {
      return FaultStatus.gone("Chaos Mesh found none of its pods (they are gone)");
    }
    if ("Stop".equals(experiment.path("desiredPhase").asString(""))
        && "True".equals(conditions.get("AllRecovered"))) {
      return new FaultStatus(
          FaultStatus.State.RECOVERED, "Chaos Mesh ended it (its duration is over)");
    }
    int total = records.size();
    int injected = 0;
    List<String> notInjected = new ArrayList<>();
    String failure = "";
    for (JsonNode record : records) {
      String phase = record.path("phase").asString("");
      if (phase.equals("Injected")) {
        injected++;
      } else {
        notInjected.add(record.path("id").asString("?"));
      }
      for (JsonNode event : record.path("events")) {
        if (event.path("type").asString("").equals("Failed") && failure.isEmpty()) {
          failure = event.path("message").asString("");
        }
      }
    }
    String why = failure.isEmpty() ? "" : " (" + failure + ")";
    if (injected > 0) {
      return FaultStatus.active(
          "injected into "
              + injected
              + " of "
              + total
              + (total == 1 ? " pod" : " pods")
              + (notInjected.isEmpty() ? "" : "; not injected: " + String.join(", ", notInjected))
              + why);
    }
    return new FaultStatus(
        FaultStatus.State.UNKNOWN,
        "Chaos Mesh has not injected it yet"
            + (total == 0 ? "" : " into " + String.join(", ", notInjected))
            + why);
  }
}
