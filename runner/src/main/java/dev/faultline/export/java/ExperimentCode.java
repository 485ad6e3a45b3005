package dev.faultline.export.java;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.java.Code.Call;
import dev.faultline.export.java.Code.Calls;
import dev.faultline.export.java.Code.Chain;
import dev.faultline.export.java.Code.Expr;
import dev.faultline.export.java.Code.Lambda;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Attacks;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.Extras;
import dev.faultline.model.GateStep;
import dev.faultline.model.Metadata;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Params;
import dev.faultline.model.PodPhase;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Probes;
import dev.faultline.model.Safety;
import dev.faultline.model.Spec;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.Topology;
import dev.faultline.model.Until;
import dev.faultline.model.WaitStep;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fluent-API expression that builds an experiment: {@code Experiment.named(...)...build()}, one
 * chained call per field the experiment sets, in file order. Records the imports it uses and a
 * warning for each unknown field ({@link Extras}) the builder cannot carry.
 */
final class ExperimentCode {
  private static final Map<String, String> ATTACK_CONSTANTS = constants(Attacks.class);
  private static final Map<String, String> PROBE_CONSTANTS = constants(Probes.class);

  private final Imports imports;
  private final List<ConversionWarning> warnings = new ArrayList<>();

  ExperimentCode(Imports imports) {
    this.imports = imports;
  }

  List<ConversionWarning> warnings() {
    return List.copyOf(warnings);
  }

  /** {@code Experiment.named("...")} and its calls up to {@code .build()}. */
  Chain experiment(Experiment experiment) {
    imports.add("dev.faultline.model.Experiment");
    Metadata metadata = experiment.metadata();
    Spec spec = experiment.spec();
    var calls = new Calls();
    extras(experiment.extras(), "");
    extras(metadata.extras(), "metadata");
    extras(spec.extras(), "spec");
    if (metadata.description() != null) {
      calls.add("description", string(metadata.description()));
    }
    metadata.labels().forEach((key, value) -> calls.add("label", string(key), string(value)));
    if (spec.context() != null) {
      calls.add("context", string(spec.context()));
    }
    safety(spec.safety(), calls);
    spec.targets()
        .forEach((name, target) -> calls.add("target", string(name), target(name, target)));
    for (int i = 0; i < spec.steps().size(); i++) {
      step(spec.steps().get(i), "spec.steps[" + i + "]", calls);
    }
    for (int i = 0; i < spec.probes().size(); i++) {
      ContinuousProbe probe = spec.probes().get(i);
      extras(probe.extras(), "spec.probes[" + i + "]");
      calls.add(
          "continuousProbe",
          string(probe.id()),
          probeId(probe.probe()),
          new Lambda("probe", continuousDetails(probe)));
    }
    calls.add("build");
    return new Chain(
        "Experiment.named(" + JavaLiterals.string(metadata.name()) + ")", calls.list());
  }

  private void safety(Safety safety, Calls calls) {
    if (safety == null) {
      return;
    }
    extras(safety.extras(), "spec.safety");
    NamespacePolicy namespaces = safety.namespaces();
    if (namespaces != null) {
      extras(namespaces.extras(), "spec.safety.namespaces");
      // Without deny, allowNamespaces() alone must create the policy, even with an empty list.
      if (!namespaces.allow().isEmpty() || namespaces.deny() == null) {
        calls.add("allowNamespaces", strings(namespaces.allow()));
      }
      if (namespaces.deny() != null) {
        calls.add("denyNamespaces", strings(namespaces.deny()));
      }
    }
    if (safety.maxDuration() != null) {
      calls.add("maxDuration", span(safety.maxDuration()));
    }
    if (namespaces == null && safety.maxDuration() == null) {
      warnings.add(
          ConversionWarning.at(
              "spec.safety", "an empty safety block is left out; it means the same as none"));
    }
  }

  private Chain target(String name, Target target) {
    imports.add("dev.faultline.model.Target");
    String path = "spec.targets." + name;
    extras(target.extras(), path);
    String head =
        switch (target.kind()) {
          case null -> "Target.pods()";
          case DEPLOYMENT -> "Target.deployments()";
          case STATEFUL_SET -> "Target.statefulSets()";
          case NODE -> "Target.nodes()";
          case POD -> {
            // Written "kind: Pod" in the file: keep it explicit rather than the default.
            imports.add("dev.faultline.model.TargetKind");
            yield "Target.of(TargetKind." + TargetKind.POD.name() + ")";
          }
        };
    var calls = new Calls();
    if (!target.namespaces().isEmpty()) {
      calls.add("namespaces", strings(target.namespaces()));
    }
    optional(calls, "namespacePattern", target.namespacePattern());
    optional(calls, "labelSelector", target.labelSelector());
    optional(calls, "annotationSelector", target.annotationSelector());
    optional(calls, "fieldSelector", target.fieldSelector());
    if (!target.phases().isEmpty()) {
      imports.add("dev.faultline.model.PodPhase");
      calls.add(
          "phases",
          target.phases().stream()
              .map(PodPhase::name)
              .map(phase -> Code.text("PodPhase." + phase))
              .toArray(Expr[]::new));
    }
    optional(calls, "nodeSelector", target.nodeSelector());
    if (target.owner() != null) {
      imports.add("dev.faultline.model.OwnerKind");
      extras(target.owner().extras(), path + ".owner");
      calls.add(
          "owner",
          Code.text(
              target.owner().kind() == null ? "null" : "OwnerKind." + target.owner().kind().name()),
          target.owner().name() == null ? Code.text("null") : string(target.owner().name()));
    }
    optional(calls, "podName", target.podName());
    if (!target.containers().isEmpty()) {
      calls.add("containers", strings(target.containers()));
    }
    blastRadius(target.blastRadius(), path, calls);
    optional(calls, "context", target.context());
    return new Chain(head, calls.list());
  }

  private void blastRadius(BlastRadius radius, String path, Calls calls) {
    if (radius == null) {
      return;
    }
    extras(radius.extras(), path + ".blastRadius");
    Expr value = Code.text(String.valueOf(radius.value()));
    switch (radius.mode()) {
      case ALL -> calls.add("all");
      case ONE -> calls.add("one");
      case COUNT -> calls.add("count", value);
      case PERCENT -> calls.add("percent", value);
      case MAX_PERCENT -> calls.add("maxPercent", value);
    }
    if (radius.seed() != null) {
      calls.add("seed", Code.text(radius.seed() + "L"));
    }
    if (radius.topology() != null) {
      extras(radius.topology().extras(), path + ".blastRadius.topology");
      imports.add("dev.faultline.model.Topology");
      calls.add("topology", Code.text(topology(radius.topology())));
    }
  }

  /** The shortest factory call that builds exactly this topology. */
  private static String topology(Topology t) {
    String n = t.nodesPerZone() == null ? "null" : String.valueOf(t.nodesPerZone());
    String call;
    if (t.zone() == null && t.zones() != null) {
      call =
          t.wholeZone()
              ? "Topology.wholeZones(" + t.zones() + ")"
              : "Topology.zones(" + t.zones() + ", " + n + ")";
    } else if (t.zone() != null && t.zones() == null) {
      call = "Topology.inZone(" + JavaLiterals.string(t.zone()) + ", " + n + ")";
    } else {
      call =
          "new Topology(null, "
              + t.zones()
              + ", "
              + (t.zone() == null ? "null" : JavaLiterals.string(t.zone()))
              + ", "
              + n
              + ", null)";
    }
    return t.key() == null ? call : call + ".key(" + JavaLiterals.string(t.key()) + ")";
  }

  private void step(Step step, String path, Calls calls) {
    extras(step.extras(), path);
    switch (step) {
      case AttackStep attack ->
          calls.add(
              "attack",
              string(attack.id()),
              attackId(attack.attack()),
              new Lambda("step", attackDetails(attack, path)));
      case ProbeStep probe ->
          calls.add(
              "probe",
              string(probe.id()),
              probeId(probe.probe()),
              new Lambda("step", probeDetails(probe)));
      case WaitStep wait -> {
        List<Expr> args = new ArrayList<>(List.of(string(wait.id()), span(wait.duration())));
        wait.after().forEach(id -> args.add(string(id)));
        calls.add("waitFor", args.toArray(Expr[]::new));
      }
      case GateStep gate -> {
        List<Call> details = gateDetails(gate);
        if (details.isEmpty()) {
          calls.add("gate", string(gate.id()), string(gate.gate()));
        } else {
          calls.add("gate", string(gate.id()), string(gate.gate()), new Lambda("step", details));
        }
      }
    }
  }

  private List<Call> attackDetails(AttackStep attack, String path) {
    var calls = new Calls();
    after(attack.after(), calls);
    optional(calls, "target", attack.target());
    with(attack.with(), calls);
    if (attack.duration() != null) {
      calls.add("duration", span(attack.duration()));
    }
    if (attack.stopWhen() != null) {
      extras(attack.stopWhen().extras(), path + ".stopWhen");
      if (attack.stopWhen().failures() == null) {
        calls.add("stopWhen", string(attack.stopWhen().probe()));
      } else {
        calls.add(
            "stopWhen",
            string(attack.stopWhen().probe()),
            Code.text(attack.stopWhen().failures().toString()));
      }
    }
    return calls.list();
  }

  private List<Call> probeDetails(ProbeStep probe) {
    var calls = new Calls();
    after(probe.after(), calls);
    optional(calls, "target", probe.target());
    optional(calls, "context", probe.context());
    with(probe.with(), calls);
    if (probe.until() != null && probe.timeout() != null) {
      calls.add(
          probe.until() == Until.PASSING ? "untilPassing" : "untilFailing", span(probe.timeout()));
    } else if (probe.until() != null) {
      imports.add("dev.faultline.model.Until");
      calls.add("until", Code.text("Until." + probe.until().name()));
    } else if (probe.timeout() != null) {
      calls.add("timeout", span(probe.timeout()));
    }
    if (probe.interval() != null) {
      calls.add("interval", span(probe.interval()));
    }
    if (probe.initialDelay() != null) {
      calls.add("initialDelay", span(probe.initialDelay()));
    }
    if (probe.retries() != null) {
      calls.add("retries", Code.text(probe.retries().toString()));
    }
    return calls.list();
  }

  private List<Call> gateDetails(GateStep gate) {
    var calls = new Calls();
    after(gate.after(), calls);
    if (gate.timeout() != null) {
      calls.add("timeout", span(gate.timeout()));
    }
    if (gate.onTimeout() != null) {
      imports.add("dev.faultline.model.GateStep");
      calls.add("onTimeout", Code.text("GateStep.OnTimeout." + gate.onTimeout().name()));
    }
    return calls.list();
  }

  private List<Call> continuousDetails(ContinuousProbe probe) {
    var calls = new Calls();
    optional(calls, "target", probe.target());
    with(probe.with(), calls);
    if (probe.interval() != null) {
      calls.add("interval", span(probe.interval()));
    }
    if (probe.initialDelay() != null) {
      calls.add("initialDelay", span(probe.initialDelay()));
    }
    if (probe.haltAfter() != null) {
      calls.add("haltAfter", Code.text(probe.haltAfter().toString()));
    }
    optional(calls, "from", probe.from());
    optional(calls, "to", probe.to());
    optional(calls, "context", probe.context());
    return calls.list();
  }

  private void after(List<String> after, Calls calls) {
    if (!after.isEmpty()) {
      calls.add("after", strings(after));
    }
  }

  private void with(Params params, Calls calls) {
    params
        .values()
        .forEach(
            (name, value) ->
                calls.add(
                    "with",
                    string(name),
                    indent ->
                        value instanceof String text
                                && JavaLiterals.textBlock(text, indent).isEmpty()
                            ? Code.string(text).render(indent)
                            : JavaLiterals.value(value, indent, imports)));
  }

  private void optional(Calls calls, String method, String value) {
    if (value != null) {
      calls.add(method, string(value));
    }
  }

  private Expr attackId(String id) {
    return constant(id, ATTACK_CONSTANTS, "dev.faultline.model.Attacks", "Attacks");
  }

  private Expr probeId(String id) {
    return constant(id, PROBE_CONSTANTS, "dev.faultline.model.Probes", "Probes");
  }

  private Expr constant(
      String id, Map<String, String> constants, String qualifiedClass, String simpleClass) {
    String constant = constants.get(id);
    if (constant == null) {
      return string(id);
    }
    imports.add(qualifiedClass);
    return Code.text(simpleClass + "." + constant);
  }

  private void extras(Extras extras, String path) {
    if (!extras.isEmpty()) {
      warnings.add(
          ConversionWarning.at(
              path,
              "unknown field"
                  + (extras.fields().size() == 1 ? " " : "s ")
                  + String.join(", ", extras.fields().keySet())
                  + " left out: the Java builder sets only the fields Faultline knows"));
    }
  }

  private static Expr string(String text) {
    return Code.string(text);
  }

  private static Expr span(TimeSpan span) {
    return string(span.text());
  }

  private static Expr[] strings(List<String> values) {
    return values.stream().map(ExperimentCode::string).toArray(Expr[]::new);
  }

  /** Constant values to names of the public string constants of {@code holder}. */
  private static Map<String, String> constants(Class<?> holder) {
    Map<String, String> byValue = new HashMap<>();
    Arrays.stream(holder.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .forEach(f -> byValue.put(read(f), f.getName()));
    return Map.copyOf(byValue);
  }

  private static String read(Field field) {
    try {
      return Objects.requireNonNull((String) field.get(null));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }
}
