package dev.faultline.export;

import dev.faultline.model.Experiment;
import java.util.ArrayList;
import java.util.List;

/**
 * What formats without loops or schedules (Chaos Toolkit, Java) say about {@code spec.loop} and
 * {@code spec.schedule}, so neither is dropped silently.
 */
public final class LoopScheduleWarnings {
  private LoopScheduleWarnings() {}

  /**
   * @param format the target format's name, as the warnings say it
   */
  public static List<ConversionWarning> of(Experiment experiment, String format) {
    var warnings = new ArrayList<ConversionWarning>();
    if (experiment.spec().loop() != null) {
      warnings.add(
          ConversionWarning.at(
              "spec.loop",
              format + " has no loops: the export runs the steps once; run it repeatedly instead"));
    }
    if (experiment.spec().schedule() != null) {
      warnings.add(
          ConversionWarning.at(
              "spec.schedule",
              format
                  + " has no schedules: run the export from cron or CI at '"
                  + experiment.spec().schedule().cron()
                  + "'"));
    }
    return warnings;
  }

  /** {@code warnings} followed by the loop and schedule warnings. */
  public static List<ConversionWarning> with(
      List<ConversionWarning> warnings, Experiment experiment, String format) {
    var all = new ArrayList<>(warnings);
    all.addAll(of(experiment, format));
    return List.copyOf(all);
  }
}
