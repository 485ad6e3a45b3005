package dev.faultline.export.chaosmesh;

import dev.faultline.export.ConversionWarning;
import dev.faultline.model.Experiment;
import dev.faultline.model.Schedule;
import dev.faultline.model.ScheduleConcurrency;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wraps an exported Workflow in a Chaos Mesh {@code Schedule} ({@code type: Workflow}) for
 * experiments with {@code spec.schedule}, and says what a Schedule cannot carry: a loop, and the
 * exact daylight-saving rules of a time zone.
 */
final class ScheduleWriter {
  /** robfig/cron, which Chaos Mesh parses schedules with, reads a zone from this prefix. */
  static final String ZONE_PREFIX = "CRON_TZ=";

  private ScheduleWriter() {}

  /** Warnings for a workflow without a schedule: only the loop matters then. */
  static void loopWarning(Experiment experiment, List<ConversionWarning> warnings) {
    if (experiment.spec().loop() != null) {
      warnings.add(
          ConversionWarning.at(
              "spec.loop",
              "Chaos Mesh has no loops: the workflow runs the steps once"
                  + (experiment.spec().schedule() == null ? "" : " per scheduled firing")
                  + "; repeat it with spec.schedule or run it with faultline run"));
    }
  }

  static ObjectNode wrap(
      ObjectNode workflow, Experiment experiment, List<ConversionWarning> warnings) {
    Schedule schedule = experiment.spec().schedule();
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("apiVersion", workflow.path("apiVersion").asString());
    root.put("kind", "Schedule");
    root.set("metadata", workflow.path("metadata").deepCopy());
    ObjectNode spec = root.putObject("spec");
    spec.put("schedule", cron(schedule, warnings));
    spec.put(
        "concurrencyPolicy",
        schedule.effectiveConcurrency() == ScheduleConcurrency.ALLOW ? "Allow" : "Forbid");
    if (schedule.historyLimit() != null) {
      spec.put("historyLimit", schedule.historyLimit());
    }
    spec.put("type", "Workflow");
    spec.set("workflow", workflow.path("spec").deepCopy());
    return root;
  }

  private static String cron(Schedule schedule, List<ConversionWarning> warnings) {
    String zone = schedule.timeZone();
    if (zone == null || zone.equals("UTC") || schedule.cron().strip().startsWith("@every")) {
      return schedule.cron().strip();
    }
    warnings.add(
        ConversionWarning.at(
            "spec.schedule.timeZone",
            "the time zone is written as a "
                + ZONE_PREFIX
                + " prefix, which Chaos Mesh's cron reads with the controller's zone database;"
                + " at daylight-saving changes it skips a time that does not exist where"
                + " Faultline runs it at the end of the gap"));
    return ZONE_PREFIX + zone + " " + schedule.cron().strip();
  }
}
