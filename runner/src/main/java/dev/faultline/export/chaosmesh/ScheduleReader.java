package dev.faultline.export.chaosmesh;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ImportException;
import dev.faultline.model.Experiment;
import dev.faultline.model.Schedule;
import dev.faultline.model.ScheduleConcurrency;
import dev.faultline.model.cron.CronExpression;
import dev.faultline.model.cron.CronSyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Chaos Mesh {@code Schedule} of {@code type: Workflow} back into an experiment with {@code
 * spec.schedule}: the workflow as steps, the cron (and a {@code CRON_TZ=}/{@code TZ=} prefix as the
 * time zone), {@code concurrencyPolicy} and {@code historyLimit}. Schedules of a single chaos kind
 * are refused; export writes only workflow schedules.
 */
final class ScheduleReader {
  private ScheduleReader() {}

  /** Imports a workflow spec at a path of the document. */
  @FunctionalInterface
  interface WorkflowImport {
    Experiment read(Doc workflowSpec, String path) throws ImportException;
  }

  static Experiment read(Doc doc, List<ConversionWarning> warnings, WorkflowImport workflow)
      throws ImportException {
    Doc spec = doc.required("spec");
    Doc type = spec.required("type");
    if (!type.string().equals("Workflow")) {
      throw type.error(
          "a Schedule of type "
              + type.string()
              + " cannot be imported; Faultline imports Schedules of type Workflow");
    }
    Experiment experiment = workflow.read(spec.required("workflow"), "spec.workflow");
    Doc cronDoc = spec.required("schedule");
    String cron = cronDoc.string().strip();
    String zone = null;
    for (String prefix : List.of(ScheduleWriter.ZONE_PREFIX, "TZ=")) {
      if (cron.startsWith(prefix)) {
        int space = cron.indexOf(' ');
        zone = space < 0 ? cron.substring(prefix.length()) : cron.substring(prefix.length(), space);
        cron = space < 0 ? "" : cron.substring(space + 1).strip();
      }
    }
    try {
      CronExpression.parse(cron);
    } catch (CronSyntaxException e) {
      throw cronDoc.error("'" + cronDoc.string() + "': " + e.getMessage());
    }
    ScheduleConcurrency concurrency = null;
    Optional<Doc> policy = spec.get("concurrencyPolicy");
    if (policy.isPresent() && policy.get().string().equals("Allow")) {
      concurrency = ScheduleConcurrency.ALLOW;
    }
    Optional<Doc> history = spec.get("historyLimit");
    Integer historyLimit = history.isPresent() ? (int) history.get().integer() : null;
    if (spec.get("startingDeadlineSeconds").isPresent()) {
      warnings.add(
          ConversionWarning.at(
              "spec.startingDeadlineSeconds",
              "startingDeadlineSeconds has no Faultline counterpart and is left out"));
    }
    return experiment.withSpec(
        experiment.spec().withSchedule(new Schedule(cron, zone, concurrency, historyLimit, null)));
  }
}
