package dev.faultline.report;

import dev.faultline.attack.Fault;
import dev.faultline.attack.ObjectRef;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.Verdict;
import dev.faultline.format.AtomicFiles;
import dev.faultline.model.Experiment;
import dev.faultline.probe.ProbeSample;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON journal of a run: every event, in order, as one object with a {@code type} field (the
 * event's name, e.g. {@code StepFailed}), {@code ms} (milliseconds since the run started, from the
 * monotonic clock) and the event's fields:
 *
 * <pre>{@code
 * {"format":"faultline.dev/run-journal/v1","runId":"r-1","experiment":"checkout",
 *  "startedAt":"2025-05-01T10:00:00Z","verdict":"failed",
 *  "events":[{"type":"RunStarted","ms":0.0,"runId":"r-1",...},
 *            {"type":"ProbeSampled","ms":812.5,"probeId":"health",
 *             "sample":{"passed":false,"value":null,"latencyMs":3.1,"message":"503"}}, ...]}
 * }</pre>
 *
 * <p>{@code context} is the run's own kubeconfig context; {@code contexts} lists every context the
 * run used, its own first (more than one for a multi-cluster experiment, whose faults and resolved
 * targets each carry their {@code context}).
 *
 * <p>{@code nanos} is kept next to {@code ms} so {@link #read} gives back the events exactly. A
 * value of {@code NaN} is written as {@code null}.
 */
public final class JsonJournalReport {
  /** The {@code format} field. */
  public static final String FORMAT = "faultline.dev/run-journal/v1";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, Class<?>> TYPES = new LinkedHashMap<>();

  static {
    for (Class<?> type : RunEvent.class.getPermittedSubclasses()) {
      TYPES.put(type.getSimpleName(), type);
    }
  }

  private JsonJournalReport() {}

  /** The journal as pretty-printed JSON. */
  public static String render(List<RunEvent> events, Experiment experiment) {
    RunDigest digest = new RunDigest(events, experiment);
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("runId", digest.runId);
    root.put("experiment", digest.experimentName());
    root.put("context", digest.context);
    ArrayNode contexts = root.putArray("contexts");
    digest.contexts.forEach(contexts::add);
    if (digest.wallClock != null) {
      root.put("startedAt", digest.wallClock.toString());
    }
    if (digest.verdict != null) {
      root.put("verdict", digest.verdict.word());
    }
    ArrayNode list = root.putArray("events");
    for (RunEvent event : events) {
      list.add(toNode(event));
    }
    return root.toPrettyString() + "\n";
  }

  /** Writes the journal atomically. */
  public static void write(Path file, List<RunEvent> events, Experiment experiment)
      throws IOException {
    AtomicFiles.write(file, render(events, experiment));
  }

  /** One event as JSON. */
  public static ObjectNode toNode(RunEvent event) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", event.getClass().getSimpleName());
    node.put("ms", event.nanos() / 1e6);
    for (RecordComponent component : event.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(event);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      node.set(component.getName(), value(value));
    }
    return node;
  }

  private static JsonNode value(Object value) {
    return switch (value) {
      case null -> JSON.nullNode();
      case String s -> JSON.getNodeFactory().stringNode(s);
      case Boolean b -> JSON.getNodeFactory().booleanNode(b);
      case Integer i -> JSON.getNodeFactory().numberNode(i);
      case Long l -> JSON.getNodeFactory().numberNode(l);
      case Double d -> number(d);
      case Instant t -> JSON.getNodeFactory().stringNode(t.toString());
      case Duration d -> JSON.getNodeFactory().stringNode(d.toString());
      case Verdict v -> JSON.getNodeFactory().stringNode(v.word());
      case List<?> list -> {
        ArrayNode array = JSON.createArrayNode();
        list.forEach(item -> array.add(value(item)));
        yield array;
      }
      case Fault f -> fault(f);
      case ProbeSample s -> {
        ObjectNode node = JSON.createObjectNode();
        node.put("passed", s.passed());
        node.set("value", number(s.value()));
        node.put("latencyMs", s.latency().toNanos() / 1e6);
        node.put("latencyNanos", s.latency().toNanos());
        node.put("message", s.message());
        yield node;
      }
      default -> JSON.getNodeFactory().stringNode(String.valueOf(value));
    };
  }

  private static JsonNode number(double d) {
    return Double.isFinite(d) ? JSON.getNodeFactory().numberNode(d) : JSON.nullNode();
  }

  private static ObjectNode fault(Fault f) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", f.id());
    node.put("runId", f.runId());
    node.put("stepId", f.stepId());
    node.put("attackId", f.attackId());
    node.put("context", f.context());
    ObjectNode object = node.putObject("object");
    object.put("apiVersion", f.object().apiVersion());
    object.put("kind", f.object().kind());
    object.put("namespace", f.object().namespace());
    object.put("name", f.object().name());
    object.put("container", f.object().container());
    node.put("action", f.action());
    node.put("reversible", f.reversible());
    ObjectNode data = node.putObject("data");
    new java.util.TreeMap<>(f.data()).forEach(data::put);
    return node;
  }

  /**
   * Reads the events back from a journal written by {@link #render}.
   *
   * @throws IllegalArgumentException when the text is not a run journal
   */
  public static List<RunEvent> read(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not a run journal: " + e.getOriginalMessage(), e);
    }
    if (!FORMAT.equals(root.path("format").asString(""))) {
      throw new IllegalArgumentException("not a run journal: format is not " + FORMAT);
    }
    List<RunEvent> events = new ArrayList<>();
    for (JsonNode node : root.path("events")) {
      events.add(event(node));
    }
    return events;
  }

  private static RunEvent event(JsonNode node) {
    String type = node.path("type").asString("");
    Class<?> cls = TYPES.get(type);
    if (cls == null) {
      throw new IllegalArgumentException("unknown event type '" + type + "'");
    }
    RecordComponent[] components = cls.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = read(node.get(components[i].getName()), components[i].getGenericType());
    }
    try {
      Constructor<?> constructor = cls.getDeclaredConstructor(types);
      return (RunEvent) constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(type + ": " + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object read(JsonNode node, Type type) {
    Class<?> raw =
        type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (node == null || node.isNull()) {
      if (raw == double.class) {
        return Double.NaN;
      }
      if (raw == long.class) {
        return 0L;
      }
      if (raw == int.class) {
        return 0;
      }
      if (raw == boolean.class) {
        return false;
      }
      return raw == List.class ? List.of() : null;
    }
    if (raw == String.class) {
      return node.asString();
    }
    if (raw == long.class || raw == Long.class) {
      return node.asLong();
    }
    if (raw == int.class || raw == Integer.class) {
      return node.asInt();
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return node.asBoolean();
    }
    if (raw == double.class || raw == Double.class) {
      return node.asDouble();
    }
    if (raw == Instant.class) {
      return Instant.parse(node.asString());
    }
    if (raw == Duration.class) {
      return Duration.parse(node.asString());
    }
    if (raw == Verdict.class) {
      return Verdict.valueOf(node.asString().toUpperCase(Locale.ROOT));
    }
    if (raw == List.class) {
      Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>();
      node.forEach(element -> list.add(read(element, item)));
      return list;
    }
    if (raw == Fault.class) {
      JsonNode o = node.path("object");
      Map<String, String> data = new LinkedHashMap<>();
      node.path("data").properties().forEach(e -> data.put(e.getKey(), e.getValue().asString()));
      return new Fault(
          node.path("id").asString(),
          node.path("runId").asString(),
          node.path("stepId").asString(),
          node.path("attackId").asString(),
          node.path("context").asString(""),
          new ObjectRef(
              o.path("apiVersion").asString(""),
              o.path("kind").asString(),
              o.path("namespace").asString(""),
              o.path("name").asString(),
              o.path("container").asString("")),
          node.path("action").asString(""),
          node.path("reversible").asBoolean(true),
          data);
    }
    if (raw == ProbeSample.class) {
      JsonNode value = node.get("value");
      return new ProbeSample(
          node.path("passed").asBoolean(),
          value == null || value.isNull() ? Double.NaN : value.asDouble(),
          Duration.ofNanos(node.path("latencyNanos").asLong()),
          node.path("message").asString(""));
    }
    throw new IllegalArgumentException("cannot read a " + raw.getSimpleName());
  }
}
