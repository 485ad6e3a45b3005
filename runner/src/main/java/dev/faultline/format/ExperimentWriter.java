package dev.faultline.format;

import dev.faultline.model.AttackStep;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.Extras;
import dev.faultline.model.GateStep;
import dev.faultline.model.Keyword;
import dev.faultline.model.Layout;
import dev.faultline.model.Loop;
import dev.faultline.model.Metadata;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Notification;
import dev.faultline.model.OwnerSelector;
import dev.faultline.model.PodPhase;
import dev.faultline.model.Position;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Safety;
import dev.faultline.model.Schedule;
import dev.faultline.model.Spec;
import dev.faultline.model.Step;
import dev.faultline.model.StopWhen;
import dev.faultline.model.Target;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.Topology;
import dev.faultline.model.WaitStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the model into ordered plain data in the canonical field order. Optional fields that are
 * absent in the model are left out; unknown fields (extras) follow the known ones of their object,
 * in their original order.
 */
final class ExperimentWriter {
  private ExperimentWriter() {}

  static Map<String, Object> toPlain(Experiment experiment) {
    var root = new LinkedHashMap<String, Object>();
    root.put("apiVersion", Experiment.API_VERSION);
    root.put("kind", Experiment.KIND);
    root.put("metadata", metadata(experiment.metadata()));
    root.put("spec", spec(experiment.spec()));
    if (!experiment.layout().positions().isEmpty()) {
      root.put("layout", layout(experiment.layout()));
    }
    return withExtras(root, experiment.extras());
  }

  private static Map<String, Object> metadata(Metadata metadata) {
    var map = new LinkedHashMap<String, Object>();
    put(map, "name", metadata.name());
    put(map, "description", metadata.description());
    if (!metadata.labels().isEmpty()) {
      map.put("labels", new LinkedHashMap<String, Object>(metadata.labels()));
    }
    return withExtras(map, metadata.extras());
  }

  private static Map<String, Object> spec(Spec spec) {
    var map = new LinkedHashMap<String, Object>();
    if (spec.safety() != null) {
      map.put("safety", safety(spec.safety()));
    }
    put(map, "context", spec.context());
    if (spec.loop() != null) {
      map.put("loop", loop(spec.loop()));
    }
    if (spec.schedule() != null) {
      map.put("schedule", schedule(spec.schedule()));
    }
    if (!spec.targets().isEmpty()) {
      var targets = new LinkedHashMap<String, Object>();
      spec.targets().forEach((name, target) -> targets.put(name, target(target)));
      map.put("targets", targets);
    }
    map.put("steps", spec.steps().stream().map(ExperimentWriter::step).toList());
    if (!spec.probes().isEmpty()) {
      map.put("probes", spec.probes().stream().map(ExperimentWriter::continuousProbe).toList());
    }
    if (!spec.notifications().isEmpty()) {
      map.put(
          "notifications",
          spec.notifications().stream().map(ExperimentWriter::notification).toList());
    }
    return withExtras(map, spec.extras());
  }

  private static Map<String, Object> loop(Loop loop) {
    var map = new LinkedHashMap<String, Object>();
    put(map, "times", loop.times());
    put(map, "for", loop.duration());
    put(map, "pause", loop.pause());
    put(map, "continueOnFailure", loop.continueOnFailure());
    return withExtras(map, loop.extras());
  }

  private static Map<String, Object> schedule(Schedule schedule) {
    var map = new LinkedHashMap<String, Object>();
    put(map, "cron", schedule.cron());
    put(map, "timeZone", schedule.timeZone());
    put(map, "concurrency", schedule.concurrency());
    put(map, "historyLimit", schedule.historyLimit());
    return withExtras(map, schedule.extras());
  }

  private static Map<String, Object> safety(Safety safety) {
    var map = new LinkedHashMap<String, Object>();
    if (safety.namespaces() != null) {
      map.put("namespaces", namespaces(safety.namespaces()));
    }
    put(map, "maxDuration", safety.maxDuration());
    return withExtras(map, safety.extras());
  }

  private static Map<String, Object> namespaces(NamespacePolicy policy) {
    var map = new LinkedHashMap<String, Object>();
    putList(map, "allow", policy.allow());
    if (policy.deny() != null) {
      map.put("deny", policy.deny());
    }
    return withExtras(map, policy.extras());
  }

  private static Map<String, Object> target(Target target) {
    var map = new LinkedHashMap<String, Object>();
    put(map, "kind", target.kind());
    putList(map, "namespaces", target.namespaces());
    put(map, "namespacePattern", target.namespacePattern());
    put(map, "labelSelector", target.labelSelector());
    put(map, "annotationSelector", target.annotationSelector());
    put(map, "fieldSelector", target.fieldSelector());
    putList(map, "phases", target.phases().stream().map(PodPhase::keyword).toList());
    put(map, "nodeSelector", target.nodeSelector());
    if (target.owner() != null) {
      map.put("owner", owner(target.owner()));
    }
    put(map, "podName", target.podName());
    putList(map, "containers", target.containers());
    if (target.blastRadius() != null) {
      map.put("blastRadius", blastRadius(target.blastRadius()));
    }
    put(map, "context", target.context());
    return withExtras(map, target.extras());
  }

  private static Map<String, Object> owner(OwnerSelector owner) {
    var map = new LinkedHashMap<String, Object>();
    put(map, "kind", owner.kind());
    put(map, "name", owner.name());
    return new FlowStyle.FlowMap(withExtras(map, owner.extras()));
  }

  private static Map<String, Object> blastRadius(BlastRadius radius) {
    var map = new LinkedHashMap<String, Object>();
    put(map, "mode", radius.mode());
    if (radius.value() != null) {
      map.put("value", radius.value().longValue());
    }
    put(map, "seed", radius.seed());
    if (radius.topology() != null) {
      map.put("topology", topology(radius.topology()));
    }
    return new FlowStyle.FlowMap(withExtras(map, radius.extras()));
  }

  private static Map<String, Object> topology(Topology topology) {
    var map = new LinkedHashMap<String, Object>();
    put(map, "key", topology.key());
    if (topology.zones() != null) {
      map.put("zones", topology.zones().longValue());
    }
    put(map, "zone", topology.zone());
    map.put(
        "nodesPerZone",
        topology.nodesPerZone() == null
            ? Topology.ALL_NODES
            : (Object) topology.nodesPerZone().longValue());
    return new FlowStyle.FlowMap(withExtras(map, topology.extras()));
  }

  private static Map<String, Object> step(Step step) {
    var map = new LinkedHashMap<String, Object>();
    map.put("id", step.id());
    putList(map, "after", step.after());
    switch (step) {
      case AttackStep attack -> {
        put(map, "attack", attack.attack());
        put(map, "target", attack.target());
        putParams(map, attack.with().values());
        put(map, "duration", attack.duration());
        if (attack.stopWhen() != null) {
          map.put("stopWhen", stopWhen(attack.stopWhen()));
        }
      }
      case ProbeStep probe -> {
        put(map, "probe", probe.probe());
        put(map, "target", probe.target());
        put(map, "context", probe.context());
        put(map, "until", probe.until());
        put(map, "timeout", probe.timeout());
        put(map, "interval", probe.interval());
        put(map, "initialDelay", probe.initialDelay());
        if (probe.retries() != null) {
          map.put("retries", probe.retries().longValue());
        }
        putParams(map, probe.with().values());
      }
      case WaitStep wait -> put(map, "wait", wait.duration());
      case GateStep gate -> {
        put(map, "gate", gate.gate());
        put(map, "timeout", gate.timeout());
        put(map, "onTimeout", gate.onTimeout());
      }
    }
    return withExtras(map, step.extras());
  }

  private static Map<String, Object> stopWhen(StopWhen stopWhen) {
    var map = new LinkedHashMap<String, Object>();
    put(map, "probe", stopWhen.probe());
    if (stopWhen.failures() != null) {
      map.put("failures", stopWhen.failures().longValue());
    }
    return new FlowStyle.FlowMap(withExtras(map, stopWhen.extras()));
  }

  private static Map<String, Object> continuousProbe(ContinuousProbe probe) {
    var map = new LinkedHashMap<String, Object>();
    map.put("id", probe.id());
    put(map, "probe", probe.probe());
    put(map, "target", probe.target());
    put(map, "interval", probe.interval());
    put(map, "initialDelay", probe.initialDelay());
    if (probe.haltAfter() != null) {
      map.put("haltAfter", probe.haltAfter().longValue());
    }
    put(map, "from", probe.from());
    put(map, "to", probe.to());
    put(map, "context", probe.context());

    putParams(map, probe.with().values());
    return withExtras(map, probe.extras());
  }

  private static Map<String, Object> notification(Notification notification) {
    var map = new LinkedHashMap<String, Object>();
    switch (notification) {
      case Notification.Webhook hook -> {
        put(map, "url", hook.url());
        put(map, "format", hook.format());
        if (!hook.headers().isEmpty()) {
          map.put("headers", new LinkedHashMap<String, Object>(hook.headers()));
        }
        putList(map, "events", hook.events().stream().map(Keyword::keyword).toList());
        return Map.of("webhook", withExtras(map, hook.extras()));
      }
      case Notification.LogFile log -> {
        put(map, "path", log.path());
        put(map, "format", log.format());
        putList(map, "events", log.events().stream().map(Keyword::keyword).toList());
        return Map.of("logFile", withExtras(map, log.extras()));
      }
    }
  }

  private static Map<String, Object> layout(Layout layout) {
    var map = new LinkedHashMap<String, Object>();
    layout.positions().forEach((id, position) -> map.put(id, position(position)));
    return map;
  }

  private static Map<String, Object> position(Position position) {
    var map = new LinkedHashMap<String, Object>();
    map.put("x", coordinate(position.x()));
    map.put("y", coordinate(position.y()));
    return new FlowStyle.FlowMap(withExtras(map, position.extras()));
  }

  /** Whole-number coordinates are written without ".0"; others keep one decimal place. */
  private static Object coordinate(double value) {
    double rounded = Math.round(value * 10) / 10.0;
    return rounded == Math.rint(rounded) ? (Object) (long) rounded : (Object) rounded;
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    switch (value) {
      case null -> {}
      case TimeSpan span -> map.put(key, span.text());
      case Keyword word -> map.put(key, word.keyword());
      default -> map.put(key, value);
    }
  }

  private static void putList(Map<String, Object> map, String key, List<String> values) {
    if (!values.isEmpty()) {
      map.put(key, values);
    }
  }

  private static void putParams(Map<String, Object> map, Map<String, Object> params) {
    if (!params.isEmpty()) {
      map.put("with", params);
    }
  }

  private static Map<String, Object> withExtras(Map<String, Object> map, Extras extras) {
    extras.fields().forEach(map::putIfAbsent);
    return map;
  }
}
