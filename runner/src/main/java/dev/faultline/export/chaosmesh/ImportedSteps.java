package dev.faultline.export.chaosmesh;

import dev.faultline.attack.chaosmesh.ChaosKind;
import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor;
import dev.faultline.catalog.Param;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ImportException;
import dev.faultline.layout.LayeredLayout;
import dev.faultline.layout.NodeSize;
import dev.faultline.model.AttackStep;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.Extras;
import dev.faultline.model.Layout;
import dev.faultline.model.Metadata;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Params;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Safety;
import dev.faultline.model.Spec;
import dev.faultline.model.Step;
import dev.faultline.model.StepId;
import dev.faultline.model.Target;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.Until;
import dev.faultline.model.WaitStep;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the steps, targets and continuous probes read from a Chaos Mesh document and builds the
 * experiment with a generated layout. Reads one template or chaos spec at a time: chaos kinds we
 * have an attack for, PodChaos kills, HTTP status checks; equal selectors share one target.
 */
final class ImportedSteps {
  private final Catalog catalog;
  private final String namespace;
  private final List<ConversionWarning> warnings;
  private final SelectorReader selectors;
  private final List<Step> steps = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private final Map<String, Target> targets = new LinkedHashMap<>();
  private final List<ContinuousProbe> probes = new ArrayList<>();

  ImportedSteps(Catalog catalog, String namespace, List<ConversionWarning> warnings) {
    this.catalog = catalog;
    this.namespace = namespace;
    this.warnings = warnings;
    this.selectors = new SelectorReader(warnings);
  }

  /** A free step id close to {@code wanted}. */
  String id(String wanted) {
    String base = StepId.isValid(wanted) ? wanted : "step";
    String id = StepId.unique(base, ids);
    ids.add(id);
    return id;
  }

  void add(Step step) {
    steps.add(step);
  }

  void addProbe(ContinuousProbe probe) {
    probes.add(probe);
  }

  /**
   * An attack step from a chaos spec of {@code type}, or empty (with a warning) when Faultline has
   * no attack for it.
   */
  Optional<AttackStep> chaos(
      String id, List<String> after, String type, Doc spec, TimeSpan duration, Doc where)
      throws ImportException {
    spec.map();
    if (type.equals("PodChaos")) {
      return podChaos(id, after, spec, duration, where);
    }
    Optional<ChaosKind> kind = ChaosKind.byKind(type);
    if (kind.isEmpty()) {
      warnings.add(
          where.warning(
              type
                  + " has no Faultline attack; the template is replaced by a wait of its deadline"));
      return Optional.empty();
    }
    Target target = selectors.read(spec, namespace, kind.get().hasContainers());
    Map<String, Object> params = ChaosSpecReader.read(kind.get(), spec);
    spec.unread(type, warnings);
    return Optional.of(
        new AttackStep(
            id,
            after,
            kind.get().attackId(),
            targetName(target, id),
            withoutDefaults(kind.get().attackId(), params),
            duration,
            Extras.NONE));
  }

  private Optional<AttackStep> podChaos(
      String id, List<String> after, Doc spec, TimeSpan duration, Doc where)
      throws ImportException {
    String action = spec.required("action").string();
    if (!action.equals("pod-kill") && !action.equals("container-kill")) {
      warnings.add(
          spec.required("action")
              .warning(
                  "PodChaos "
                      + action
                      + " has no Faultline attack; the template is replaced by a wait of its"
                      + " deadline"));
      return Optional.empty();
    }
    boolean containerKill = action.equals("container-kill");
    Target target = selectors.read(spec, namespace, containerKill);
    var params = new LinkedHashMap<String, Object>();
    Optional<Doc> grace = spec.get("gracePeriod");
    if (grace.isPresent()) {
      params.put("gracePeriod", grace.get().integer() + "s");
    }
    spec.unread("PodChaos", warnings);
    String attack = containerKill ? "k8s.container.kill" : "k8s.pod.delete";
    // A kill is instant: the deadline our exporter gives it is no duration of the step.
    TimeSpan kept =
        duration != null && duration.text().equals(TemplateWriter.KILL_DEADLINE) ? null : duration;
    return Optional.of(
        new AttackStep(
            id,
            after,
            attack,
            targetName(target, id),
            withoutDefaults(attack, params),
            kept,
            Extras.NONE));
  }

  /** An {@code http.check} step or continuous probe's parameters from an HTTP status check. */
  Params httpCheck(Doc check) throws ImportException {
    var params = new LinkedHashMap<String, Object>();
    Optional<Doc> type = check.get("type");
    if (type.isPresent() && !type.get().string().equals("HTTP")) {
      throw type.get().error("status check type '" + type.get().string() + "' is not HTTP");
    }
    Doc http = check.required("http");
    params.put("url", http.required("url").string());
    Optional<Doc> method = http.get("method");
    if (method.isPresent()) {
      params.put("method", method.get().string());
    }
    Optional<Doc> headers = http.get("headers");
    if (headers.isPresent()) {
      var map = new LinkedHashMap<String, Object>();
      for (String name : headers.get().keys()) {
        List<String> values = headers.get().required(name).strings();
        if (values.size() > 1) {
          warnings.add(
              headers
                  .get()
                  .required(name)
                  .warning("only the first value of header " + name + " is kept"));
        }
        if (!values.isEmpty()) {
          map.put(name, values.getFirst());
        }
      }
      params.put("headers", map);
    }
    Optional<Doc> body = http.get("body");
    if (body.isPresent()) {
      params.put("body", body.get().string());
    }
    params.put("expectStatus", http.required("criteria").required("statusCode").string());
    Optional<Doc> timeout = check.get("timeoutSeconds");
    if (timeout.isPresent()) {
      params.put("timeout", timeout.get().integer() + "s");
    }
    return withoutDefaults("http.check", params);
  }

  /** A synchronous status check as an {@code http.check} step. */
  ProbeStep statusCheck(String id, List<String> after, Doc template, TimeSpan deadline)
      throws ImportException {
    Doc check = template.required("statusCheck");
    Params params = httpCheck(check);
    long successes = intOr(check, "successThreshold", 1);
    long failures = intOr(check, "failureThreshold", 3);
    long interval = intOr(check, "intervalSeconds", 10);
    check.get("mode");
    check.get("duration");
    check.get("recordsHistoryLimit");
    template.get("abortWithStatusCheck");
    if (successes > 1) {
      warnings.add(
          check.warning(
              "successThreshold " + successes + ": Faultline passes on the first success"));
    }
    long callSeconds = intOr(check, "timeoutSeconds", 1);
    // Our exporter gives a `once` check the deadline (call + interval) × tries; an `until: passing`
    // check has its timeout as deadline, which never equals that. Without a deadline the check runs
    // until its thresholds decide, as `once` with retries does.
    boolean once =
        deadline == null
            || deadline.toDuration().toSeconds() == (callSeconds + interval) * failures;
    ProbeStep step =
        new ProbeStep(
            id,
            after,
            "http.check",
            null,
            params,
            once ? null : Until.PASSING,
            once ? null : deadline,
            TimeSpan.of(interval + "s"),
            null,
            once && failures > 1 ? (int) failures - 1 : null,
            Extras.NONE);
    check.unread("StatusCheck", warnings);
    return step.interval().equals(ProbeStep.DEFAULT_INTERVAL)
        ? step.toBuilder().interval((TimeSpan) null).build()
        : step;
  }

  static long intOr(Doc map, String key, long fallback) throws ImportException {
    Optional<Doc> value = map.get(key);
    return value.isPresent() ? value.get().integer() : fallback;
  }

  /** A wait standing in for a template we cannot read, keeping its time. */
  WaitStep standIn(String id, List<String> after, TimeSpan deadline) {
    return new WaitStep(id, after, deadline == null ? TimeSpan.of("0s") : deadline, Extras.NONE);
  }

  /** The name of a target equal to {@code target}, adding it when it is new. */
  private String targetName(Target target, String stepId) {
    for (var entry : targets.entrySet()) {
      if (entry.getValue().equals(target)) {
        return entry.getKey();
      }
    }
    String base =
        Optional.ofNullable(target.labelSelector())
            .filter(l -> l.startsWith("app="))
            .map(l -> l.substring(4).split(",")[0])
            .filter(StepId::isValid)
            .orElse(stepId);
    String name = StepId.unique(base, targets.keySet());
    targets.put(name, target);
    return name;
  }

  /** Parameters without those equal to the descriptor's default, as a person would write them. */
  private Params withoutDefaults(String id, Map<String, Object> params) {
    Descriptor descriptor = catalog.find(id).orElseThrow();
    var kept = new LinkedHashMap<String, Object>();
    params.forEach(
        (name, value) -> {
          Object fallback = descriptor.param(name).map(Param::defaultValue).orElse(null);
          if (fallback == null || !String.valueOf(fallback).equals(String.valueOf(value))) {
            kept.put(name, value);
          }
        });
    return Params.of(kept);
  }

  Experiment build(String name, TimeSpan maxDuration) {
    // The source names these namespaces itself, so the policy allows them.
    var allowed = new LinkedHashSet<String>();
    allowed.add(namespace);
    targets.values().forEach(t -> allowed.addAll(t.namespaces()));
    var safety =
        new Safety(
            new NamespacePolicy(List.copyOf(allowed), null, Extras.NONE), maxDuration, Extras.NONE);
    var experiment =
        new Experiment(
            Metadata.named(name),
            new Spec(safety, null, targets, steps, probes, Extras.NONE),
            Layout.EMPTY,
            Extras.NONE);
    return experiment.withLayout(
        new Layout(new LayeredLayout().layout(experiment, NodeSize.STANDARD)));
  }

  List<ConversionWarning> warnings() {
    return warnings;
  }
}
