package dev.faultline.designer.inspector;

import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.inspector.FieldText.Parsed;
import dev.faultline.model.Experiment;
import dev.faultline.model.TimeSpan;
import dev.faultline.model.edit.Edit;
import dev.faultline.model.edit.EditRefused;
import dev.faultline.validate.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The view model of one inspector field: what it shows, how typing in it edits the document, and
 * the problems to show under it. No controls: the view binds one to it.
 *
 * <p>Every change of the text is an edit (so the canvas and the text view follow while typing),
 * carrying a merge key so the keystrokes of one field make one undo step; {@link #finishEditing()}
 * (focus lost, Enter) closes that step. Fields marked {@linkplain Builder#commitOnly() commit-only}
 * (the step id) apply only on {@link #commit}.
 *
 * <p>When the document changes, {@link #refresh} updates the text only if this field's value in the
 * model changed and differs from what was typed, so the caret of a field being edited stays put.
 */
public final class InspectorField {

  private final String key;
  private final String label;
  private final FieldEditor editor;
  private final Function<Experiment, String> prompt;
  private final String help;
  private final boolean commitOnly;
  private final Long min;
  private final Long max;
  private final Double numberMin;
  private final Double numberMax;
  private final Function<Experiment, Object> read;
  private final BiFunction<Experiment, Object, Edit> write;
  private final Function<Experiment, String> path;
  private final Function<Experiment, List<String>> choices;
  private final Predicate<Experiment> requiredWhen;
  private final Predicate<Experiment> visibleWhen;
  private final Predicate<Experiment> enabledWhen;
  private final Consumer<Object> afterEdit;

  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private final ReadOnlyStringWrapper promptText = new ReadOnlyStringWrapper(this, "prompt", "");
  private final ReadOnlyStringWrapper localProblem =
      new ReadOnlyStringWrapper(this, "localProblem");
  private final ReadOnlyObjectWrapper<List<Problem>> problems =
      new ReadOnlyObjectWrapper<>(this, "problems", List.of());
  private final ReadOnlyObjectWrapper<List<String>> choiceList =
      new ReadOnlyObjectWrapper<>(this, "choices", List.of());
  private final ReadOnlyBooleanWrapper required = new ReadOnlyBooleanWrapper(this, "required");
  private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(this, "visible", true);
  private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper(this, "enabled", true);

  private ExperimentDocument document;

  /** The value last seen in the model: refreshes that leave it alone leave the text alone too. */
  private Object modelValue;

  /** The value the text typed last stands for; the model catching up with it keeps the text. */
  private Object typedValue;

  private boolean typedSinceRefresh;

  private InspectorField(Builder b) {
    this.key = b.key;
    this.label = b.label;
    this.editor = b.editor;
    this.prompt = b.prompt;
    this.promptText.set(b.fixedPrompt);
    this.help = b.help;
    this.commitOnly = b.commitOnly;
    this.min = b.min;
    this.max = b.max;
    this.numberMin = b.numberMin;
    this.numberMax = b.numberMax;
    this.read = Objects.requireNonNull(b.read, "read");
    this.write = Objects.requireNonNull(b.write, "write");
    this.path = b.path;
    this.choices = b.choices;
    this.requiredWhen = b.requiredWhen;
    this.visibleWhen = b.visibleWhen;
    this.enabledWhen = b.enabledWhen;
    this.afterEdit = b.afterEdit;
  }

  /** Starts a field: {@code key} names it in merge keys and tests ({@code with.url}). */
  public static Builder builder(String key, String label, FieldEditor editor) {
    return new Builder(key, label, editor);
  }

  /** Connects the field to the document it edits and shows its current state. */
  void attach(ExperimentDocument target) {
    this.document = target;
    Experiment experiment = target.experiment();
    modelValue = read.apply(experiment);
    text.set(FieldText.format(editor, modelValue));
    refreshState(experiment);
  }

  /**
   * Disconnects the field when its form is replaced: a control that loses focus as it leaves the
   * scene must not edit the document (which is then still notifying its listeners).
   */
  void detach() {
    this.document = null;
  }

  /** Follows a change of the document (any view's edit, undo, redo). */
  void refresh(Experiment experiment) {
    Object now = read.apply(experiment);
    if (!Objects.equals(now, modelValue)) {
      modelValue = now;
      if (!(typedSinceRefresh && Objects.equals(now, typedValue))) {
        text.set(FieldText.format(editor, now));
        localProblem.set(null);
        typedSinceRefresh = false;
      }
    }
    refreshState(experiment);
  }

  private void refreshState(Experiment experiment) {
    if (prompt != null) {
      promptText.set(java.util.Objects.requireNonNullElse(prompt.apply(experiment), ""));
    }
    choiceList.set(choices == null ? List.of() : List.copyOf(choices.apply(experiment)));
    required.set(requiredWhen.test(experiment));
    visible.set(visibleWhen.test(experiment));
    enabled.set(enabledWhen.test(experiment));
  }

  /**
   * The user changed the text (a key stroke, a pick in a list). Applies it at once unless the field
   * is commit-only or the text cannot be written yet (a half-typed number).
   *
   * @return why the document refused the edit, if it did
   */
  public Optional<String> type(String newText) {
    String value = newText == null ? "" : newText;
    if (value.equals(text.get())) {
      return Optional.empty();
    }
    text.set(value);
    if (commitOnly) {
      localProblem.set(null);
      return Optional.empty();
    }
    return apply(value);
  }

  /** Enter or focus lost: applies a commit-only field, and ends this field's undo step. */
  public Optional<String> commit() {
    Optional<String> refusal = Optional.empty();
    if (commitOnly && !text.get().equals(FieldText.format(editor, modelValue))) {
      refusal = apply(text.get());
      if (refusal.isPresent()) {
        // The refusal stays visible; the field shows the value that still holds.
        text.set(FieldText.format(editor, modelValue));
        typedSinceRefresh = false;
      }
    }
    finishEditing();
    return refusal;
  }

  /** Ends the run of merged edits: a later edit of this field is a new undo step. */
  public void finishEditing() {
    if (document != null) {
      document.closeMerge();
    }
  }

  private Optional<String> apply(String value) {
    Parsed parsed = FieldText.parse(editor, value);
    if (!parsed.valid()) {
      localProblem.set(parsed.problem());
      return Optional.empty();
    }
    localProblem.set(localCheck(parsed.value()));
    typedValue = parsed.value();
    typedSinceRefresh = true;
    if (document == null) {
      return Optional.empty();
    }
    ExperimentDocument target = document;
    Optional<String> refusal;
    try {
      refusal = target.edit(write.apply(target.experiment(), parsed.value()));
    } catch (EditRefused gone) {
      // The step or target went away under the form (another view deleted it).
      refusal = Optional.of(gone.getMessage());
    }
    refusal.ifPresent(localProblem::set);
    if (refusal.isEmpty()) {
      afterEdit.accept(parsed.value());
    }
    return refusal;
  }

  /** Checks that need no validation run: ranges and durations, shown while typing. */
  private String localCheck(Object value) {
    if (value instanceof Number number) {
      double d = number.doubleValue();
      Double low = min != null ? Double.valueOf(min) : numberMin;
      Double high = max != null ? Double.valueOf(max) : numberMax;
      if ((low != null && d < low) || (high != null && d > high)) {
        return "Must be " + range(low, high);
      }
    }
    if (editor == FieldEditor.DURATION
        && value instanceof String s
        && TimeSpan.parse(s).isEmpty()) {
      return TimeSpan.problem(s);
    }
    return null;
  }

  private static String range(Double low, Double high) {
    if (low != null && high != null) {
      return "between "
          + FieldText.format(FieldEditor.NUMBER, low)
          + " and "
          + FieldText.format(FieldEditor.NUMBER, high);
    }
    return low != null
        ? "at least " + FieldText.format(FieldEditor.NUMBER, low)
        : "at most " + FieldText.format(FieldEditor.NUMBER, high);
  }

  /** Shows the validation problems that point at this field. */
  void showProblems(List<Problem> found) {
    if (!found.equals(problems.get())) {
      problems.set(List.copyOf(found));
    }
  }

  /** The problem path this field answers to in {@code experiment}, or null. */
  String problemPath(Experiment experiment) {
    return path == null ? null : path.apply(experiment);
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public FieldEditor editor() {
    return editor;
  }

  /** Grey text shown while empty: the default, or what empty means. */
  public String prompt() {
    return promptText.get();
  }

  /**
   * The prompt as it follows the document: a probe's context field shows its target's context,
   * which changes when the target's does.
   */
  public ReadOnlyStringProperty promptProperty() {
    return promptText.getReadOnlyProperty();
  }

  /** One or two sentences of help, or empty. */
  public String help() {
    return help;
  }

  /** Smallest value for number editors; null: unbounded. */
  public Double min() {
    return min != null ? Double.valueOf(min) : numberMin;
  }

  /** Largest value for number editors; null: unbounded. */
  public Double max() {
    return max != null ? Double.valueOf(max) : numberMax;
  }

  /** Whether typing applies only on Enter or focus lost. */
  public boolean isCommitOnly() {
    return commitOnly;
  }

  public String text() {
    return text.get();
  }

  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** A check of the typed text that needs no validation run, or a refusal; null when fine. */
  public ReadOnlyStringProperty localProblemProperty() {
    return localProblem.getReadOnlyProperty();
  }

  /** The validation problems whose path points at this field. */
  public ReadOnlyObjectProperty<List<Problem>> problemsProperty() {
    return problems.getReadOnlyProperty();
  }

  /**
   * The choices of a {@link FieldEditor#CHOICE} field, the suggestions of a {@link
   * FieldEditor#SUGGEST} one.
   */
  public ReadOnlyObjectProperty<List<String>> choicesProperty() {
    return choiceList.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty requiredProperty() {
    return required.getReadOnlyProperty();
  }

  public boolean isRequired() {
    return required.get();
  }

  /** Whether the field applies at all (retries only for probes that run once). */
  public ReadOnlyBooleanProperty visibleProperty() {
    return visible.getReadOnlyProperty();
  }

  /** Whether the field can be edited now (a blast radius value only for modes that take one). */
  public ReadOnlyBooleanProperty enabledProperty() {
    return enabled.getReadOnlyProperty();
  }

  @Override
  public String toString() {
    return key + "=" + text.get();
  }

  /** Builds an {@link InspectorField}; only read and write are required. */
  public static final class Builder {
    private final String key;
    private final String label;
    private final FieldEditor editor;
    private String fixedPrompt = "";
    private Function<Experiment, String> prompt;
    private String help = "";
    private boolean commitOnly;
    private Long min;
    private Long max;
    private Double numberMin;
    private Double numberMax;
    private Function<Experiment, Object> read;
    private BiFunction<Experiment, Object, Edit> write;
    private Function<Experiment, String> path;
    private Function<Experiment, List<String>> choices;
    private Predicate<Experiment> requiredWhen = e -> false;
    private Predicate<Experiment> visibleWhen = e -> true;
    private Predicate<Experiment> enabledWhen = e -> true;
    private Consumer<Object> afterEdit = value -> {};

    private Builder(String key, String label, FieldEditor editor) {
      this.key = Objects.requireNonNull(key, "key");
      this.label = Objects.requireNonNull(label, "label");
      this.editor = Objects.requireNonNull(editor, "editor");
    }

    public Builder prompt(String value) {
      this.fixedPrompt = value == null ? "" : value;
      this.prompt = null;
      return this;
    }

    /** A prompt computed from the document, updated with the field. */
    public Builder prompt(Function<Experiment, String> value) {
      this.prompt = value;
      return this;
    }

    public Builder help(String value) {
      this.help = value == null ? "" : value;
      return this;
    }

    public Builder commitOnly() {
      this.commitOnly = true;
      return this;
    }

    public Builder range(Double low, Double high) {
      if (editor == FieldEditor.NUMBER) {
        this.numberMin = low;
        this.numberMax = high;
      } else {
        this.min = low == null ? null : (long) Math.ceil(low);
        this.max = high == null ? null : (long) Math.floor(high);
      }
      return this;
    }

    /** Reads the field's plain value (null: absent) from an experiment. */
    public Builder read(Function<Experiment, Object> reader) {
      this.read = reader;
      return this;
    }

    /** Makes the edit that writes a plain value (null: remove). */
    public Builder write(BiFunction<Experiment, Object, Edit> writer) {
      this.write = writer;
      return this;
    }

    /** The path of problems about this field ({@code spec.steps[2].with.url}). */
    public Builder path(Function<Experiment, String> problemPath) {
      this.path = problemPath;
      return this;
    }

    public Builder choices(Function<Experiment, List<String>> list) {
      this.choices = list;
      return this;
    }

    public Builder choices(List<String> list) {
      List<String> copy = List.copyOf(list);
      this.choices = e -> copy;
      return this;
    }

    public Builder required(boolean always) {
      this.requiredWhen = e -> always;
      return this;
    }

    public Builder requiredWhen(Predicate<Experiment> test) {
      this.requiredWhen = test;
      return this;
    }

    public Builder visibleWhen(Predicate<Experiment> test) {
      this.visibleWhen = test;
      return this;
    }

    public Builder enabledWhen(Predicate<Experiment> test) {
      this.enabledWhen = test;
      return this;
    }

    /** Runs after an edit of this field was applied: a rename selects the renamed step. */
    public Builder afterEdit(Consumer<Object> action) {
      this.afterEdit = action;
      return this;
    }

    public InspectorField build() {
      return new InspectorField(this);
    }
  }
}
