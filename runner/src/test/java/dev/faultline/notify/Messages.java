package dev.faultline.notify;

import dev.faultline.model.Notification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

/** Sample messages as the engine builds them. */
final class Messages {
  static final Instant AT = Instant.parse("2026-12-03T12:00:00Z");

  private Messages() {}

  static NotifyMessage finish(String verdict, String reason) {
    var details = new LinkedHashMap<String, Object>();
    details.put("verdict", verdict);
    details.put("reason", reason);
    details.put("durationSeconds", 12.345);
    details.put("faultsLeftOpen", 0);
    return new NotifyMessage(
        Notification.Event.FINISH, "checkout-1", "checkout-freeze", "kind-shop", AT, details);
  }

  static NotifyMessage start() {
    var details = new LinkedHashMap<String, Object>();
    details.put("dryRun", false);
    details.put("steps", List.of("freeze", "kill"));
    return new NotifyMessage(
        Notification.Event.START, "checkout-1", "checkout-freeze", "kind-shop", AT, details);
  }
}
