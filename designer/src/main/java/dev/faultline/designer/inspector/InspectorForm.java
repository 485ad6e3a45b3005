package dev.faultline.designer.inspector;

import dev.faultline.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the inspector shows for the current selection. A new form is made only when the selection or
 * the shape of what is selected changes (another step, kind or descriptor); everything else updates
 * the fields of the form in place.
 */
public sealed interface InspectorForm {

  /** Every field of the form, in display order, for refreshes and problem mapping. */
  List<InspectorField> fields();

  /** A titled group of fields. */
  record Section(String title, List<InspectorField> fields) {
    public Section {
      fields = List.copyOf(fields);
    }
  }

  /** The target editor of one named target. */
  record TargetSection(String name, String kind, List<InspectorField> fields) {
    public TargetSection {
      fields = List.copyOf(fields);
    }
  }

  /** Nothing selected: the experiment's own settings and its targets. */
  record ExperimentForm(List<Section> sections, List<TargetSection> targets)
      implements InspectorForm {
    public ExperimentForm {
      sections = List.copyOf(sections);
      targets = List.copyOf(targets);
    }

    @Override
    public List<InspectorField> fields() {
      List<InspectorField> all = new ArrayList<>();
      sections.forEach(s -> all.addAll(s.fields()));
      targets.forEach(t -> all.addAll(t.fields()));
      return all;
    }
  }

  /** Several steps selected: what they are, and a way to delete them. */
  record ManyStepsForm(List<String> ids) implements InspectorForm {
    public ManyStepsForm {
      ids = List.copyOf(ids);
    }

    @Override
    public List<InspectorField> fields() {
      return List.of();
    }
  }

  /** One step selected: its header, common fields, kind fields, parameters and target. */
  final class StepForm implements InspectorForm {
    private final String stepId;
    private final String kind;
    private final String title;
    private final String iconId;
    private final String docs;
    private final InspectorField id;
    private final Section settings;
    private final Section parameters;
    private final ReadOnlyObjectWrapper<List<String>> after =
        new ReadOnlyObjectWrapper<>(this, "after", List.of());
    private final ReadOnlyObjectWrapper<TargetSection> target =
        new ReadOnlyObjectWrapper<>(this, "target");
    private final ReadOnlyObjectWrapper<List<Problem>> stepProblems =
        new ReadOnlyObjectWrapper<>(this, "stepProblems", List.of());

    StepForm(
        String stepId,
        String kind,
        String title,
        String iconId,
        String docs,
        InspectorField id,
        Section settings,
        Section parameters) {
      this.stepId = stepId;
      this.kind = kind;
      this.title = title;
      this.iconId = iconId;
      this.docs = docs;
      this.id = id;
      this.settings = settings;
      this.parameters = parameters;
    }

    public String stepId() {
      return stepId;
    }

    /** attack, probe, wait or gate. */
    public String kind() {
      return kind;
    }

    /** The descriptor's title ("HTTP check"), or the kind for waits and gates. */
    public String title() {
      return title;
    }

    public String iconId() {
      return iconId;
    }

    /** The descriptor's description; empty for waits and gates. */
    public String docs() {
      return docs;
    }

    public InspectorField id() {
      return id;
    }

    /** Target, duration, mode, timing: what depends on the kind of step. */
    public Section settings() {
      return settings;
    }

    /** The descriptor's parameters; empty for waits and gates. */
    public Section parameters() {
      return parameters;
    }

    /** The ids this step runs after. */
    public ReadOnlyObjectProperty<List<String>> afterProperty() {
      return after.getReadOnlyProperty();
    }

    /** The editor of the target the step uses; null when it uses none (or an unknown one). */
    public ReadOnlyObjectProperty<TargetSection> targetProperty() {
      return target.getReadOnlyProperty();
    }

    /** Problems about the step that no field shows (a missing parameter, an unknown attack). */
    public ReadOnlyObjectProperty<List<Problem>> stepProblemsProperty() {
      return stepProblems.getReadOnlyProperty();
    }

    void setAfter(List<String> ids) {
      if (!ids.equals(after.get())) {
        after.set(List.copyOf(ids));
      }
    }

    void setTarget(TargetSection section) {
      target.set(section);
    }

    void setStepProblems(List<Problem> problems) {
      if (!problems.equals(stepProblems.get())) {
        stepProblems.set(List.copyOf(problems));
      }
    }

    @Override
    public List<InspectorField> fields() {
      List<InspectorField> all = new ArrayList<>();
      all.add(id);
      all.addAll(settings.fields());
      all.addAll(parameters.fields());
      if (target.get() != null) {
        all.addAll(target.get().fields());
      }
      return all;
    }
  }
}
