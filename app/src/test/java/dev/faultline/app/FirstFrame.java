package dev.faultline.app;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The measuring end of the launch benchmark, shared by both child programs so they are timed alike:
 * the first window counts as up once it has been shown and one pulse (CSS, layout, the frame handed
 * to the renderer) has completed. The child then prints one {@code LAUNCH} line of {@code
 * key=millis} pairs, measured from the process start and from the JVM start, and exits.
 */
final class FirstFrame {

  /** The line the benchmark looks for. */
  static final String PREFIX = "LAUNCH ";

  private final Map<String, Long> marks = new LinkedHashMap<>();
  private final int expectedMarks;

  private FirstFrame(int expectedMarks) {
    this.expectedMarks = expectedMarks;
  }

  /**
   * Watches {@code stage}, which must not be showing yet.
   *
   * @param expectedMarks how many {@link #mark} calls to wait for before exiting (1: first frame)
   */
  static FirstFrame watch(Stage stage, int expectedMarks) {
    FirstFrame frame = new FirstFrame(expectedMarks);
    stage.addEventHandler(
        WindowEvent.WINDOW_SHOWN, event -> frame.afterNextPulse(stage, "firstFrame"));
    return frame;
  }

  /** Records {@code name} once the pulse after now has completed. */
  void afterNextPulse(Stage stage, String name) {
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
    if (marks.size() < expectedMarks) {
      return;
    }
    // Not the process start: on Linux it is derived from the boot time in whole seconds and was
    // seen a second off. Read after the marks: loading java.management must not count as launch
    // time.
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    var line = new StringJoiner(" ", PREFIX, "");
    marks.forEach((mark, at) -> line.add(mark + "FromJvmStart=" + (at - jvmStart)));
    System.out.println(line);
    System.out.flush();
    // Both programs end the same abrupt way: shutdown is not part of the measurement.
    System.exit(0);
  }
}
