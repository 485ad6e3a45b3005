package dev.faultline.report;

import dev.faultline.engine.LoopResult;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunResult;
import dev.faultline.format.AtomicFiles;
import dev.faultline.model.Experiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reports of a looped run ({@code spec.loop}): the overall verdict and which loop decided it, plus
 * each loop's own report.
 *
 * <ul>
 *   <li>JSON: {@code {"format":"faultline.dev/run-loops/v1","verdict":..,"reason":..,
 *       "failedLoop":2,"planned":3,"loops":[<each loop's run journal>]}}
 *   <li>JUnit XML: see {@link JUnitReport#renderLoops}
 *   <li>HTML: an index page with one row per loop linking to {@code loop-N.html}, each loop's full
 *       report
 * </ul>
 */
public final class LoopReports {
  /** The {@code format} field of the JSON report. */
  public static final String FORMAT = "faultline.dev/run-loops/v1";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private LoopReports() {}

  public static String json(LoopResult result, Experiment experiment) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("experiment", experiment.metadata().name());
    root.put("verdict", result.verdict().word());
    root.put("reason", result.reason());
    root.put("failedLoop", result.failedLoop());
    if (result.planned() != null) {
      root.put("planned", result.planned());
    }
    ArrayNode loops = root.putArray("loops");
    for (RunResult loop : result.loops()) {
      loops.add(JSON.readTree(JsonJournalReport.render(loop.events(), experiment)));
    }
    return root.toPrettyString() + "\n";
  }

  public static String junit(LoopResult result, Experiment experiment) {
    List<List<RunEvent>> events = result.loops().stream().map(RunResult::events).toList();
    return JUnitReport.renderLoops(events, result.planned(), experiment);
  }

  /** The index page; each loop's page is {@link #loopPage}. */
  public static String htmlIndex(LoopResult result, Experiment experiment) {
    String of = result.planned() == null ? "" : " of " + result.planned();
    var html = new StringBuilder(2048);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(HtmlReport.esc(experiment.metadata().name()))
        .append(" – Faultline loops</title>\n</head>\n<body>\n<h1>")
        .append(HtmlReport.esc(experiment.metadata().name()))
        .append(": ")
        .append(result.verdict().word().toUpperCase(Locale.ROOT))
        .append("</h1>\n<p>")
        .append(HtmlReport.esc(result.reason()))
        .append(
            "</p>\n<table>\n<tr><th>Loop</th><th>Verdict</th><th>Run</th><th>Reason</th></tr>\n");
    for (int i = 0; i < result.loops().size(); i++) {
      RunResult loop = result.loops().get(i);
      html.append("<tr><td><a href=\"")
          .append(loopPage(i + 1))
          .append("\">loop ")
          .append(i + 1)
          .append(of)
          .append("</a></td><td>")
          .append(loop.verdict().word())
          .append("</td><td>")
          .append(HtmlReport.esc(loop.runId()))
          .append("</td><td>")
          .append(HtmlReport.esc(loop.reason()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n</body>\n</html>\n");
    return html.toString();
  }

  /** File name of loop {@code number}'s HTML report, next to the index. */
  public static String loopPage(int number) {
    return "loop-" + number + ".html";
  }

  /** Writes the three reports into {@code dir} under the given names, plus each loop's page. */
  public static void writeAll(
      Path dir, String json, String junit, String html, LoopResult result, Experiment experiment)
      throws IOException {
    AtomicFiles.write(dir.resolve(json), json(result, experiment));
    AtomicFiles.write(dir.resolve(junit), junit(result, experiment));
    AtomicFiles.write(dir.resolve(html), htmlIndex(result, experiment));
    for (int i = 0; i < result.loops().size(); i++) {
      HtmlReport.write(dir.resolve(loopPage(i + 1)), result.loops().get(i).events(), experiment);
    }
  }
}
