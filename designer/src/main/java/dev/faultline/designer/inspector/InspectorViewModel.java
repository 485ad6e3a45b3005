package dev.faultline.designer.inspector;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor;
import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.designer.inspector.InspectorForm.ExperimentForm;
import dev.faultline.designer.inspector.InspectorForm.ManyStepsForm;
import dev.faultline.designer.inspector.InspectorForm.Section;
import dev.faultline.designer.inspector.InspectorForm.StepForm;
import dev.faultline.designer.inspector.InspectorForm.TargetSection;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.model.edit.Disconnect;
import dev.faultline.model.edit.Edit;
import dev.faultline.model.edit.EditRefused;
import dev.faultline.model.edit.RemoveSteps;
import dev.faultline.model.edit.ReplaceStep;
import dev.faultline.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The inspector's state: which form the selection calls for, kept in step with the document and its
 * problems. Forms are rebuilt only when what is selected changes shape; any other change of the
 * document (undo, the text view, the canvas) refreshes the fields in place.
 */
public final class InspectorViewModel {

  /** The entry of a step's target list that makes a new target for it. */
  public static final String NEW_TARGET = "New target\u2026";

  private final ReadOnlyStringWrapper focusedTarget =
      new ReadOnlyStringWrapper(this, "focusedTarget");
  private final ExperimentDocument document;
  private final StepSelection selection;
  private final DocumentProblems problems;
  private final Catalog catalog;

  private final ReadOnlyObjectWrapper<InspectorForm> form =
      new ReadOnlyObjectWrapper<>(this, "form");
  private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
  private final ReadOnlyObjectWrapper<Map<String, List<Problem>>> targetProblems =
      new ReadOnlyObjectWrapper<>(this, "targetProblems", Map.of());
  private final ObjectProperty<List<String>> kubeContexts =
      new SimpleObjectProperty<>(this, "kubeContexts", List.of());
  private final ContextFields contextFields =
      new ContextFields(() -> java.util.Objects.requireNonNullElse(kubeContexts.get(), List.of()));

  /** What the current form was built for; a different key means a new form. */
  private Object formKey;

  public InspectorViewModel(
      ExperimentDocument document,
      StepSelection selection,
      DocumentProblems problems,
      Catalog catalog) {
    this.document = document;
    this.selection = selection;
    this.problems = problems;
    this.catalog = catalog;
    document.experimentProperty().addListener((obs, old, now) -> update());
    document.unparsedTextProperty().addListener((obs, old, now) -> update());
    selection.idsProperty().addListener((obs, old, now) -> update());
    problems.problemsProperty().addListener((obs, old, now) -> distributeProblems());
    // New suggestions for the context fields: the form's fields re-read their choices.
    kubeContexts.addListener((obs, old, now) -> update());
    update();
  }

  /**
   * The kubeconfig's context names, suggested by the context fields of targets and probes. The app
   * sets them when it has read the kubeconfig (off the FX thread); empty: no suggestions.
   */
  public ObjectProperty<List<String>> kubeContextsProperty() {
    return kubeContexts;
  }

  /**
   * The target whose editor the user last worked in (experiment form), or null: the live preview
   * shows it while no step is selected.
   */
  public ReadOnlyStringProperty focusedTargetProperty() {
    return focusedTarget.getReadOnlyProperty();
  }

  void focusTarget(String name) {
    focusedTarget.set(name);
  }

  public ReadOnlyObjectProperty<InspectorForm> formProperty() {
    return form.getReadOnlyProperty();
  }

  public InspectorForm form() {
    return form.get();
  }

  /**
   * True while the text view holds text that does not parse: the document refuses edits then, so
   * the form only shows.
   */
  public ReadOnlyBooleanProperty readOnlyProperty() {
    return readOnly.getReadOnlyProperty();
  }

  /** Why the form is read-only; empty when it is not. */
  public String readOnlyReason() {
    return readOnly.get()
        ? "The text view has changes that do not parse yet. Fix or discard them there to edit"
            + " here."
        : "";
  }

  /** The last refusal of an action that has no field to show it (remove target, disconnect). */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /**
   * Problems about a target of the current form that none of its fields shows (unused, no
   * namespace), by target name: shown at the top of its editor.
   */
  public ReadOnlyObjectProperty<Map<String, List<Problem>>> targetProblemsProperty() {
    return targetProblems.getReadOnlyProperty();
  }

  /** The field of the current form with {@code key} ({@code with.url}, {@code timeout}). */
  public Optional<InspectorField> field(String key) {
    return form.get().fields().stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /** Removes the edge {@code from → step} of the selected step. */
  public Optional<String> disconnect(String from) {
    if (form.get() instanceof StepForm step) {
      return act(() -> new Disconnect(from, step.stepId()));
    }
    return Optional.empty();
  }

  /** Deletes the selected steps. */
  public Optional<String> deleteSelected() {
    if (selection.ids().isEmpty()) {
      return Optional.empty();
    }
    return act(() -> new RemoveSteps(selection.ids()));
  }

  /** Adds an empty Pod target with a free name. */
  public Optional<String> addTarget() {
    return act(() -> TargetEdits.add(document.experiment(), TargetKind.POD));
  }

  public Optional<String> renameTarget(String oldName, String newName) {
    if (oldName.equals(newName == null ? "" : newName.strip())
        || !document.experiment().spec().targets().containsKey(oldName)) {
      return Optional.empty();
    }
    return act(() -> TargetEdits.rename(document.experiment(), oldName, newName));
  }

  /** Removes a target; refused, naming them, while steps use it. */
  public Optional<String> removeTarget(String name) {
    return act(() -> TargetEdits.remove(document.experiment(), name));
  }

  private Optional<String> act(Supplier<Edit> edit) {
    Optional<String> refusal;
    try {
      refusal = document.edit(edit.get());
    } catch (EditRefused refused) {
      refusal = Optional.of(refused.getMessage());
    }
    message.set(refusal.orElse(null));
    return refusal;
  }

  private void update() {
    Experiment experiment = document.experiment();
    readOnly.set(document.unparsedText().isPresent());
    Object key = keyFor(experiment);
    if (!key.equals(formKey)) {
      formKey = key;
      message.set(null);
      if (form.get() != null) {
        form.get().fields().forEach(InspectorField::detach);
      }
      InspectorForm next = build(experiment);
      next.fields().forEach(f -> f.attach(document));
      if (next instanceof StepForm step) {
        updateStep(step, experiment);
      }
      form.set(next);
    } else {
      if (form.get() instanceof StepForm step) {
        updateStep(step, experiment);
      }
      form.get().fields().forEach(f -> f.refresh(experiment));
    }
    distributeProblems();
  }

  private Object keyFor(Experiment experiment) {
    var ids = selection.ids();
    if (ids.size() > 1) {
      return List.of("many", List.copyOf(ids));
    }
    Optional<Step> step = selection.primary().flatMap(experiment.spec()::step);
    if (step.isEmpty()) {
      return List.of(
          "experiment",
          List.copyOf(experiment.spec().targets().keySet()),
          experiment.spec().probes().stream().map(p -> p.id()).toList());
    }
    return List.of("step", step.get().id(), step.get().kindWord(), descriptorId(step.get()));
  }

  private InspectorForm build(Experiment experiment) {
    if (selection.ids().size() > 1) {
      return new ManyStepsForm(List.copyOf(selection.ids()));
    }
    Optional<Step> step = selection.primary().flatMap(experiment.spec()::step);
    if (step.isEmpty()) {
      return experimentForm(experiment);
    }
    return stepForm(step.get());
  }

  private ExperimentForm experimentForm(Experiment experiment) {
    List<TargetSection> targets = new ArrayList<>();
    for (Map.Entry<String, Target> entry : experiment.spec().targets().entrySet()) {
      targets.add(targetSection(entry.getKey(), entry.getValue()));
    }
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("Experiment", ExperimentFields.about()));
    sections.add(new Section("Safety", ExperimentFields.safety()));
    sections.add(new Section("Loop and schedule", LoopScheduleFields.fields()));
    if (!experiment.spec().probes().isEmpty()) {
      // Continuous probes have no node on the canvas; their cluster is set here.
      sections.add(
          new Section(
              "Continuous probes: context",
              experiment.spec().probes().stream()
                  .map(p -> contextFields.continuousProbe(p.id()))
                  .toList()));
    }
    return new ExperimentForm(sections, targets);
  }

  private TargetSection targetSection(String name, Target target) {
    List<InspectorField> fields = new ArrayList<>();
    fields.add(contextFields.target(name));
    fields.addAll(new TargetFields(name).all());
    return new TargetSection(name, target.effectiveKind().keyword(), fields);
  }

  private StepForm stepForm(Step step) {
    StepFields fields = new StepFields(step.id());
    Descriptor descriptor = descriptorOf(step).orElse(null);
    List<InspectorField> settings = new ArrayList<>();
    switch (step) {
      case AttackStep a -> {
        if (descriptor == null || StepFields.usesTarget(descriptor)) {
          settings.add(targetChoice(step.id(), descriptor));
        }
        settings.add(fields.attackDuration());
        settings.addAll(fields.stopWhen());
      }
      case ProbeStep p -> {
        settings.addAll(fields.probeTiming());
        if (StepFields.usesTarget(descriptor)) {
          settings.add(targetChoice(step.id(), descriptor));
        }
        settings.add(contextFields.probeStep(fields));
      }
      case dev.faultline.model.WaitStep w -> settings.add(fields.waitDuration());
      case dev.faultline.model.GateStep g -> settings.addAll(fields.gateFields());
    }
    List<InspectorField> params = descriptor == null ? List.of() : fields.params(descriptor);
    String kind = step.kindWord();
    String title =
        descriptor != null
            ? descriptor.title()
            : descriptorId(step).isEmpty()
                ? Character.toUpperCase(kind.charAt(0)) + kind.substring(1)
                : "Unknown " + kind + " \u201c" + descriptorId(step) + "\u201d";
    String icon = descriptor != null ? descriptor.iconId() : kind;
    return new StepForm(
        step.id(),
        kind,
        title,
        icon,
        descriptor == null ? "" : Objects.requireNonNullElse(descriptor.description(), ""),
        fields.idField(selection::select),
        new Section(settingsTitle(kind), settings),
        new Section("Parameters", params));
  }

  private static String settingsTitle(String kind) {
    return switch (kind) {
      case "attack" -> "Attack";
      case "probe" -> "Probe";
      case "wait" -> "Wait";
      default -> "Gate";
    };
  }

  /**
   * The step's target: the targets of a kind its descriptor accepts, and "New target…", which adds
   * one with a free name and points the step at it in one undo step.
   */
  private InspectorField targetChoice(String stepId, Descriptor descriptor) {
    StepFields fields = new StepFields(stepId);
    boolean required =
        descriptor == null || descriptor.targetUse() == dev.faultline.catalog.TargetUse.REQUIRED;
    return InspectorField.builder("target", "target", FieldEditor.CHOICE)
        .required(required)
        .help("Which pods, workloads or nodes the step acts on.")
        .prompt("choose a target")
        .choices(
            e -> {
              List<String> names = new ArrayList<>();
              if (!required) {
                names.add("");
              }
              e.spec()
                  .targets()
                  .forEach(
                      (name, target) -> {
                        if (descriptor == null
                            || descriptor.targetKinds().contains(target.effectiveKind())) {
                          names.add(name);
                        }
                      });
              String current = TargetEdits.targetOf(fields.step(e));
              if (current != null && !names.contains(current)) {
                names.add(current); // shown as it is; validation tells what is wrong with it
              }
              names.add(NEW_TARGET);
              return names;
            })
        .read(e -> TargetEdits.targetOf(fields.step(e)))
        .write(
            (e, value) ->
                NEW_TARGET.equals(value)
                    ? TargetEdits.addFor(e, stepId, descriptor)
                    : new ReplaceStep(
                        StepCopy.withTarget(
                            fields.step(e), value == null ? null : value.toString()),
                        "Choose target",
                        null))
        .path(e -> ProblemPaths.stepField(e, stepId, "target"))
        .build();
  }

  /** Keeps the parts of a step form that are not fields in step: edges and the target editor. */
  private void updateStep(StepForm form, Experiment experiment) {
    Optional<Step> step = experiment.spec().step(form.stepId());
    form.setAfter(step.map(Step::after).orElse(List.of()));
    String name = step.map(TargetEdits::targetOf).orElse(null);
    Target target = name == null ? null : experiment.spec().targets().get(name);
    TargetSection current = form.targetProperty().get();
    if (target == null) {
      form.setTarget(null);
    } else if (current == null
        || !current.name().equals(name)
        || !current.kind().equals(target.effectiveKind().keyword())) {
      if (current != null) {
        current.fields().forEach(InspectorField::detach);
      }
      TargetSection section = targetSection(name, target);
      section.fields().forEach(f -> f.attach(document));
      form.setTarget(section);
    }
  }

  private void distributeProblems() {
    InspectorForm current = form.get();
    if (current == null) {
      return;
    }
    Experiment experiment = document.experiment();
    List<Problem> all = problems.problems();
    List<Problem> claimed = new ArrayList<>();
    for (InspectorField field : current.fields()) {
      String path = field.problemPath(experiment);
      List<Problem> mine =
          path == null
              ? List.of()
              : all.stream().filter(p -> ProblemPaths.within(p.path(), path)).toList();
      claimed.addAll(mine);
      field.showProblems(mine);
    }
    Map<String, List<Problem>> byTarget = new java.util.LinkedHashMap<>();
    for (String name : shownTargets(current)) {
      String base = dev.faultline.validate.Paths.child("spec.targets", name);
      List<Problem> rest =
          all.stream()
              .filter(p -> ProblemPaths.within(p.path(), base))
              .filter(p -> !claimed.contains(p))
              .toList();
      if (!rest.isEmpty()) {
        byTarget.put(name, rest);
      }
    }
    if (!byTarget.equals(targetProblems.get())) {
      targetProblems.set(Map.copyOf(byTarget));
    }
    if (current instanceof StepForm step) {
      String base = ProblemPaths.step(experiment, step.stepId());
      step.setStepProblems(
          base == null
              ? List.of()
              : all.stream()
                  .filter(p -> ProblemPaths.within(p.path(), base))
                  .filter(p -> !claimed.contains(p))
                  .toList());
    }
  }

  private static List<String> shownTargets(InspectorForm current) {
    return switch (current) {
      case ExperimentForm experiment ->
          experiment.targets().stream().map(TargetSection::name).toList();
      case StepForm step ->
          step.targetProperty().get() == null
              ? List.of()
              : List.of(step.targetProperty().get().name());
      case ManyStepsForm many -> List.of();
    };
  }

  private Optional<Descriptor> descriptorOf(Step step) {
    return switch (step) {
      case AttackStep a -> catalog.find(Descriptor.Role.ATTACK, a.attack());
      case ProbeStep p -> catalog.find(Descriptor.Role.PROBE, p.probe());
      default -> Optional.empty();
    };
  }

  private static String descriptorId(Step step) {
    return switch (step) {
      case AttackStep a -> Objects.requireNonNullElse(a.attack(), "");
      case ProbeStep p -> Objects.requireNonNullElse(p.probe(), "");
      default -> "";
    };
  }
}
