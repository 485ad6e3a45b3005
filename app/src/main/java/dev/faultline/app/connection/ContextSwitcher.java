package dev.faultline.app.connection;

import atlantafx.base.theme.Styles;
import dev.faultline.cluster.ClusterTarget;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;

/**
 * The compact cluster chooser at the right end of the menu bar: a status light and the context
 * name; its menu lists the embedded sandbox and every kubeconfig context (protected ones with a
 * "protected" badge), plus kubeconfig problems, a reload item and, for a kubeconfig context, an
 * item that protects it (or, after a confirmation, lifts its protection). Choosing a target (also
 * the current one, to retry) reconnects in the background.
 */
public final class ContextSwitcher extends MenuButton {

  /** The text of the item that reads the kubeconfig files again. */
  static final String RELOAD = "Reload kubeconfig";

  /** The text of the badge on protected contexts. */
  static final String PROTECTED = "protected";

  private final ConnectionViewModel viewModel;

  /**
   * Builds the switcher for a view model.
   *
   * @param viewModel the connection it shows and changes
   */
  public ContextSwitcher(ConnectionViewModel viewModel) {
    this.viewModel = viewModel;
    setId("context-switcher");
    getStyleClass().addAll("context-switcher", Styles.FLAT);
    setMnemonicParsing(false);
    setGraphic(PhaseStyle.dot(viewModel.phaseProperty()));
    textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  ClusterTarget target = viewModel.targetProperty().get();
                  return target == null ? "No cluster" : title(target);
                },
                viewModel.targetProperty()));
    Tooltip tooltip = new Tooltip();
    tooltip.textProperty().bind(viewModel.detailsProperty());
    setTooltip(tooltip);

    viewModel.targets().addListener((ListChangeListener<ClusterTarget>) change -> rebuild());
    viewModel.problems().addListener((ListChangeListener<String>) change -> rebuild());
    viewModel.protectedContexts().addListener((SetChangeListener<String>) change -> rebuild());
    viewModel.targetProperty().subscribe(target -> rebuild());
  }

  /**
   * The context and, for kubeconfig contexts, its namespace ({@code "prod-eu · payments"}): where
   * kubectl would act, always in sight. The sandbox has no namespace of its own.
   */
  static String title(ClusterTarget target) {
    return switch (target) {
      case ClusterTarget.KubeContext context ->
          context.contextName() + ConnectionViewModel.SEPARATOR + context.context().namespace();
      case ClusterTarget.EmbeddedSandbox sandbox -> sandbox.contextName();
    };
  }

  private void rebuild() {
    ToggleGroup group = new ToggleGroup();
    ClusterTarget selected = viewModel.targetProperty().get();
    List<MenuItem> items = new ArrayList<>();
    List<ClusterTarget> targets = viewModel.targets();
    for (int i = 0; i < targets.size(); i++) {
      ClusterTarget target = targets.get(i);
      RadioMenuItem item = new RadioMenuItem(target.label());
      item.setMnemonicParsing(false);
      item.setToggleGroup(group);
      item.setSelected(target.equals(selected));
      item.setOnAction(event -> viewModel.connect(target));
      if (viewModel.isProtected(target)) {
        item.setGraphic(badge());
        item.getStyleClass().add("protected-context");
      }
      items.add(item);
      if (target instanceof ClusterTarget.EmbeddedSandbox) {
        items.add(new SeparatorMenuItem());
      }
    }
    if (targets.stream().noneMatch(ClusterTarget.KubeContext.class::isInstance)) {
      items.add(note("No kubeconfig contexts"));
    }
    for (String problem : viewModel.problems()) {
      MenuItem item = note("\u26a0 " + problem);
      item.getStyleClass().add("kubeconfig-problem");
      items.add(item);
    }
    items.add(new SeparatorMenuItem());
    MenuItem reload = new MenuItem(RELOAD);
    reload.setOnAction(event -> viewModel.reloadContexts());
    items.add(reload);
    if (selected instanceof ClusterTarget.KubeContext context) {
      items.add(protectItem(context.contextName(), viewModel.isProtected(selected)));
    }
    getItems().setAll(items);
  }

  /** The text of the check item that protects the current context. */
  static String protectText(String contextName) {
    return "Protect " + contextName + " (runs need its name typed)";
  }

  /**
   * Protects the current context at once; lifting the protection of a production context is the
   * unsafe direction, so it asks first.
   */
  private MenuItem protectItem(String contextName, boolean isProtected) {
    CheckMenuItem item = new CheckMenuItem(protectText(contextName));
    item.setId("protect-context");
    item.setMnemonicParsing(false);
    item.setSelected(isProtected);
    item.setOnAction(
        event -> {
          if (item.isSelected()) {
            viewModel.setProtected(contextName, true);
          } else {
            item.setSelected(true); // stays protected unless the user confirms below
            confirmUnprotect(contextName);
          }
        });
    return item;
  }

  private void confirmUnprotect(String contextName) {
    ButtonType lift = new ButtonType("Remove Protection", ButtonBar.ButtonData.OK_DONE);
    Alert ask =
        new Alert(
            Alert.AlertType.WARNING,
            "Runs on "
                + contextName
                + " will start after a plain confirmation, without typing the context's name,"
                + " and `faultline run` will no longer ask for --yes-i-mean-"
                + contextName
                + ".",
            lift,
            ButtonType.CANCEL);
    if (getScene() != null) {
      ask.initOwner(getScene().getWindow());
    }
    ask.setHeaderText("Remove the protection of " + contextName + "?");
    ask.getDialogPane().setId("confirm-unprotect");
    ask.setOnHidden(
        event -> {
          if (ask.getResult() == lift) {
            viewModel.setProtected(contextName, false);
          }
        });
    ask.show();
  }

  /** A small word badge, so production contexts stand out in the list. */
  private static Label badge() {
    Label badge = new Label(PROTECTED);
    badge.getStyleClass().add("protected-badge");
    badge.setMnemonicParsing(false);
    return badge;
  }

  private static MenuItem note(String text) {
    MenuItem item = new MenuItem(text);
    item.setMnemonicParsing(false);
    item.setDisable(true);
    return item;
  }
}
