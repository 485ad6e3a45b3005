package dev.faultline.app;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Start-up timing, off unless asked for: with {@value #ENV}{@code =1} in the environment the app
 * records when its first frame, the built window and the opened file were on screen, prints one
 * {@code LAUNCH} line of {@code key=millis} pairs measured from the JVM start, and exits.
 *
 * <p>Two things need it in the shipped app rather than in a test: the launch benchmark times the
 * packaged app as users start it (its launcher, runtime and AOT cache), and the installer build's
 * training run, which records the classes a start-up loads into that AOT cache, needs a start-up
 * that ends by itself. An environment variable, not an option, so the launcher's command line stays
 * the user's.
 *
 * <p>A mark counts once the pulse after it has completed: CSS, layout and the frame handed to the
 * renderer.
 */
public final class LaunchProbe {

  /** The environment variable that turns the probe on. */
  public static final String ENV = "FAULTLINE_LAUNCH_PROBE";

  /** The line the benchmark looks for. */
  public static final String PREFIX = "LAUNCH ";

  /** A start-up that never reaches its last mark (a file that fails to open) still ends. */
  private static final long GIVE_UP_SECONDS = 120;

  private final Map<String, Long> marks = new LinkedHashMap<>();
  private final int expectedMarks;

  private LaunchProbe(int expectedMarks) {
    this.expectedMarks = expectedMarks;
  }

  /** The probe when {@value #ENV} is set to {@code 1} or {@code true}, else empty. */
  static Optional<LaunchProbe> fromEnvironment(int expectedMarks) {
    String value = System.getenv(ENV);
    boolean on = value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    return on ? Optional.of(new LaunchProbe(expectedMarks)) : Optional.empty();
  }

  /**
   * Watches {@code stage}, which must not be showing yet, marking {@code firstFrame} after it is
   * shown.
   *
   * @param expectedMarks how many marks to wait for before printing and exiting (1: first frame)
   */
  public static LaunchProbe watch(Stage stage, int expectedMarks) {
    LaunchProbe probe = new LaunchProbe(expectedMarks);
    probe.observe(stage);
    return probe;
  }

  /** Marks {@code firstFrame} once {@code stage}, not showing yet, has been shown. */
  void observe(Stage stage) {
    stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> afterNextPulse(stage, "firstFrame"));
    Thread giveUp =
        Thread.ofPlatform()
            .daemon()
            .name("launch-probe-timeout")
            .unstarted(
                () -> {
                  try {
                    TimeUnit.SECONDS.sleep(GIVE_UP_SECONDS);
                  } catch (InterruptedException e) {
                    return;
                  }
                  System.err.println("launch probe: gave up after " + GIVE_UP_SECONDS + " s");
                  Platform.runLater(() -> print(3));
                });
    giveUp.start();
  }

  /** Records {@code name} once the pulse after now has completed. */
  public void afterNextPulse(Stage stage, String name) {
    Runnable[] listener = new Runnable[1];
    listener[0] =
        () -> {
          stage.getScene().removePostLayoutPulseListener(listener[0]);
          // runLater from within the pulse runs once the pulse (and its frame) is done.
          Platform.runLater(() -> mark(name));
        };
    stage.getScene().addPostLayoutPulseListener(listener[0]);
    Platform.requestNextPulse();
  }

  private void mark(String name) {
    marks.putIfAbsent(name, System.currentTimeMillis());
    if (marks.size() >= expectedMarks) {
      print(0);
    }
  }

  private void print(int status) {
    // Not the process start: on Linux it is derived from the boot time in whole seconds and was
    // seen a second off. Read after the marks: loading java.management must not count as launch
    // time.
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    var line = new StringJoiner(" ", PREFIX, "");
    marks.forEach((mark, at) -> line.add(mark + "FromJvmStart=" + (at - jvmStart)));
    System.out.println(line);
    System.out.flush();
    // Ends the same abrupt way in every program timed: shutdown is not part of the measurement.
    // Exit, not halt: the AOT training run writes its cache at exit.
    System.exit(status);
  }
}
