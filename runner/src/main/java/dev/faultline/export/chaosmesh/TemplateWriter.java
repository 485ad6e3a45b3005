package dev.faultline.export.chaosmesh;

import dev.faultline.attack.AttackException;
import dev.faultline.attack.AttackRequest;
import dev.faultline.attack.chaosmesh.ChaosKind;
import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor;
import dev.faultline.catalog.ParamValues;
import dev.faultline.export.ConversionWarning;
import dev.faultline.model.AttackStep;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.Until;
import dev.faultline.model.WaitStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one step as one Workflow template named {@code name}. Chaos Mesh attacks, pod kills,
 * container kills and HTTP checks become the matching templates; every other step becomes a {@code
 * Suspend} as long as the step could take, so the steps after it start no earlier than in
 * Faultline, with a warning that says what was not carried over.
 *
 * <p>A Workflow runs in the one cluster it is applied to. A step that acts on another kubeconfig
 * context than that one (a target or probe naming {@code context}) would attack or check the wrong
 * cluster, so it becomes a Suspend too, with a warning naming its context.
 */
final class TemplateWriter {
  /**
   * The deadline of a pod or container kill without a duration: the kill itself is instant, the
   * template only needs to live until Chaos Mesh has acted on it.
   */
  static final String KILL_DEADLINE = "10s";

  /** The deadline of a Chaos Mesh fault with neither a step duration nor a maxDuration. */
  static final String DEFAULT_FAULT_DEADLINE = "5m";

  private final Experiment experiment;
  private final String namespace;
  private final Catalog catalog;
  private final List<ConversionWarning> warnings;
  private final SelectorWriter selectors;
  private final StatusCheckWriter checks;

  TemplateWriter(
      Experiment experiment, String namespace, Catalog catalog, List<ConversionWarning> warnings) {
    this.experiment = experiment;
    this.namespace = namespace;
    this.catalog = catalog;
    this.warnings = warnings;
    this.selectors =
        new SelectorWriter(warnings, experiment.spec().effectiveSafety().effectiveNamespaces());
    this.checks = new StatusCheckWriter(warnings);
  }

  /** Step ids left out because they act on another context, by context, in step order. */
  private final Map<String, List<String>> otherContexts = new LinkedHashMap<>();

  /** Whether the template written last does the step itself (not a Suspend standing in). */
  private boolean lastCarried;

  boolean lastCarried() {
    return lastCarried;
  }

  /** The steps left out because they act on another cluster, by their context. */
  Map<String, List<String>> otherContexts() {
    return otherContexts;
  }

  ObjectNode write(Step step, String name, String at) {
    lastCarried = false;
    ObjectNode template = JsonNodeFactory.instance.objectNode();
    template.put("name", name);
    String elsewhere = elsewhere(experiment, ClusterContexts.ofStep(experiment.spec(), step));
    if (elsewhere != null) {
      return otherCluster(step, elsewhere, template, at);
    }
    return switch (step) {
      case AttackStep attack -> attack(attack, template, at);
      case ProbeStep probe -> probe(probe, template, at);
      case WaitStep wait -> suspend(template, wait.duration().text());
      case GateStep gate -> gate(gate, template, at);
    };
  }

  private ObjectNode attack(AttackStep step, ObjectNode template, String at) {
    if (step.stopWhen() != null) {
      warn(
          at + ".stopWhen",
          step.id()
              + ": Chaos Mesh cannot end a fault early when a probe fails; stopWhen is left out and"
              + " the fault lasts its whole deadline");
    }
    Optional<ChaosKind> kind = ChaosKind.byAttackId(step.attack());
    if (kind.isPresent()) {
      return chaos(step, kind.get(), template, at);
    }
    if (step.attack().equals("k8s.pod.delete") || step.attack().equals("k8s.container.kill")) {
      return kill(step, template, at);
    }
    if (step.attack().equals("k8s.manifest")) {
      Optional<ObjectNode> chaos;
      try {
        chaos =
            ManifestChaos.template(
                step,
                template,
                at,
                namespace,
                experiment.spec().effectiveSafety().effectiveNamespaces(),
                () -> faultDeadline(step, at),
                warnings);
      } catch (Refused e) {
        return refused(step, template, at, e.getMessage());
      }
      if (chaos.isPresent()) {
        lastCarried = true;
        return chaos.get();
      }
    }
    String deadline = step.duration() == null ? "0s" : step.duration().text();
    warn(
        at,
        step.id()
            + ": Chaos Mesh has no counterpart of "
            + step.attack()
            + "; a Suspend of "
            + deadline
            + (step.duration() == null ? " (the step has no duration)" : " (the step's duration)")
            + " stands in its place, so the steps after it keep their timing but nothing is"
            + " attacked");
    return suspend(template, deadline);
  }

  private ObjectNode chaos(AttackStep step, ChaosKind kind, ObjectNode template, String at) {
    Target target = experiment.spec().targets().get(step.target());
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    try {
      selectors.write(target, step.target(), namespace, kind.hasContainers(), spec, step.id());
      kind.writeSpec(request(step, target), firstNamespace(target), spec);
    } catch (AttackException | Refused e) {
      return refused(step, template, at, e.getMessage());
    }
    template.put("templateType", kind.kind());
    template.put("deadline", faultDeadline(step, at));
    template.set(kind.templateKey(), spec);
    lastCarried = true;
    return template;
  }

  private ObjectNode kill(AttackStep step, ObjectNode template, String at) {
    Target target = experiment.spec().targets().get(step.target());
    ParamValues params = params(step.attack(), step.with());
    boolean containerKill = step.attack().equals("k8s.container.kill");
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    spec.put("action", containerKill ? "container-kill" : "pod-kill");
    List<String> containers;
    try {
      containers =
          selectors.write(target, step.target(), namespace, containerKill, spec, step.id());
    } catch (Refused e) {
      return refused(step, template, at, e.getMessage());
    }
    if (containerKill) {
      if (containers.isEmpty()) {
        return refused(
            step,
            template,
            at,
            "container-kill needs exact container names and target '"
                + step.target()
                + "' gives none");
      }
      if (!params.string("signal").equals("SIGKILL")) {
        warn(
            at + ".with.signal",
            step.id()
                + ": Chaos Mesh's container-kill always sends SIGKILL; signal "
                + params.string("signal")
                + " is not kept");
      }
    } else if (step.with().has("gracePeriod")) {
      spec.put("gracePeriod", params.duration("gracePeriod").toSeconds());
    }
    template.put("templateType", "PodChaos");
    template.put("deadline", step.duration() == null ? KILL_DEADLINE : step.duration().text());
    template.set("podChaos", spec);
    lastCarried = true;
    return template;
  }

  private String faultDeadline(AttackStep step, String at) {
    if (step.duration() != null) {
      return step.duration().text();
    }
    TimeSpan max = experiment.spec().effectiveSafety().maxDuration();
    String deadline = max == null ? DEFAULT_FAULT_DEADLINE : max.text();
    warn(
        at + ".duration",
        step.id()
            + ": no duration; in Faultline the fault lasts until the run ends while the next steps"
            + " go on, in Chaos Mesh it holds its branch for "
            + deadline
            + (max == null
                ? " (no spec.safety.maxDuration either)"
                : " (spec.safety.maxDuration)"));
    return deadline;
  }

  private ObjectNode probe(ProbeStep step, ObjectNode template, String at) {
    if (step.probe().equals("http.check") && step.until() != Until.FAILING) {
      return statusCheck(step, template, at);
    }
    String deadline = probeTime(step);
    String why =
        step.probe().equals("http.check")
            ? "Chaos Mesh status checks wait for success only, not until a check fails"
            : "Chaos Mesh has no counterpart of the probe " + step.probe();
    warn(
        at,
        step.id()
            + ": "
            + why
            + "; a Suspend of "
            + deadline
            + " (the longest the probe may take) stands in its place and nothing is checked");
    return suspend(template, deadline);
  }

  /** The longest a probe step other than an HTTP check can take, as a Suspend's deadline. */
  private String probeTime(ProbeStep step) {
    if (step.timeout() != null) {
      return step.timeout().text();
    }
    ParamValues params = params(step.probe(), step.with());
    // A load runs for its duration; other probes take at most one call's timeout.
    String param = params.descriptor().param("duration").isPresent() ? "duration" : "timeout";
    return params.optionalDuration(param).map(TimeSpan::of).map(TimeSpan::text).orElse("0s");
  }

  private ObjectNode statusCheck(ProbeStep step, ObjectNode template, String at) {
    ParamValues params = params(step.probe(), step.with());
    template.put("templateType", "StatusCheck");
    ObjectNode check = template.putObject("statusCheck");
    check.put("mode", "Synchronous");
    try {
      checks.write(params, check, at, step.id());
    } catch (Refused e) {
      String deadline = step.timeout() == null ? "0s" : step.timeout().text();
      warn(
          at,
          step.id()
              + ": cannot be written for Chaos Mesh ("
              + e.getMessage()
              + "); a Suspend of "
              + deadline
              + " stands in its place and nothing is checked");
      ObjectNode fresh = JsonNodeFactory.instance.objectNode();
      fresh.put("name", template.path("name").asString());
      return suspend(fresh, deadline);
    }
    long intervalSeconds = StatusCheckWriter.seconds(step.effectiveInterval().toDuration());
    check.put("intervalSeconds", intervalSeconds);
    check.put("successThreshold", 1);
    Duration deadline;
    if (step.until() == Until.PASSING) {
      deadline = step.timeout().toDuration();
      // Consecutive failures for as long as the timeout lasts: the check gives up when Faultline
      // would, and abortWithStatusCheck fails the workflow as the timeout fails the run.
      check.put("failureThreshold", Math.max(1, deadline.toSeconds() / intervalSeconds));
    } else {
      // Once, with retries: the step's timeout limits one call. The deadline is what all tries
      // take at most, (call + interval) × tries, which also tells an import that this was `once`.
      if (step.timeout() != null) {
        check.put("timeoutSeconds", StatusCheckWriter.seconds(step.timeout().toDuration()));
      }
      int tries = step.effectiveRetries() + 1;
      check.put("failureThreshold", tries);
      deadline =
          Duration.ofSeconds((check.path("timeoutSeconds").asLong() + intervalSeconds) * tries);
    }
    if (step.initialDelay() != null) {
      warn(
          at + ".initialDelay",
          step.id() + ": Chaos Mesh status checks start at once; initialDelay is left out");
    }
    template.put("deadline", TimeSpan.of(deadline).text());
    template.put("abortWithStatusCheck", true);
    lastCarried = true;
    return template;
  }

  private ObjectNode gate(GateStep gate, ObjectNode template, String at) {
    String deadline = gate.timeout() == null ? "0s" : gate.timeout().text();
    warn(
        at,
        gate.id()
            + ": Chaos Mesh has no manual approval; the gate becomes a Suspend of "
            + deadline
            + (gate.timeout() == null ? "" : " (its timeout)")
            + " and the workflow goes on without asking anyone");
    return suspend(template, deadline);
  }

  /**
   * {@code context} when it is not the Workflow's own cluster: {@code spec.context}, else whichever
   * cluster the Workflow is applied to; {@code null} when the part runs there.
   */
  static String elsewhere(Experiment experiment, String context) {
    return context == null || context.equals(experiment.spec().context()) ? null : context;
  }

  /** How the warnings name the Workflow's own cluster. */
  static String home(Experiment experiment) {
    String context = experiment.spec().context();
    return context == null
        ? "the cluster it is applied to"
        : "context '" + context + "' (spec.context)";
  }

  private ObjectNode otherCluster(Step step, String context, ObjectNode template, String at) {
    otherContexts.computeIfAbsent(context, c -> new ArrayList<>()).add(step.id());
    String deadline =
        switch (step) {
          case AttackStep a -> a.duration() == null ? "0s" : a.duration().text();
          case ProbeStep p ->
              p.probe().equals("http.check") && p.timeout() != null
                  ? p.timeout().text()
                  : probeTime(p);
          default -> "0s";
        };
    warn(
        at,
        step.id()
            + ": acts on context '"
            + context
            + "', and a Workflow runs in one cluster, "
            + home(experiment)
            + "; a Suspend of "
            + deadline
            + " stands in its place, so the steps after it keep their timing but nothing is "
            + (step instanceof AttackStep ? "attacked" : "checked")
            + " in "
            + context
            + " (export with spec.context: "
            + context
            + " for that cluster's part)");
    return suspend(template, deadline);
  }

  private ObjectNode refused(AttackStep step, ObjectNode template, String at, String why) {
    ObjectNode fresh = JsonNodeFactory.instance.objectNode();
    fresh.put("name", template.path("name").asString());
    String deadline = step.duration() == null ? "0s" : step.duration().text();
    warn(
        at,
        step.id()
            + ": cannot be written for Chaos Mesh ("
            + why
            + "); a Suspend of "
            + deadline
            + " stands in its place and nothing is attacked");
    lastCarried = false;
    return suspend(fresh, deadline);
  }

  private static ObjectNode suspend(ObjectNode template, String deadline) {
    template.put("templateType", "Suspend");
    template.put("deadline", deadline);
    return template;
  }

  private AttackRequest request(AttackStep step, Target target) {
    return new AttackRequest(
        step,
        params(step.attack(), step.with()),
        step.target(),
        target,
        null,
        experiment.spec().effectiveSafety().effectiveNamespaces());
  }

  private String firstNamespace(Target target) {
    return target.namespaces().isEmpty() ? namespace : target.namespaces().getFirst();
  }

  private ParamValues params(String id, dev.faultline.model.Params with) {
    Descriptor descriptor =
        catalog
            .find(id)
            .orElseThrow(
                () -> new IllegalStateException("validated experiment uses unknown " + id));
    return ParamValues.of(descriptor, with);
  }

  private void warn(String path, String message) {
    warnings.add(ConversionWarning.at(path, message));
  }
}
