package dev.faultline.designer.inspector;

import dev.faultline.catalog.Descriptor;
import dev.faultline.catalog.Param;
import dev.faultline.catalog.ParamType;
import dev.faultline.catalog.TargetUse;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import dev.faultline.model.Keyword;
import dev.faultline.model.Params;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.StopWhen;
import dev.faultline.model.Until;
import dev.faultline.model.WaitStep;
import dev.faultline.model.edit.Edit;
import dev.faultline.model.edit.EditRefused;
import dev.faultline.model.edit.RenameStep;
import dev.faultline.model.edit.ReplaceStep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The fields of one step's form, generated from its kind and, for attacks and probes, from its
 * descriptor: a new attack is one descriptor, nothing to add here.
 */
final class StepFields {

  static final String ONCE = "once";
  static final String UNTIL_FAILING = "until failing";
  static final String UNTIL_PASSING = "until passing";

  private final String id;

  StepFields(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  /** The id field: renames on Enter or focus lost, never per key stroke. */
  InspectorField idField(java.util.function.Consumer<String> renamed) {
    return InspectorField.builder("id", "id", FieldEditor.MONOSPACE)
        .afterEdit(value -> renamed.accept(value.toString()))
        .commitOnly()
        .required(true)
        .help("Other steps name it in their \u201cafter\u201d; renaming updates them.")
        .read(e -> id)
        .write((e, value) -> new RenameStep(id, value == null ? "" : value.toString()))
        .path(e -> ProblemPaths.stepField(e, id, "id"))
        .build();
  }

  /** Duration of an attack; empty means it lasts until the run ends. */
  InspectorField attackDuration() {
    return InspectorField.builder("duration", "duration", FieldEditor.DURATION)
        .prompt("until the run ends")
        .help("How long the fault stays before it is rolled back.")
        .read(e -> StepCopy.text(attack(e, a -> a.duration())))
        .write(
            replacing(
                "duration", AttackStep.class, (a, v) -> StepCopy.withDuration(a, StepCopy.span(v))))
        .path(e -> ProblemPaths.stepField(e, id, "duration"))
        .build();
  }

  /**
   * An attack's {@code stopWhen}: which continuous probe ends it early (none: it lasts its
   * duration), and after how many failures in a row.
   */
  List<InspectorField> stopWhen() {
    InspectorField probe =
        InspectorField.builder("stopWhen.probe", "stop when probe fails", FieldEditor.CHOICE)
            .prompt("never: it lasts its duration")
            .help(
                "Roll the attack back early when this continuous probe fails often enough in a row;"
                    + " the run goes on. Needs a duration.")
            .choices(
                e -> {
                  List<String> ids = new ArrayList<>();
                  ids.add("");
                  e.spec().probes().forEach(p -> ids.add(p.id()));
                  String current =
                      attack(e, a -> a.stopWhen() == null ? null : a.stopWhen().probe());
                  if (current != null && !ids.contains(current)) {
                    ids.add(current); // shown as it is; validation tells what is wrong with it
                  }
                  return ids;
                })
            .read(e -> attack(e, a -> a.stopWhen() == null ? null : a.stopWhen().probe()))
            .write(
                replacing(
                    "stop when",
                    AttackStep.class,
                    (a, v) ->
                        StepCopy.withStopWhen(
                            a,
                            v == null || v.toString().isEmpty()
                                ? null
                                : new StopWhen(
                                    v.toString(),
                                    a.stopWhen() == null ? null : a.stopWhen().failures(),
                                    a.stopWhen() == null ? null : a.stopWhen().extras()))))
            .path(e -> ProblemPaths.stepField(e, id, "stopWhen.probe"))
            .build();
    InspectorField failures =
        InspectorField.builder("stopWhen.failures", "failures in a row", FieldEditor.INTEGER)
            .prompt("default: " + StopWhen.DEFAULT_FAILURES)
            .range(1.0, null)
            .help("How many failures of the probe in a row stop the attack.")
            .visibleWhen(e -> attack(e, AttackStep::stopWhen) != null)
            .read(
                e ->
                    attack(
                        e,
                        a ->
                            a.stopWhen() == null || a.stopWhen().failures() == null
                                ? null
                                : (Object) (long) a.stopWhen().failures()))
            .write(
                replacing(
                    "failures",
                    AttackStep.class,
                    (a, v) ->
                        a.stopWhen() == null
                            ? a
                            : StepCopy.withStopWhen(
                                a,
                                new StopWhen(
                                    a.stopWhen().probe(),
                                    v == null ? null : Math.toIntExact(((Number) v).longValue()),
                                    a.stopWhen().extras()))))
            .path(e -> ProblemPaths.stepField(e, id, "stopWhen.failures"))
            .build();
    return List.of(probe, failures);
  }

  /** The probe's fields before its parameters: mode, timing and retries. */
  List<InspectorField> probeTiming() {
    List<InspectorField> fields = new ArrayList<>();
    fields.add(
        InspectorField.builder("until", "mode", FieldEditor.CHOICE)
            .choices(List.of(ONCE, UNTIL_FAILING, UNTIL_PASSING))
            .help("Once: the step fails when the probe fails. Until: repeat until the result.")
            .read(e -> modeLabel(probe(e, ProbeStep::until)))
            .write(
                replacing(
                    "mode", ProbeStep.class, (p, v) -> StepCopy.withUntil(p, until((String) v))))
            .path(e -> ProblemPaths.stepField(e, id, "until"))
            .build());
    fields.add(
        span(
            "timeout",
            "timeout",
            "limit of one call",
            "Repeating probes fail when the result is not reached in time.",
            ProbeStep::timeout,
            StepCopy::withTimeout,
            e -> probe(e, ProbeStep::until) != null));
    fields.add(
        span(
            "interval",
            "interval",
            "default: " + ProbeStep.DEFAULT_INTERVAL.text(),
            "Pause between tries and retries.",
            ProbeStep::interval,
            StepCopy::withInterval,
            e -> false));
    fields.add(
        span(
            "initialDelay",
            "initial delay",
            "none",
            "Pause after the step starts, before the first call.",
            ProbeStep::initialDelay,
            StepCopy::withInitialDelay,
            e -> false));
    fields.add(
        InspectorField.builder("retries", "retries", FieldEditor.INTEGER)
            .prompt("default: 0")
            .range(0.0, null)
            .help("More calls a failing probe gets before the step fails.")
            .visibleWhen(e -> step(e) instanceof ProbeStep p && p.until() == null)
            .read(e -> probe(e, p -> p.retries() == null ? null : (long) p.retries()))
            .write(
                replacing(
                    "retries",
                    ProbeStep.class,
                    (p, v) ->
                        StepCopy.withRetries(
                            p, v == null ? null : Math.toIntExact(((Number) v).longValue()))))
            .path(e -> ProblemPaths.stepField(e, id, "retries"))
            .build());
    return fields;
  }

  private InspectorField span(
      String key,
      String label,
      String prompt,
      String help,
      Function<ProbeStep, dev.faultline.model.TimeSpan> get,
      BiFunction<ProbeStep, dev.faultline.model.TimeSpan, ProbeStep> set,
      java.util.function.Predicate<Experiment> required) {
    return InspectorField.builder(key, label, FieldEditor.DURATION)
        .prompt(prompt)
        .help(help)
        .requiredWhen(required)
        .read(e -> StepCopy.text(probe(e, get)))
        .write(replacing(label, ProbeStep.class, (p, v) -> set.apply(p, StepCopy.span(v))))
        .path(e -> ProblemPaths.stepField(e, id, key))
        .build();
  }

  InspectorField waitDuration() {
    return InspectorField.builder("wait", "duration", FieldEditor.DURATION)
        .required(true)
        .read(e -> step(e) instanceof WaitStep w ? StepCopy.text(w.duration()) : null)
        .write(
            replacing(
                "duration", WaitStep.class, (w, v) -> StepCopy.withDuration(w, StepCopy.span(v))))
        .path(e -> ProblemPaths.stepField(e, id, "wait"))
        .build();
  }

  List<InspectorField> gateFields() {
    return List.of(
        InspectorField.builder("gate", "question", FieldEditor.PROSE)
            .required(true)
            .help("Shown to the operator, who approves or aborts the run.")
            .read(e -> step(e) instanceof GateStep g ? g.gate() : null)
            .write(
                replacing(
                    "question",
                    GateStep.class,
                    (g, v) -> StepCopy.withQuestion(g, v == null ? null : v.toString())))
            .path(e -> ProblemPaths.stepField(e, id, "gate"))
            .build(),
        InspectorField.builder("timeout", "timeout", FieldEditor.DURATION)
            .prompt("wait for an answer forever")
            .read(e -> step(e) instanceof GateStep g ? StepCopy.text(g.timeout()) : null)
            .write(
                replacing(
                    "timeout", GateStep.class, (g, v) -> StepCopy.withTimeout(g, StepCopy.span(v))))
            .path(e -> ProblemPaths.stepField(e, id, "timeout"))
            .build(),
        InspectorField.builder("onTimeout", "on timeout", FieldEditor.CHOICE)
            .choices(
                List.of(
                    "", GateStep.OnTimeout.ABORT.keyword(), GateStep.OnTimeout.CONTINUE.keyword()))
            .prompt("default: abort")
            .read(
                e ->
                    step(e) instanceof GateStep g && g.onTimeout() != null
                        ? g.onTimeout().keyword()
                        : null)
            .write(
                replacing(
                    "on timeout",
                    GateStep.class,
                    (g, v) ->
                        StepCopy.withOnTimeout(
                            g,
                            v == null
                                ? null
                                : Keyword.parse(GateStep.OnTimeout.class, v.toString())
                                    .orElse(null))))
            .path(e -> ProblemPaths.stepField(e, id, "onTimeout"))
            .build());
  }

  /** One field per descriptor parameter, in the descriptor's order. */
  List<InspectorField> params(Descriptor descriptor) {
    return descriptor.params().stream().map(this::param).toList();
  }

  InspectorField param(Param param) {
    FieldEditor editor = editorFor(param.type());
    String key = "with." + param.name();
    InspectorField.Builder b =
        InspectorField.builder(key, words(param.name()), editor)
            .required(param.required())
            .help(param.docs())
            .prompt(prompt(param))
            .range(param.min(), param.max())
            .read(e -> paramsOf(e).get(param.name()).orElse(null))
            .write(
                (e, value) -> {
                  Step step = step(e);
                  Params with = paramsOf(e);
                  Params changed =
                      value == null || isDefaultBoolean(param, value)
                          ? with.without(param.name())
                          : with.with(param.name(), value);
                  return edit(StepCopy.withParams(step, changed), "Edit " + param.name(), key);
                })
            .path(e -> ProblemPaths.stepField(e, id, key));
    if (editor == FieldEditor.CHOICE) {
      List<String> choices = new ArrayList<>();
      if (!param.required()) {
        choices.add("");
      }
      choices.addAll(param.allowed());
      b.choices(choices);
    }
    return b.build();
  }

  /**
   * An optional switch left at its default stays out of the file, so checking and unchecking it
   * leaves the file as it was.
   */
  private static boolean isDefaultBoolean(Param param, Object value) {
    return param.type() == ParamType.BOOLEAN
            && !param.required()
            && value.equals(param.defaultValue())
        || param.type() == ParamType.BOOLEAN
            && !param.required()
            && param.defaultValue() == null
            && Boolean.FALSE.equals(value);
  }

  static FieldEditor editorFor(ParamType type) {
    return switch (type) {
      case STRING, URL, STATUS_CODES -> FieldEditor.TEXT;
      case REGEX, LABEL_SELECTOR -> FieldEditor.MONOSPACE;
      case JQ -> FieldEditor.EXPRESSION;
      case TEXT -> FieldEditor.CODE;
      case INTEGER -> FieldEditor.INTEGER;
      case NUMBER -> FieldEditor.NUMBER;
      case BOOLEAN -> FieldEditor.BOOLEAN;
      case DURATION -> FieldEditor.DURATION;
      case ENUM -> FieldEditor.CHOICE;
      case STRING_LIST -> FieldEditor.LINES;
      case STRING_MAP -> FieldEditor.MAP;
    };
  }

  private static String prompt(Param param) {
    if (param.defaultValue() != null) {
      return "default: " + FieldText.format(editorFor(param.type()), param.defaultValue());
    }
    return switch (param.type()) {
      case STRING_LIST -> "one per line";
      case STRING_MAP -> "Name: value, one per line";
      default -> "";
    };
  }

  /** {@code insecureSkipVerify} → {@code insecure skip verify}: labels that wrap between words. */
  static String words(String camelCase) {
    return camelCase.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the descriptor's steps name a target, so the form shows the target combo. */
  static boolean usesTarget(Descriptor descriptor) {
    return descriptor != null && descriptor.targetUse() != TargetUse.NONE;
  }

  static String modeLabel(Until until) {
    if (until == null) {
      return ONCE;
    }
    return until == Until.FAILING ? UNTIL_FAILING : UNTIL_PASSING;
  }

  static Until until(String label) {
    if (UNTIL_FAILING.equals(label)) {
      return Until.FAILING;
    }
    return UNTIL_PASSING.equals(label) ? Until.PASSING : null;
  }

  Step step(Experiment experiment) {
    return experiment.spec().step(id).orElse(null);
  }

  private Params paramsOf(Experiment experiment) {
    return switch (step(experiment)) {
      case AttackStep a -> a.with();
      case ProbeStep p -> p.with();
      case null, default -> Params.NONE;
    };
  }

  private <T> T attack(Experiment e, Function<AttackStep, T> get) {
    return step(e) instanceof AttackStep a ? get.apply(a) : null;
  }

  private <T> T probe(Experiment e, Function<ProbeStep, T> get) {
    return step(e) instanceof ProbeStep p ? get.apply(p) : null;
  }

  /** A writer that replaces this step, if it is still of the expected kind. */
  <S extends Step> BiFunction<Experiment, Object, Edit> replacing(
      String label, Class<S> kind, BiFunction<S, Object, Step> change) {
    return (e, value) -> {
      Step step = step(e);
      if (!kind.isInstance(step)) {
        throw new EditRefused("The step \u201c" + id + "\u201d changed meanwhile.");
      }
      return edit(change.apply(kind.cast(step), value), "Edit " + label, label.replace(' ', '-'));
    };
  }

  private Edit edit(Step replacement, String description, String field) {
    return new ReplaceStep(replacement, description, "step/" + id + "/" + field);
  }
}
