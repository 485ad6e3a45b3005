package dev.faultline.app;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Help > About Faultline. */
final class AboutDialog {

  private AboutDialog() {}

  /**
   * Creates the dialog; the caller shows it. The theme styles it like every other window.
   *
   * @param owner the main window, so the dialog centres on it
   */
  static Alert create(Window owner) {
    Alert alert = new Alert(Alert.AlertType.INFORMATION);
    alert.initOwner(owner);
    alert.setTitle("About Faultline");
    alert.setHeaderText("Faultline " + AppVersion.current());
    alert.setContentText(
        "Design, preview, run and export chaos experiments for Kubernetes.\n\n"
            + "Java "
            + Runtime.version()
            + "  \u00b7  JavaFX "
            + System.getProperty("javafx.version", "?")
            + "\n\nNo account, no telemetry. Faultline looks for updates only when asked: Help \u203a"
            + " Check for Updates\u2026, or daily at start-up if you turn that on in the Help"
            + " menu.");
    alert.getDialogPane().setId("about-dialog");
    return alert;
  }
}
