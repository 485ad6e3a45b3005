package dev.faultline.app.updates;

import dev.faultline.app.prefs.UpdatePrefs;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.updates.UpdateCheckException;
import dev.faultline.updates.UpdateChecker;
import dev.faultline.updates.UpdateFeed;
import dev.faultline.updates.UpdateStatus;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.stage.Window;

/**
 * The opt-in update check of the main window: Help › Check for Updates… on demand, and, only when
 * the user turned it on, one quiet check at start-up at most once a day whose only trace is a
 * notice in the status bar. Off by default: then the app never contacts the feed on its own.
 *
 * <p>Lives on the FX thread; the network and the settings file are used through the {@link
 * UiTaskExecutor}.
 */
public final class UpdateCommands {

  private static final System.Logger LOG = System.getLogger(UpdateCommands.class.getName());

  private final UpdatePrefs prefs;
  private final UiTaskExecutor tasks;
  private final String currentVersion;
  private final Clock clock;
  private final Supplier<Window> owner;
  private final BooleanProperty checkOnStart = new SimpleBooleanProperty(this, "checkOnStart");
  private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
  private final ReadOnlyObjectWrapper<UpdateStatus.Available> available =
      new ReadOnlyObjectWrapper<>(this, "available");
  private Consumer<String> browser;

  /**
   * @param prefs the settings, already loaded
   * @param tasks runs the check and settings writes off the FX thread
   * @param currentVersion the running version
   * @param clock decides whether a check at start-up is due
   * @param owner the window dialogs belong to
   * @param browser opens a web page until {@link #setBrowser} gives the real one
   */
  public UpdateCommands(
      UpdatePrefs prefs,
      UiTaskExecutor tasks,
      String currentVersion,
      Clock clock,
      Supplier<Window> owner,
      Consumer<String> browser) {
    this.prefs = Objects.requireNonNull(prefs, "prefs");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.currentVersion = currentVersion;
    this.clock = clock;
    this.owner = owner;
    this.browser = browser;
    checkOnStart.set(prefs.checkOnStart());
    checkOnStart.addListener((obs, was, on) -> remember(on));
  }

  /** Where pages open: the app's {@code HostServices}, once the application has them. */
  public void setBrowser(Consumer<String> browser) {
    this.browser = Objects.requireNonNull(browser, "browser");
  }

  /** Whether to check when Faultline starts; changing it writes the setting in the background. */
  public BooleanProperty checkOnStartProperty() {
    return checkOnStart;
  }

  /** Whether a check started from the menu is under way. */
  public ReadOnlyBooleanProperty checkingProperty() {
    return checking.getReadOnlyProperty();
  }

  /** The newer release the start-up check found; {@code null} until then. */
  public ReadOnlyObjectProperty<UpdateStatus.Available> availableProperty() {
    return available.getReadOnlyProperty();
  }

  private UpdateChecker checker() {
    return new UpdateChecker(
        UpdateFeed.configured(), currentVersion, UpdateChecker.DEFAULT_TIMEOUT, false);
  }

  /** Help › Check for Updates…: checks now and shows the answer, whatever it is. */
  public void checkNow() {
    if (checking.get()) {
      return;
    }
    checking.set(true);
    UpdateChecker checker = checker();
    tasks.execute(
        checker::check,
        status -> {
          checking.set(false);
          switch (status) {
            case UpdateStatus.Available newer -> {
              available.set(newer);
              showAvailable(newer);
            }
            case UpdateStatus.UpToDate same -> UpdateDialog.upToDate(owner.get(), same).show();
          }
        },
        failure -> {
          checking.set(false);
          UpdateDialog.failed(owner.get(), message(checker, failure)).show();
        });
  }

  /** The dialog about {@code newer}: from the menu's check or the status bar's notice. */
  public void showAvailable(UpdateStatus.Available newer) {
    UpdateDialog.available(owner.get(), newer, url -> browser.accept(url)).show();
  }

  /**
   * At start-up, after the window is built: checks in the background if the user turned checking on
   * and the last check is a day old. A newer release shows as {@link #availableProperty()};
   * failures are only logged. The check counts even when it fails, so an offline machine is not
   * asked again at every start.
   */
  public void checkOnStartIfDue() {
    Instant now = clock.instant();
    if (!prefs.isDue(now)) {
      return;
    }
    UpdateChecker checker = checker();
    tasks.execute(
        () -> {
          try {
            prefs.markChecked(now);
          } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot record the update check: " + e.getMessage());
          }
          return checker.check();
        },
        status -> {
          if (status instanceof UpdateStatus.Available newer) {
            available.set(newer);
          }
        },
        failure -> LOG.log(Level.INFO, "update check failed: " + message(checker, failure)));
  }

  private void remember(boolean on) {
    tasks.execute(
        () -> {
          prefs.setCheckOnStart(on);
          return on;
        },
        done -> {},
        failure ->
            LOG.log(Level.WARNING, "cannot save the update setting: " + failure.getMessage()));
  }

  private static String message(UpdateChecker checker, Throwable failure) {
    if (failure instanceof UpdateCheckException e) {
      return e.getMessage();
    }
    // Not expected; still a sentence, not a stack trace.
    return "Cannot check " + checker.address() + ": " + failure;
  }
}
