package dev.faultline.app.run;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The last look before a run: the context (protected ones say so in red and need their name typed),
 * live or dry, and for each attack the fault and the pods it would hit now. A multi-cluster run
 * lists every context it uses; each protected one needs its own name typed, and a context the
 * kubeconfig lacks keeps Run disabled. Shown without blocking; the answer goes to a callback.
 */
final class RunConfirmDialog extends Dialog<ButtonType> {

  static final ButtonType RUN = new ButtonType("Run", ButtonBar.ButtonData.OK_DONE);
  static final ButtonType DRY_RUN = new ButtonType("Dry Run", ButtonBar.ButtonData.OK_DONE);

  /** Pod names listed per attack before "and N more". */
  private static final int SHOWN_PODS = 6;

  RunConfirmDialog(Window owner, RunPlan plan) {
    initOwner(owner);
    setTitle(plan.dryRun() ? "Dry Run" : "Run Experiment");
    setHeaderText(
        (plan.dryRun() ? "Dry run " : "Run ")
            + plan.experiment()
            + " on "
            + plan.context()
            + (plan.protectedContext() ? " (protected)" : "")
            + "?");
    getDialogPane().setId("run-confirm");
    getDialogPane().getStyleClass().add("run-confirm");

    VBox body = new VBox(10);
    body.setPadding(new Insets(4, 0, 4, 0));
    body.getChildren().add(modeLine(plan));
    if (plan.multiCluster()) {
      body.getChildren().add(contextsLine(plan));
    }
    if (!plan.overlaps().isEmpty()) {
      body.getChildren().add(overlapLine(plan.overlaps()));
    }
    for (RunPlan.PlannedAttack attack : plan.attacks()) {
      body.getChildren().add(attackLine(attack));
    }
    if (plan.attacks().isEmpty()) {
      body.getChildren().add(muted("No attacks: the run only checks its probes."));
    }
    body.getChildren()
        .add(muted(plan.probes() + (plan.probes() == 1 ? " probe" : " probes") + " will run."));

    ButtonType go = plan.dryRun() ? DRY_RUN : RUN;
    getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);
    Button goButton = (Button) getDialogPane().lookupButton(go);
    goButton.setId("confirm-run");
    if (!plan.dryRun()) {
      goButton.getStyleClass().add(Styles.DANGER);
    }

    VBox content = new VBox(12);
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    int overlapHeight = plan.overlaps().isEmpty() ? 0 : 44 + 36 * plan.overlaps().size();
    scroll.setPrefViewportHeight(Math.min(360, 60 + 56 * plan.attacks().size() + overlapHeight));
    scroll.setPrefViewportWidth(560);
    content.getChildren().add(scroll);
    // Nothing may start while a context cannot even be opened: the run would fail at preflight.
    BooleanExpression refused = new SimpleBooleanProperty(!plan.missingContexts().isEmpty());
    for (String missing : plan.missingContexts()) {
      String end = missing.endsWith("?") || missing.endsWith(".") ? "" : ".";
      Label problem =
          new Label(
              "\u26a0 The experiment names " + missing + end + " Nothing runs until it is fixed.");
      problem.setWrapText(true);
      problem.getStyleClass().addAll(Styles.DANGER, "missing-context");
      content.getChildren().add(problem);
    }
    List<TextField> typedNames = new ArrayList<>();
    for (String context : plan.dryRun() ? List.<String>of() : plan.protectedContexts()) {
      Label ask =
          new Label(
              "\u26a0 "
                  + context
                  + " is a protected context. Type its name to run the experiment there:");
      ask.setWrapText(true);
      ask.getStyleClass().add(Styles.DANGER);
      TextField typed = new TextField();
      // The run's own keeps the id it always had; the others are told apart by name.
      typed.setId(
          context.equals(plan.context())
              ? "confirm-context-name"
              : "confirm-context-name-" + context);
      typed.setPromptText(context);
      refused = refused.or(typed.textProperty().isNotEqualTo(context));
      content.getChildren().addAll(ask, typed);
      typedNames.add(typed);
    }
    goButton.disableProperty().bind(refused);
    if (!typedNames.isEmpty()) {
      setOnShown(event -> typedNames.getFirst().requestFocus());
    }
    getDialogPane().setContent(content);
  }

  /**
   * "Acts on east (connected) and west (protected: type its name below)": every cluster of a
   * multi-cluster run, so none is a surprise.
   */
  static String contexts(RunPlan plan) {
    List<String> parts = new ArrayList<>();
    parts.add(plan.context() + " (connected" + (plan.protectedContext() ? ", protected)" : ")"));
    for (RunPlan.OtherContext other : plan.others()) {
      String state =
          !other.missing().isEmpty()
              ? "not in the kubeconfig"
              : other.protectedContext()
                  ? (plan.dryRun() ? "protected" : "protected: type its name below")
                  : "opened when the run starts";
      parts.add(other.name() + " (" + state + ")");
    }
    String last = parts.removeLast();
    return "Acts on " + String.join(", ", parts) + " and " + last + ".";
  }

  private static Node contextsLine(RunPlan plan) {
    Label line = new Label(contexts(plan));
    line.setId("run-contexts");
    line.setWrapText(true);
    line.getStyleClass().add(Styles.TEXT_BOLD);
    return line;
  }

  /** Shows the dialog and calls {@code onAnswer} with true when the user confirmed. */
  void ask(Consumer<Boolean> onAnswer) {
    setOnHidden(
        event -> {
          ButtonType answer = getResult();
          onAnswer.accept(answer == RUN || answer == DRY_RUN);
        });
    show();
  }

  private static Node modeLine(RunPlan plan) {
    Label mode =
        new Label(
            plan.dryRun()
                ? "Dry run: targets are resolved and probes run once; no fault is applied."
                : podsHit(plan)
                    + elsewhere(plan)
                    + " will be hit. Every fault is journaled before it is applied and"
                    + " rolled back at the end, on failure, cancel or emergency stop.");
    mode.setWrapText(true);
    mode.getStyleClass().add(plan.dryRun() ? Styles.ACCENT : Styles.WARNING);
    return mode;
  }

  /**
   * "1 pod", or "2 pods (freeze 2, kill 2)" when several attacks share the distinct count, so the
   * total is never mistaken for a sum.
   */
  static String podsHit(RunPlan plan) {
    int distinct = plan.podsHit();
    String total = distinct + (distinct == 1 ? " pod" : " pods");
    List<RunPlan.PlannedAttack> hitting =
        plan.attacks().stream().filter(a -> !a.pods().isEmpty()).toList();
    if (hitting.size() < 2) {
      return total;
    }
    return total
        + hitting.stream()
            .map(a -> a.stepId() + " " + a.pods().size())
            .collect(Collectors.joining(", ", " (", ")"));
  }

  /**
   * " in east, plus the pods selected in west at start,": attacks on another context are resolved
   * only when the run opens it. Empty when every attack acts on the run's own context.
   */
  static String elsewhere(RunPlan plan) {
    List<String> others =
        plan.attacks().stream()
            .map(RunPlan.PlannedAttack::context)
            .filter(c -> !c.isEmpty())
            .distinct()
            .toList();
    return others.isEmpty()
        ? ""
        : " in "
            + plan.context()
            + ", plus the pods selected in "
            + String.join(", ", others)
            + " at start,";
  }

  /** Other runs in progress on the same objects: the two would disturb each other's results. */
  private static Node overlapLine(List<String> overlaps) {
    Label title =
        new Label(
            "\u26a0 Another run in progress acts on the same objects; the runs will disturb each"
                + " other's results:");
    title.setWrapText(true);
    title.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_BOLD);
    VBox line = new VBox(2, title);
    for (String overlap : overlaps) {
      Label item = new Label("\u2022 " + overlap);
      item.setWrapText(true);
      item.getStyleClass().add(Styles.WARNING);
      line.getChildren().add(item);
    }
    line.setId("run-overlap");
    return line;
  }

  private static Node attackLine(RunPlan.PlannedAttack attack) {
    Label title = new Label(attack.stepId() + " \u00b7 " + attack.fault());
    title.getStyleClass().add(Styles.TEXT_BOLD);
    title.setWrapText(true);
    Label target =
        muted(
            "target "
                + attack.target()
                + (attack.context().isEmpty()
                    ? " \u2192 " + pods(attack.pods())
                    : " in " + attack.context() + " \u2192 pods resolved there at start"));
    VBox line = new VBox(2, title, target);
    line.getStyleClass().add("planned-attack");
    if (!attack.problem().isEmpty()) {
      Label problem = new Label("\u26a0 " + attack.problem());
      problem.getStyleClass().add(Styles.WARNING);
      problem.setWrapText(true);
      line.getChildren().add(problem);
    }
    return line;
  }

  private static String pods(List<String> pods) {
    if (pods.isEmpty()) {
      return "no pods";
    }
    String shown = String.join(", ", pods.subList(0, Math.min(SHOWN_PODS, pods.size())));
    String more = pods.size() > SHOWN_PODS ? " and " + (pods.size() - SHOWN_PODS) + " more" : "";
    return pods.size() + (pods.size() == 1 ? " pod: " : " pods: ") + shown + more;
  }

  private static Label muted(String text) {
    Label label = new Label(text);
    label.getStyleClass().add(Styles.TEXT_MUTED);
    label.setWrapText(true);
    return label;
  }
}
