package dev.faultline.designer.document;

import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.format.Syntax;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The validation problems of the document, recomputed in the background after every change, with
 * line and column in the document's text as the text view shows it. While the text view holds text
 * that does not parse, its read problems are the problems.
 *
 * <p>Validation runs off the FX thread and never queues up: while one runs, further changes only
 * mark it stale, and one more run starts with the latest content when it ends.
 */
public final class DocumentProblems {

  private static final Pattern STEP_PATH = Pattern.compile("^spec\\.steps\\[(\\d+)]");
  private static final Pattern TARGET_PATH = Pattern.compile("^spec\\.targets\\.([^.\\[]+)");

  /** The problems of one validated state, with the experiment they belong to. */
  public record Report(Experiment experiment, List<Problem> problems) {
    public Report {
      problems = List.copyOf(problems);
    }
  }

  private final ExperimentDocument document;
  private final UiTaskExecutor tasks;
  private final Validator validator;

  private final ReadOnlyObjectWrapper<List<Problem>> problems =
      new ReadOnlyObjectWrapper<>(this, "problems", List.of());
  private final ReadOnlyObjectWrapper<Map<String, List<Problem>>> byStep =
      new ReadOnlyObjectWrapper<>(this, "byStep", Map.of());

  private boolean running;
  private boolean stale;
  private Report latest = new Report(ExperimentDocument.blank(), List.of());

  public DocumentProblems(ExperimentDocument document, UiTaskExecutor tasks, Validator validator) {
    this.document = document;
    this.tasks = tasks;
    this.validator = validator;
    document.revisionProperty().addListener((obs, old, now) -> refresh());
    refresh();
  }

  /** All problems, in source order. */
  public List<Problem> problems() {
    return problems.get();
  }

  public ReadOnlyObjectProperty<List<Problem>> problemsProperty() {
    return problems.getReadOnlyProperty();
  }

  /**
   * Problems by step id: a step's own problems plus those of the target it uses, for the canvas's
   * badges.
   */
  public ReadOnlyObjectProperty<Map<String, List<Problem>>> byStepProperty() {
    return byStep.getReadOnlyProperty();
  }

  /** The step a problem is about, if it is about one: to select it when the problem is clicked. */
  public Optional<String> stepOf(Problem problem) {
    Matcher m = STEP_PATH.matcher(problem.path());
    if (!m.find()) {
      return Optional.empty();
    }
    List<Step> steps = latest.experiment().spec().steps();
    int index = Integer.parseInt(m.group(1));
    return index < steps.size() ? Optional.of(steps.get(index).id()) : Optional.empty();
  }

  private void refresh() {
    if (running) {
      stale = true;
      return;
    }
    running = true;
    stale = false;
    Experiment experiment = document.experiment();
    Syntax syntax = document.syntax();
    String unparsed = document.unparsedText().orElse(null);
    tasks.execute(
        () -> check(experiment, syntax, unparsed),
        report -> {
          running = false;
          publish(report);
          if (stale) {
            refresh();
          }
        },
        failure -> {
          running = false;
          publish(
              new Report(
                  experiment,
                  List.of(Problem.error("", "Cannot check the experiment: " + failure))));
          if (stale) {
            refresh();
          }
        });
  }

  /** Validates as the file would be: written in the document's syntax and read back. */
  private Report check(Experiment experiment, Syntax syntax, String unparsed) {
    ExperimentReader reader = new ExperimentReader();
    if (unparsed != null) {
      ReadResult read = reader.read(unparsed, syntax).validated(validator);
      return new Report(read.experiment().orElse(experiment), read.problems());
    }
    ReadResult read =
        reader.read(ExperimentFormat.write(experiment, syntax), syntax).validated(validator);
    return new Report(experiment, read.problems());
  }

  private void publish(Report report) {
    latest = report;
    problems.set(report.problems());
    byStep.set(groupByStep(report));
  }

  private static Map<String, List<Problem>> groupByStep(Report report) {
    List<Step> steps = report.experiment().spec().steps();
    Map<String, List<Problem>> byStep = new LinkedHashMap<>();
    for (Problem problem : report.problems()) {
      Matcher step = STEP_PATH.matcher(problem.path());
      if (step.find()) {
        int index = Integer.parseInt(step.group(1));
        if (index < steps.size()) {
          byStep.computeIfAbsent(steps.get(index).id(), id -> new ArrayList<>()).add(problem);
        }
        continue;
      }
      Matcher target = TARGET_PATH.matcher(problem.path());
      if (target.find()) {
        String name = target.group(1);
        for (Step s : steps) {
          if (name.equals(targetOf(s))) {
            byStep.computeIfAbsent(s.id(), id -> new ArrayList<>()).add(problem);
          }
        }
      }
    }
    byStep.replaceAll((id, list) -> List.copyOf(list));
    return Map.copyOf(byStep);
  }

  private static String targetOf(Step step) {
    return switch (step) {
      case AttackStep a -> a.target();
      case ProbeStep p -> p.target();
      default -> null;
    };
  }
}
