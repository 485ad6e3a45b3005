package dev.faultline.notify;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shapes a {@link NotifyMessage} takes on the wire: Faultline's generic JSON (schema {@value
 * #SCHEMA}, stable: fields are only ever added), Slack incoming-webhook JSON, and one text line.
 */
public final class Payloads {
  /** The generic schema's id, sent as {@code schema} so receivers can tell versions apart. */
  public static final String SCHEMA = "faultline.dev/notification/v1";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Payloads() {}

  /** {@code {"schema", "event", "runId", "experiment", "context", "at", "summary", "details"}}. */
  public static String generic(NotifyMessage message) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("event", message.event().keyword());
    root.put("runId", message.runId());
    root.put("experiment", message.experiment());
    root.put("context", message.context());
    root.put("at", message.at().toString());
    root.put("summary", summary(message));
    root.set("details", JSON.valueToTree(message.details()));
    return JSON.writeValueAsString(root);
  }

  /** Slack's {@code text} (the notification preview) plus a section and a context block. */
  public static String slack(NotifyMessage message) {
    ObjectNode root = JSON.createObjectNode();
    root.put("text", icon(message) + " " + summary(message));
    ArrayNode blocks = root.putArray("blocks");
    ObjectNode section = blocks.addObject();
    section.put("type", "section");
    ObjectNode text = section.putObject("text");
    text.put("type", "mrkdwn");
    text.put("text", icon(message) + " *" + escape(summary(message)) + "*" + fields(message));
    ObjectNode context = blocks.addObject();
    context.put("type", "context");
    ObjectNode line = context.putArray("elements").addObject();
    line.put("type", "mrkdwn");
    line.put(
        "text",
        "experiment `"
            + escape(message.experiment())
            + "` · context `"
            + escape(message.context())
            + "` · run `"
            + escape(message.runId())
            + "` · event `"
            + message.event().keyword()
            + "`");
    return JSON.writeValueAsString(root);
  }

  /** {@code at event run=… experiment=… context=… key=value…}, one line. */
  public static String text(NotifyMessage message) {
    var line = new StringBuilder();
    line.append(message.at())
        .append(' ')
        .append(message.event().keyword())
        .append(" run=")
        .append(message.runId())
        .append(" experiment=")
        .append(message.experiment())
        .append(" context=")
        .append(message.context());
    message
        .details()
        .forEach((key, value) -> line.append(' ').append(key).append('=').append(quoted(value)));
    return line.toString();
  }

  /** One sentence for people: the Slack text and the generic {@code summary}. */
  public static String summary(NotifyMessage message) {
    String name = message.experiment();
    return switch (message.event()) {
      case START ->
          "Run of "
              + name
              + " started on "
              + message.context()
              + (Boolean.TRUE.equals(message.details().get("dryRun")) ? " (dry run)" : "");
      case GATE ->
          "Run of "
              + name
              + " waits at gate '"
              + message.detail("step")
              + "': "
              + message.detail("question");
      case HALT -> "Run of " + name + " halted: " + message.detail("reason");
      case FINISH ->
          "Run of "
              + name
              + " "
              + message.detail("verdict")
              + " after "
              + seconds(message.details().get("durationSeconds"))
              + ": "
              + message.detail("reason");
    };
  }

  private static String fields(NotifyMessage message) {
    return switch (message.event()) {
      case FINISH -> {
        Object left = message.details().get("faultsLeftOpen");
        yield left instanceof Number n && n.intValue() > 0
            ? "\n:warning: " + n + " fault(s) left open: run `faultline cleanup`"
            : "";
      }
      case START -> {
        Object steps = message.details().get("steps");
        yield steps instanceof List<?> list && !list.isEmpty()
            ? "\nsteps: " + escape(String.join(", ", list.stream().map(String::valueOf).toList()))
            : "";
      }
      default -> "";
    };
  }

  private static String icon(NotifyMessage message) {
    return switch (message.event()) {
      case START -> ":arrow_forward:";
      case GATE -> ":raising_hand:";
      case HALT -> ":octagonal_sign:";
      case FINISH ->
          switch (message.detail("verdict")) {
            case "passed" -> ":white_check_mark:";
            case "failed" -> ":x:";
            default -> ":warning:";
          };
    };
  }

  private static String seconds(Object value) {
    return value instanceof Number n
        ? String.format(java.util.Locale.ROOT, "%.1fs", n.doubleValue())
        : "?";
  }

  /** Slack's three control characters; everything else is shown as sent. */
  private static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String quoted(Object value) {
    String text =
        value instanceof List<?> list
            ? String.join(",", list.stream().map(String::valueOf).toList())
            : String.valueOf(value);
    return text.isEmpty() || text.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '=')
        ? JSON.writeValueAsString(text)
        : text;
  }
}
