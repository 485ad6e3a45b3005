package dev.faultline.designer.problems;

import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.validate.Problem;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The problems panel's state: the document's problems, filtered by severity, with a summary, and
 * what activating one does (select its step, reveal it in the text view).
 */
public final class ProblemsViewModel {

  private final DocumentProblems problems;
  private final StepSelection selection;
  private final Consumer<Problem> reveal;

  private final BooleanProperty showErrors = new SimpleBooleanProperty(this, "showErrors", true);
  private final BooleanProperty showWarnings =
      new SimpleBooleanProperty(this, "showWarnings", true);
  private final ReadOnlyObjectWrapper<List<Problem>> rows =
      new ReadOnlyObjectWrapper<>(this, "rows", List.of());
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
  private final ReadOnlyIntegerWrapper errors = new ReadOnlyIntegerWrapper(this, "errors");
  private final ReadOnlyIntegerWrapper warnings = new ReadOnlyIntegerWrapper(this, "warnings");

  public ProblemsViewModel(
      DocumentProblems problems, StepSelection selection, Consumer<Problem> reveal) {
    this.problems = Objects.requireNonNull(problems, "problems");
    this.selection = Objects.requireNonNull(selection, "selection");
    this.reveal = Objects.requireNonNull(reveal, "reveal");
    problems.problemsProperty().addListener((obs, old, now) -> update());
    showErrors.addListener((obs, old, now) -> update());
    showWarnings.addListener((obs, old, now) -> update());
    update();
  }

  /** The problems shown, in source order, after the severity filters. */
  public ReadOnlyObjectProperty<List<Problem>> rowsProperty() {
    return rows.getReadOnlyProperty();
  }

  public List<Problem> rows() {
    return rows.get();
  }

  /** {@code 2 errors, 1 warning}, or {@code No problems}; counts all, whatever is filtered. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty errorCountProperty() {
    return errors.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty warningCountProperty() {
    return warnings.getReadOnlyProperty();
  }

  public BooleanProperty showErrorsProperty() {
    return showErrors;
  }

  public BooleanProperty showWarningsProperty() {
    return showWarnings;
  }

  /** Selects the problem's step, if it has one, and asks the text view to show it. */
  public void activate(Problem problem) {
    problems.stepOf(problem).ifPresent(selection::select);
    reveal.accept(problem);
  }

  /** {@code 12:5}, or empty when the problem has no position in the text. */
  public static String location(Problem problem) {
    return problem.hasPosition() ? problem.line() + ":" + Math.max(problem.column(), 1) : "";
  }

  /** The step the problem is about, else its path ({@code spec.targets.checkout}). */
  public String where(Problem problem) {
    return problems.stepOf(problem).orElse(problem.path());
  }

  private void update() {
    List<Problem> all = problems.problems();
    int errorCount = (int) all.stream().filter(Problem::isError).count();
    int warningCount = all.size() - errorCount;
    errors.set(errorCount);
    warnings.set(warningCount);
    summary.set(summaryOf(errorCount, warningCount));
    rows.set(
        all.stream()
            .filter(p -> p.isError() ? showErrors.get() : showWarnings.get())
            .sorted(Problem.SOURCE_ORDER)
            .toList());
  }

  static String summaryOf(int errorCount, int warningCount) {
    if (errorCount == 0 && warningCount == 0) {
      return "No problems";
    }
    String e = count(errorCount, "error");
    String w = count(warningCount, "warning");
    if (errorCount == 0) {
      return w;
    }
    return warningCount == 0 ? e : e + ", " + w;
  }

  private static String count(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
