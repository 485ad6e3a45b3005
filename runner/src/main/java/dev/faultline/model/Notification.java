package dev.faultline.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a run reports its start, gates, halts and finish ({@code spec.notifications}): a webhook or
 * a log file. Delivery never changes a run's verdict.
 */
public sealed interface Notification {
  /** The events this sink receives; empty in the file means all of them. */
  List<Event> events();

  /** Whether this sink wants the event. */
  default boolean wants(Event event) {
    return events().isEmpty() || events().contains(event);
  }

  /**
   * An HTTP POST of JSON per event.
   *
   * @param url http or https URL; may hold {@code ${env:NAME}} placeholders
   * @param format {@code null} means {@link WebhookFormat#GENERIC}
   * @param headers extra request headers; values may hold {@code ${env:NAME}} placeholders, filled
   *     from the environment at send time and never written anywhere else
   */
  record Webhook(
      String url,
      WebhookFormat format,
      Map<String, String> headers,
      List<Event> events,
      Extras extras)
      implements Notification {
    public Webhook {
      headers =
          headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      events = events == null ? List.of() : List.copyOf(events);
      extras = extras == null ? Extras.NONE : extras;
    }

    public WebhookFormat effectiveFormat() {
      return format == null ? WebhookFormat.GENERIC : format;
    }
  }

  /**
   * Appends one line per event to a file, created with its parent directories.
   *
   * @param format {@code null} means {@link LogFormat#JSONL}
   */
  record LogFile(String path, LogFormat format, List<Event> events, Extras extras)
      implements Notification {
    public LogFile {
      Objects.requireNonNull(path, "path");
      events = events == null ? List.of() : List.copyOf(events);
      extras = extras == null ? Extras.NONE : extras;
    }

    public LogFormat effectiveFormat() {
      return format == null ? LogFormat.JSONL : format;
    }
  }

  /** The moments of a run that are notified. */
  enum Event implements Keyword {
    START("start"),
    GATE("gate"),
    HALT("halt"),
    FINISH("finish");

    private final String keyword;

    Event(String keyword) {
      this.keyword = keyword;
    }

    @Override
    public String keyword() {
      return keyword;
    }
  }

  /** The JSON a webhook receives. */
  enum WebhookFormat implements Keyword {
    /** Slack incoming-webhook JSON: {@code text} plus {@code blocks}. */
    SLACK("slack"),
    /** Faultline's own stable schema; docs/notifications.md describes it. */
    GENERIC("generic");

    private final String keyword;

    WebhookFormat(String keyword) {
      this.keyword = keyword;
    }

    @Override
    public String keyword() {
      return keyword;
    }
  }

  /** How a log file line looks. */
  enum LogFormat implements Keyword {
    /** One generic JSON object per line. */
    JSONL("jsonl"),
    /** One readable line per event. */
    TEXT("text");

    private final String keyword;

    LogFormat(String keyword) {
      this.keyword = keyword;
    }

    @Override
    public String keyword() {
      return keyword;
    }
  }
}
