package dev.faultline.format;

import dev.faultline.model.AttackStep;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import dev.faultline.model.Layout;
import dev.faultline.model.Loop;
import dev.faultline.model.Metadata;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Notification;
import dev.faultline.model.OwnerKind;
import dev.faultline.model.OwnerSelector;
import dev.faultline.model.Params;
import dev.faultline.model.PodPhase;
import dev.faultline.model.Position;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Safety;
import dev.faultline.model.Schedule;
import dev.faultline.model.ScheduleConcurrency;
import dev.faultline.model.Spec;
import dev.faultline.model.Step;
import dev.faultline.model.StopWhen;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.model.Topology;
import dev.faultline.model.Until;
import dev.faultline.model.WaitStep;
import dev.faultline.validate.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Binds a parsed file tree of the current version to the model. The field names here and in {@link
 * ExperimentWriter} are the file format; {@code docs/format.md} describes them.
 */
final class ExperimentBinder {
  static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec", "layout");
  static final Set<String> METADATA_FIELDS = Set.of("name", "description", "labels");
  static final Set<String> SPEC_FIELDS =
      Set.of(
          "safety", "context", "targets", "steps", "probes", "loop", "schedule", "notifications");
  static final Set<String> LOOP_FIELDS = Set.of("times", "for", "pause", "continueOnFailure");
  static final Set<String> SCHEDULE_FIELDS =
      Set.of("cron", "timeZone", "concurrency", "historyLimit");
  static final Set<String> SAFETY_FIELDS = Set.of("namespaces", "maxDuration");
  static final Set<String> NAMESPACE_FIELDS = Set.of("allow", "deny");
  static final Set<String> TARGET_FIELDS =
      Set.of(
          "kind",
          "namespaces",
          "namespacePattern",
          "labelSelector",
          "annotationSelector",
          "fieldSelector",
          "phases",
          "nodeSelector",
          "owner",
          "podName",
          "containers",
          "blastRadius",
          "context");
  static final Set<String> OWNER_FIELDS = Set.of("kind", "name");
  static final Set<String> BLAST_RADIUS_FIELDS = Set.of("mode", "value", "seed", "topology");
  static final Set<String> TOPOLOGY_FIELDS = Set.of("key", "zones", "zone", "nodesPerZone");
  static final List<String> STEP_KINDS = List.of("attack", "probe", "wait", "gate");
  static final Set<String> ATTACK_FIELDS =
      Set.of("id", "after", "attack", "target", "with", "duration", "stopWhen");
  static final Set<String> STOP_WHEN_FIELDS = Set.of("probe", "failures");
  static final Set<String> PROBE_FIELDS =
      Set.of(
          "id",
          "after",
          "probe",
          "target",
          "with",
          "until",
          "timeout",
          "interval",
          "initialDelay",
          "retries",
          "context");
  static final Set<String> WAIT_FIELDS = Set.of("id", "after", "wait");
  static final Set<String> GATE_FIELDS = Set.of("id", "after", "gate", "timeout", "onTimeout");
  static final Set<String> CONTINUOUS_PROBE_FIELDS =
      Set.of(
          "id",
          "probe",
          "target",
          "with",
          "interval",
          "initialDelay",
          "haltAfter",
          "from",
          "to",
          "context");
  static final Set<String> POSITION_FIELDS = Set.of("x", "y");
  static final List<String> NOTIFICATION_KINDS = List.of("webhook", "logFile");
  static final Set<String> WEBHOOK_FIELDS = Set.of("url", "format", "headers", "events");
  static final Set<String> LOG_FILE_FIELDS = Set.of("path", "format", "events");

  private final List<Problem> problems;

  ExperimentBinder(List<Problem> problems) {
    this.problems = problems;
  }

  Experiment bind(DocMap root) {
    var doc = new Binding(root, "", "the experiment", problems);
    if (!root.has("metadata")) {
      doc.requiredString("metadata");
    }
    if (!root.has("spec")) {
      doc.requiredString("spec");
    }
    Metadata metadata = doc.object("metadata", "'metadata'", this::metadata);
    Spec spec = doc.object("spec", "'spec'", this::spec);
    Layout layout = doc.object("layout", "'layout'", this::layout);
    return new Experiment(
        metadata == null ? Metadata.named(null) : metadata,
        spec == null ? new Spec(null, null, null, null, null, null) : spec,
        layout,
        doc.extras(ROOT_FIELDS));
  }

  private Metadata metadata(Binding b) {
    return new Metadata(
        b.requiredString("name"),
        b.string("description"),
        b.stringMap("labels"),
        b.extras(METADATA_FIELDS));
  }

  private Spec spec(Binding b) {
    return new Spec(
        b.object("safety", "'safety'", this::safety),
        b.string("context"),
        b.namedMap("targets", "target", this::target),
        b.list("steps", "a step", this::step),
        b.list("probes", "a continuous probe", this::continuousProbe),
        b.extras(SPEC_FIELDS),
        b.object("loop", "'loop'", this::loop),
        b.object("schedule", "'schedule'", this::schedule),
        b.list("notifications", "a notification", this::notification));
  }

  private Loop loop(Binding b) {
    return new Loop(
        b.integer("times"),
        b.duration("for"),
        b.duration("pause"),
        b.bool("continueOnFailure"),
        b.extras(LOOP_FIELDS));
  }

  private Schedule schedule(Binding b) {
    return new Schedule(
        b.string("cron"),
        b.string("timeZone"),
        b.keyword("concurrency", ScheduleConcurrency.class),
        b.integer("historyLimit"),
        b.extras(SCHEDULE_FIELDS));
  }

  /** {@code {webhook: {...}}} or {@code {logFile: {...}}}: one sink per list item. */
  private Notification notification(Binding b, int index) {
    List<String> kinds = NOTIFICATION_KINDS.stream().filter(b::has).toList();
    if (kinds.size() != 1 || b.map().entries().size() != 1) {
      // Point at the field that does not belong: the first key, or the second of two kinds.
      var keys = b.map().entries().stream().map(DocMap.Entry::key).toList();
      String culprit =
          keys.isEmpty()
              ? "webhook"
              : keys.stream()
                  .filter(k -> !k.equals(kinds.isEmpty() ? null : kinds.getFirst()))
                  .findFirst()
                  .orElse(keys.getFirst());
      b.error(culprit, "a notification is one mapping with either 'webhook' or 'logFile'");
    }
    if (kinds.isEmpty()) {
      return null;
    }
    return kinds.getFirst().equals("webhook")
        ? b.object("webhook", "'webhook'", this::webhook)
        : b.object("logFile", "'logFile'", this::logFile);
  }

  private Notification.Webhook webhook(Binding b) {
    return new Notification.Webhook(
        b.requiredString("url"),
        b.keyword("format", Notification.WebhookFormat.class),
        b.stringMap("headers"),
        b.keywords("events", "event", Notification.Event.class),
        b.extras(WEBHOOK_FIELDS));
  }

  private Notification.LogFile logFile(Binding b) {
    String path = b.requiredString("path");
    return path == null
        ? null
        : new Notification.LogFile(
            path,
            b.keyword("format", Notification.LogFormat.class),
            b.keywords("events", "event", Notification.Event.class),
            b.extras(LOG_FILE_FIELDS));
  }

  private Safety safety(Binding b) {
    return new Safety(
        b.object("namespaces", "'namespaces'", this::namespaces),
        b.duration("maxDuration"),
        b.extras(SAFETY_FIELDS));
  }

  private NamespacePolicy namespaces(Binding b) {
    return new NamespacePolicy(b.strings("allow"), b.strings("deny"), b.extras(NAMESPACE_FIELDS));
  }

  private Target target(Binding b, String name) {
    return new Target(
        b.keyword("kind", TargetKind.class),
        b.strings("namespaces"),
        b.string("namespacePattern"),
        b.string("labelSelector"),
        b.string("annotationSelector"),
        b.string("fieldSelector"),
        b.keywords("phases", "phase", PodPhase.class),
        b.string("nodeSelector"),
        b.object("owner", "'owner'", this::owner),
        b.string("podName"),
        b.strings("containers"),
        b.object("blastRadius", "'blastRadius'", this::blastRadius),
        b.extras(TARGET_FIELDS),
        b.string("context"));
  }

  private OwnerSelector owner(Binding b) {
    OwnerKind kind = b.keyword("kind", OwnerKind.class);
    if (kind == null && !b.has("kind")) {
      b.requiredString("kind");
    }
    return new OwnerSelector(kind, b.string("name"), b.extras(OWNER_FIELDS));
  }

  private BlastRadius blastRadius(Binding b) {
    BlastRadius.Mode mode = b.keyword("mode", BlastRadius.Mode.class);
    if (mode == null && !b.has("mode")) {
      b.requiredString("mode");
    }
    Integer value = b.integer("value");
    Long seed = b.longInteger("seed");
    Topology topology = b.object("topology", "'topology'", this::topology);
    return mode == null
        ? null
        : new BlastRadius(mode, value, seed, b.extras(BLAST_RADIUS_FIELDS), topology);
  }

  private Topology topology(Binding b) {
    return new Topology(
        b.string("key"),
        b.integer("zones"),
        b.string("zone"),
        nodesPerZone(b),
        b.extras(TOPOLOGY_FIELDS));
  }

  /** A whole number, or {@code all} (every node of the zone, kept as {@code null}). */
  private static Integer nodesPerZone(Binding b) {
    boolean all =
        b.node("nodesPerZone")
            .filter(n -> n instanceof DocScalar s && Topology.ALL_NODES.equals(s.value()))
            .isPresent();
    return all ? null : b.integer("nodesPerZone");
  }

  private Step step(Binding b, int index) {
    List<String> kinds = STEP_KINDS.stream().filter(b::has).toList();
    if (kinds.size() != 1) {
      b.error(
          kinds.isEmpty() ? "id" : kinds.get(1),
          kinds.isEmpty()
              ? "a step needs one of 'attack', 'probe', 'wait' or 'gate'"
              : "a step is one kind, but this one has both '"
                  + kinds.get(0)
                  + "' and '"
                  + kinds.get(1)
                  + "'");
      if (kinds.isEmpty()) {
        return null;
      }
    }
    String id = b.requiredString("id");
    id = id == null ? "" : id;
    // A second kind key was reported above; keep it without also calling it unknown.
    Set<String> otherKinds = Set.copyOf(kinds.subList(1, kinds.size()));
    List<String> after = b.strings("after");
    return switch (kinds.getFirst()) {
      case "attack" ->
          new AttackStep(
              id,
              after,
              b.string("attack"),
              b.string("target"),
              params(b),
              b.duration("duration"),
              b.object("stopWhen", "'stopWhen'", this::stopWhen),
              b.extras(ATTACK_FIELDS, otherKinds));
      case "probe" ->
          new ProbeStep(
              id,
              after,
              b.string("probe"),
              b.string("target"),
              params(b),
              b.keyword("until", Until.class),
              b.duration("timeout"),
              b.duration("interval"),
              b.duration("initialDelay"),
              b.integer("retries"),
              b.extras(PROBE_FIELDS, otherKinds),
              b.string("context"));
      case "wait" -> new WaitStep(id, after, b.duration("wait"), b.extras(WAIT_FIELDS, otherKinds));
      default ->
          new GateStep(
              id,
              after,
              b.string("gate"),
              b.duration("timeout"),
              b.keyword("onTimeout", GateStep.OnTimeout.class),
              b.extras(GATE_FIELDS, otherKinds));
    };
  }

  private StopWhen stopWhen(Binding b) {
    return new StopWhen(
        b.requiredString("probe"), b.integer("failures"), b.extras(STOP_WHEN_FIELDS));
  }

  private ContinuousProbe continuousProbe(Binding b, int index) {
    String id = b.requiredString("id");
    return new ContinuousProbe(
        id == null ? "" : id,
        b.requiredString("probe"),
        b.string("target"),
        params(b),
        b.duration("interval"),
        b.duration("initialDelay"),
        b.integer("haltAfter"),
        b.string("from"),
        b.string("to"),
        b.extras(CONTINUOUS_PROBE_FIELDS),
        b.string("context"));
  }

  private static Params params(Binding b) {
    return Params.of(b.plainMap("with"));
  }

  private Layout layout(Binding b) {
    var positions = new LinkedHashMap<String, Position>();
    for (DocMap.Entry entry : b.map().entries()) {
      Binding.of(
              entry.value(), b.childPath(entry.key()), "layout of '" + entry.key() + "'", problems)
          .ifPresent(
              p -> {
                Double x = p.number("x");
                Double y = p.number("y");
                if (!p.has("x") || !p.has("y")) {
                  p.error("x", "a layout entry needs both 'x' and 'y'");
                }
                positions.put(
                    entry.key(),
                    new Position(x == null ? 0 : x, y == null ? 0 : y, p.extras(POSITION_FIELDS)));
              });
    }
    return new Layout(positions);
  }
}
