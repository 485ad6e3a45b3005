package dev.faultline.app.prefs;

import java.time.Duration;
import javafx.animation.PauseTransition;

/**
 * Runs an action on the FX thread after a delay: the scheduling hook of {@link RecoveryAutosaver},
 * so tests can drive time by hand.
 */
@FunctionalInterface
public interface DelayScheduler {

  /**
   * Runs {@code action} on the FX thread after {@code delay}.
   *
   * @return cancels the action if it has not run yet
   */
  Runnable schedule(Duration delay, Runnable action);

  /** The real one: a {@link PauseTransition}; call on the FX thread. */
  static DelayScheduler fx() {
    return (delay, action) -> {
      var pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
      pause.setOnFinished(event -> action.run());
      pause.play();
      return pause::stop;
    };
  }
}
