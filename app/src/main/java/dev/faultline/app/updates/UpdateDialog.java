package dev.faultline.app.updates;

import dev.faultline.updates.Release;
import dev.faultline.updates.UpdateStatus;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The answer of Help › Check for Updates…: a newer release, up to date, or why it failed. */
final class UpdateDialog {

  /** The button that opens the release page in the browser. */
  static final ButtonType OPEN_PAGE =
      new ButtonType("Open Download Page", ButtonBar.ButtonData.OK_DONE);

  private UpdateDialog() {}

  /**
   * A newer release: its version, the first lines of its notes and a button to its page (none when
   * the feed gave no web page).
   *
   * @param browser opens the page; called only when the user asks
   */
  static Alert available(Window owner, UpdateStatus.Available status, Consumer<String> browser) {
    Release release = status.release();
    Alert alert =
        base(
            owner, Alert.AlertType.INFORMATION, "Faultline " + release.version() + " is available");
    Label current =
        new Label(
            "You have "
                + status.current()
                + ". Faultline never downloads or installs anything itself.");
    current.setWrapText(true);
    VBox content = new VBox(8, current);
    String notes = release.notesExcerpt();
    if (!notes.isEmpty()) {
      TextArea excerpt = new TextArea(notes);
      excerpt.setId("update-notes");
      excerpt.setEditable(false);
      excerpt.setWrapText(true);
      excerpt.setPrefRowCount(Math.min(8, (int) notes.lines().count() + 1));
      content.getChildren().addAll(new Label("Release notes:"), excerpt);
    }
    alert.getDialogPane().setContent(content);
    release
        .page()
        .ifPresentOrElse(
            page -> {
              alert.getButtonTypes().setAll(OPEN_PAGE, ButtonType.CLOSE);
              alert
                  .resultProperty()
                  .addListener(
                      (obs, old, now) -> {
                        if (now == OPEN_PAGE) {
                          browser.accept(page.toString());
                        }
                      });
            },
            () -> alert.getButtonTypes().setAll(ButtonType.CLOSE));
    return alert;
  }

  /** Nothing newer than the running version. */
  static Alert upToDate(Window owner, UpdateStatus.UpToDate status) {
    Alert alert =
        base(owner, Alert.AlertType.INFORMATION, "You're up to date (" + status.current() + ")");
    alert.setContentText("The newest release is " + status.latest() + ".");
    return alert;
  }

  /** The check failed: the message names the feed's URL and the cause. */
  static Alert failed(Window owner, String message) {
    Alert alert = base(owner, Alert.AlertType.WARNING, "Cannot check for updates");
    alert.setContentText(message);
    return alert;
  }

  private static Alert base(Window owner, Alert.AlertType type, String header) {
    Alert alert = new Alert(type);
    alert.initOwner(owner);
    alert.setTitle("Check for Updates");
    alert.setHeaderText(header);
    alert.getDialogPane().setId("update-dialog");
    alert.getDialogPane().setMinWidth(460);
    return alert;
  }
}
