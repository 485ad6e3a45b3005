package dev.faultline.notify;

import dev.faultline.model.Notification;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One notification, independent of where it goes.
 *
 * @param event what happened
 * @param at wall-clock time the engine saw it
 * @param details event-specific fields in a stable order (plain data: String, Number, Boolean,
 *     List); docs/notifications.md lists them per event
 */
public record NotifyMessage(
    Notification.Event event,
    String runId,
    String experiment,
    String context,
    Instant at,
    Map<String, Object> details) {
  public NotifyMessage {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(at, "at");
    details =
        details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** A detail as text, or empty. */
  public String detail(String key) {
    Object value = details.get(key);
    return value == null ? "" : String.valueOf(value);
  }
}
