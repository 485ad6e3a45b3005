package dev.faultline.sandbox;

import dev.faultline.sandbox.api.StandardSubresources;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Log lines of simulated containers: start-up, then regular request summaries. */
final class DemoLogs implements StandardSubresources.PodLogs {
  @Override
  public String lines(JsonNode pod, String container, Map<String, String> query) {
    String name = pod.path("metadata").path("name").asString();
    String started =
        pod.path("status")
            .path("startTime")
            .asString(pod.path("metadata").path("creationTimestamp").asString());
    int restarts = 0;
    for (JsonNode cs : pod.path("status").path("containerStatuses")) {
      if (cs.path("name").asString().equals(container)) restarts = cs.path("restartCount").asInt();
    }
    var text = new StringBuilder();
    text.append(started)
        .append(" INFO  ")
        .append(container)
        .append(" starting in pod ")
        .append(name)
        .append('\n');
    if (restarts > 0) {
      text.append(started)
          .append(" WARN  ")
          .append(container)
          .append(" restarted ")
          .append(restarts)
          .append(" time(s)\n");
    }
    text.append(started).append(" INFO  listening on :8080\n");
    text.append(started).append(" INFO  ready\n");
    int tail = parse(query.get("tailLines"), Integer.MAX_VALUE);
    String[] lines = text.toString().split("\n");
    int from = Math.max(0, lines.length - tail);
    return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length)) + "\n";
  }

  private static int parse(String text, int fallback) {
    try {
      return text == null ? fallback : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
