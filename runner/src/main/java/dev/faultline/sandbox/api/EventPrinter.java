package dev.faultline.sandbox.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get events}. The apiserver prints both event APIs from one internal type, so an
 * {@code events.k8s.io} event is read through its own field names ({@code regarding}, {@code note},
 * {@code deprecatedCount}, ...) into the same columns.
 */
final class EventPrinter implements Printer {
  private static final List<Column> COLUMNS =
      List.of(
          Column.string(
              "Last Seen",
              "The time at which the most recent occurrence of this event" + " was recorded."),
          Column.string(
              "Type",
              "Type of this event (Normal, Warning), new types could be added in" + " the future"),
          Column.string(
              "Reason",
              "This should be a short, machine understandable string that"
                  + " gives the reason for the transition into the object's current status."),
          Column.string("Object", "The object that this event is about."),
          Column.string(
                  "Subobject",
                  "If referring to a piece of an object instead of an entire"
                      + " object, this string should contain a valid JSON/Go field access statement.")
              .wide(),
          Column.string("Source", "The component reporting this event.").wide(),
          Column.string(
              "Message", "A human-readable description of the status of this" + " operation."),
          Column.string("First Seen", "The time at which the event was first recorded.").wide(),
          Column.string("Count", "The number of times this event has occurred.").wide(),
          new Column("Name", "string", "name", Column.NAME_DOC, 1));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public void print(JsonNode event, Instant now, Row row) {
    boolean eventsApi = "events.k8s.io".equals(BuiltInGroups.groupOf(event));
    JsonNode regarding = event.path(eventsApi ? "regarding" : "involvedObject");
    JsonNode source = event.path(eventsApi ? "deprecatedSource" : "source");
    Instant firstTime =
        Json.time(event.path(eventsApi ? "deprecatedFirstTimestamp" : "firstTimestamp"));
    Instant lastTime =
        Json.time(event.path(eventsApi ? "deprecatedLastTimestamp" : "lastTimestamp"));
    long count = Json.integer(event.path(eventsApi ? "deprecatedCount" : "count"));
    String reportingController =
        Json.text(event.path(eventsApi ? "reportingController" : "reportingComponent"));
    String message = Json.text(event.path(eventsApi ? "note" : "message"));

    String firstSeen =
        firstTime != null
            ? HumanDuration.since(firstTime, now)
            : HumanDuration.since(Json.time(event.path("eventTime")), now);
    String lastSeen = lastTime != null ? HumanDuration.since(lastTime, now) : firstSeen;
    JsonNode series = event.path("series");
    if (series.isObject()) {
      lastSeen = HumanDuration.since(Json.time(series.path("lastObservedTime")), now);
      count = Json.integer(series.path("count"));
    } else if (count == 0) {
      count = 1; // singleton events of the new API carry no count
    }

    String kind = Json.text(regarding.path("kind")).toLowerCase(Locale.ROOT);
    String name = Json.text(regarding.path("name"));
    row.add(lastSeen)
        .add(Json.text(event.path("type")))
        .add(Json.text(event.path("reason")))
        .add(name.isEmpty() ? kind : kind + "/" + name)
        .add(Json.text(regarding.path("fieldPath")))
        .add(source(source, reportingController, Json.text(event.path("reportingInstance"))))
        .add(message.strip())
        .add(firstSeen)
        .add(count)
        .add(Printer.name(event));
  }

  /** {@code kubelet, node-1}: the component and host, falling back to the reporting fields. */
  private static String source(JsonNode source, String controller, String instance) {
    String component = Json.text(source.path("component"));
    String host = Json.text(source.path("host"));
    component = component.isEmpty() ? controller : component;
    host = host.isEmpty() ? instance : host;
    return host.isEmpty() ? component : component + ", " + host;
  }
}
