package dev.faultline.report;

import dev.faultline.engine.RunEvent;
import dev.faultline.format.AtomicFiles;
import dev.faultline.model.Experiment;
import dev.faultline.report.RunDigest.FaultRow;
import dev.faultline.report.RunDigest.ProbeRow;
import dev.faultline.report.RunDigest.Sample;
import dev.faultline.report.RunDigest.StepRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML report of a run: one file with inline CSS and inline SVG, no scripts and no
 * external resources, so it can be mailed, attached to a CI run or opened offline.
 *
 * <p>Sections: a header (verdict, experiment, context, run id, start, duration, reason); a timeline
 * of the steps as SVG bars coloured by outcome, with halts marked; one chart per probe (value over
 * time, each sample a point coloured pass/fail; with more samples than pixels the line is decimated
 * to the minimum and maximum per pixel column, and failing samples are always drawn); the faults
 * applied and what became of them; the targets each attack hit; gates, halts and notes.
 *
 * <p>A run over more than one kubeconfig context names them all in the header (its own first) and
 * groups the faults and the targets hit under a heading per context.
 *
 * <p>Every text from the run (step messages, probe messages, object names) is escaped.
 */
public final class HtmlReport {
  /** Width of the timeline and charts, in SVG user units. */
  static final int WIDTH = 900;

  private static final int LABEL = 170;
  private static final int ROW = 22;
  private static final int CHART_HEIGHT = 140;

  private HtmlReport() {}

  /** The report as HTML text. */
  public static String render(List<RunEvent> events, Experiment experiment) {
    RunDigest run = new RunDigest(events, experiment);
    StringBuilder html = new StringBuilder(16_384);
    String title = run.experimentName();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(title))
        .append(" – Faultline run ")
        .append(esc(run.runId))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    header(html, run);
    timeline(html, run);
    probes(html, run);
    faults(html, run);
    targets(html, run);
    notable(html, run);
    html.append("<footer>Faultline run report · ")
        .append(esc(run.runId))
        .append("</footer>\n</body>\n</html>\n");
    return html.toString();
  }

  /** Writes the report atomically. */
  public static void write(Path file, List<RunEvent> events, Experiment experiment)
      throws IOException {
    AtomicFiles.write(file, render(events, experiment));
  }

  private static void header(StringBuilder html, RunDigest run) {
    String verdict = run.verdict == null ? "unfinished" : run.verdict.word();
    html.append("<header>\n<h1>")
        .append(esc(run.experimentName()))
        .append(" <span class=\"verdict v-")
        .append(verdict)
        .append("\">")
        .append(esc(verdict.toUpperCase(Locale.ROOT)))
        .append("</span>")
        .append(run.dryRun ? " <span class=\"verdict v-dry\">DRY RUN</span>" : "")
        .append("</h1>\n");
    run.description()
        .ifPresent(d -> html.append("<p class=\"desc\">").append(esc(d)).append("</p>\n"));
    html.append("<dl>\n");
    if (run.multiCluster()) {
      // Every cluster the run touched, its own first, so a reader sees the whole reach at once.
      var names = new ArrayList<String>();
      for (String c : run.contexts) {
        names.add(c.equals(run.context) ? c + " (the run's)" : c);
      }
      item(html, "Contexts", String.join(", ", names));
    } else {
      item(html, "Context", run.context);
    }
    item(html, "Run", run.runId);
    if (run.wallClock != null) {
      item(
          html,
          "Started",
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
              .format(run.wallClock.atOffset(ZoneOffset.UTC)));
    }
    item(html, "Duration", RunDigest.duration(run.lastNanos));
    if (!run.reason.isEmpty()) {
      item(html, "Why", run.reason);
    }
    if (run.faultsLeftOpen > 0) {
      item(html, "Left open", run.faultsLeftOpen + " fault(s): run faultline cleanup");
    }
    html.append("</dl>\n</header>\n");
  }

  private static void item(StringBuilder html, String term, String value) {
    html.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
  }

  private static void timeline(StringBuilder html, RunDigest run) {
    html.append("<section>\n<h2>Timeline</h2>\n");
    List<StepRow> rows = new ArrayList<>(run.steps.values());
    if (rows.isEmpty()) {
      html.append("<p>No steps.</p>\n</section>\n");
      return;
    }
    long total = Math.max(run.lastNanos, 1);
    int plot = WIDTH - LABEL - 10;
    int height = rows.size() * ROW + 30;
    html.append("<svg class=\"timeline\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\" aria-label=\"step timeline\">\n");
    axis(html, total, LABEL, plot, rows.size() * ROW + 4);
    for (int i = 0; i < rows.size(); i++) {
      StepRow step = rows.get(i);
      int y = i * ROW + 4;
      html.append("<text x=\"4\" y=\"")
          .append(y + 14)
          .append("\" class=\"label\">")
          .append(esc(shorten(step.id, 24)))
          .append("</text>\n");
      if (step.start < 0) {
        continue;
      }
      long end = step.end >= 0 ? step.end : run.lastNanos;
      double x = LABEL + plot * (double) step.start / total;
      double w = Math.max(2, plot * (double) (end - step.start) / total);
      html.append("<rect class=\"bar s-")
          .append(step.state.name().toLowerCase(Locale.ROOT))
          .append("\" x=\"")
          .append(fmt(x))
          .append("\" y=\"")
          .append(y + 2)
          .append("\" width=\"")
          .append(fmt(w))
          .append("\" height=\"")
          .append(ROW - 6)
          .append("\"><title>")
          .append(
              esc(
                  step.id
                      + " · "
                      + step.title
                      + " · "
                      + step.state.name().toLowerCase(Locale.ROOT)
                      + " · "
                      + RunDigest.duration(end - step.start)
                      + (step.message.isEmpty() ? "" : " · " + step.message)))
          .append("</title></rect>\n");
    }
    for (RunEvent e : run.notable) {
      if (e instanceof RunEvent.Halted halt) {
        double x = LABEL + plot * (double) halt.nanos() / total;
        html.append("<line class=\"halt\" x1=\"")
            .append(fmt(x))
            .append("\" x2=\"")
            .append(fmt(x))
            .append("\" y1=\"0\" y2=\"")
            .append(rows.size() * ROW + 4)
            .append("\"><title>halt: ")
            .append(esc(halt.reason()))
            .append("</title></line>\n");
      }
    }
    html.append(
        "</svg>\n<table>\n<tr><th>Step</th><th>Kind</th><th>Outcome</th><th>Started</th><th>Took</th><th>Message</th></tr>\n");
    for (StepRow step : rows) {
      html.append("<tr><td>")
          .append(esc(step.id))
          .append("</td><td>")
          .append(esc(step.title))
          .append("</td><td class=\"s-")
          .append(step.state.name().toLowerCase(Locale.ROOT))
          .append("\">")
          .append(esc(step.state.name().toLowerCase(Locale.ROOT).replace('_', ' ')))
          .append("</td><td>")
          .append(esc(RunDigest.duration(step.start)))
          .append("</td><td>")
          .append(
              esc(
                  step.start >= 0 && step.end >= 0
                      ? RunDigest.duration(step.end - step.start)
                      : ""))
          .append("</td><td>")
          .append(esc(step.message))
          .append("</td></tr>\n");
    }
    html.append("</table>\n</section>\n");
  }

  private static void axis(StringBuilder html, long total, int left, int plot, int y) {
    html.append("<line class=\"axis\" x1=\"")
        .append(left)
        .append("\" x2=\"")
        .append(left + plot)
        .append("\" y1=\"")
        .append(y)
        .append("\" y2=\"")
        .append(y)
        .append("\"/>\n");
    for (int i = 0; i <= 4; i++) {
      double x = left + plot * i / 4.0;
      html.append("<text class=\"tick\" x=\"")
          .append(fmt(x))
          .append("\" y=\"")
          .append(y + 16)
          .append("\" text-anchor=\"middle\">")
          .append(esc(RunDigest.duration(total * i / 4)))
          .append("</text>\n");
    }
  }

  private static void probes(StringBuilder html, RunDigest run) {
    List<ProbeRow> probes = run.probes.values().stream().filter(p -> !p.samples.isEmpty()).toList();
    if (probes.isEmpty()) {
      return;
    }
    html.append("<section>\n<h2>Probes</h2>\n");
    for (ProbeRow probe : probes) {
      html.append("<h3>")
          .append(esc(probe.id))
          .append(probe.continuous ? " <small>continuous</small>" : "")
          .append("</h3>\n<p class=\"summary\">")
          .append(esc(probe.failures() + " of " + probe.samples.size() + " samples failed"))
          .append("</p>\n");
      chart(html, probe, Math.max(run.lastNanos, 1));
    }
    html.append("</section>\n");
  }

  /** One probe's values over the run's time, decimated to min/max per pixel column. */
  static void chart(StringBuilder html, ProbeRow probe, long total) {
    int left = 60;
    int plot = WIDTH - left - 10;
    int top = 8;
    int inner = CHART_HEIGHT - 30;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Sample s : probe.samples) {
      double v = s.sample().value();
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    boolean values = min <= max;
    if (!values) {
      min = 0;
      max = 1;
    } else if (min == max) {
      min -= 1;
      max += 1;
    }
    html.append("<svg class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(CHART_HEIGHT)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(CHART_HEIGHT)
        .append("\" role=\"img\" aria-label=\"")
        .append(esc("probe " + probe.id))
        .append("\">\n");
    axis(html, total, left, plot, top + inner);
    html.append("<text class=\"tick\" x=\"")
        .append(left - 4)
        .append("\" y=\"")
        .append(top + 8)
        .append("\" text-anchor=\"end\">")
        .append(esc(values ? number(max) : ""))
        .append("</text>\n<text class=\"tick\" x=\"")
        .append(left - 4)
        .append("\" y=\"")
        .append(top + inner)
        .append("\" text-anchor=\"end\">")
        .append(esc(values ? number(min) : ""))
        .append("</text>\n");
    // Decimate: per pixel column, the first, min and max sample keep the line's shape.
    int columns = plot;
    Sample[] lo = new Sample[columns + 1];
    Sample[] hi = new Sample[columns + 1];
    Sample[] fail = new Sample[columns + 1];
    Sample[] any = new Sample[columns + 1];
    for (Sample s : probe.samples) {
      int col =
          (int) Math.min(columns, Math.max(0, Math.round((double) columns * s.nanos() / total)));
      double v = s.sample().value();
      if (any[col] == null) {
        any[col] = s;
      }
      if (!s.sample().passed() && fail[col] == null) {
        fail[col] = s;
      }
      if (Double.isFinite(v)) {
        if (lo[col] == null || v < lo[col].sample().value()) {
          lo[col] = s;
        }
        if (hi[col] == null || v > hi[col].sample().value()) {
          hi[col] = s;
        }
      }
    }
    StringBuilder line = new StringBuilder();
    StringBuilder points = new StringBuilder();
    int drawn = 0;
    for (int col = 0; col <= columns; col++) {
      double x = left + col;
      if (lo[col] != null) {
        Sample first = lo[col].nanos() <= hi[col].nanos() ? lo[col] : hi[col];
        Sample second = first == lo[col] ? hi[col] : lo[col];
        line.append(fmt(x)).append(',').append(fmt(y(first, min, max, top, inner))).append(' ');
        if (second != first) {
          line.append(fmt(x)).append(',').append(fmt(y(second, min, max, top, inner))).append(' ');
        }
      }
      // One point per column: a failing sample when there is one, so failures always show.
      Sample marker = fail[col] != null ? fail[col] : any[col];
      if (marker != null) {
        double v = marker.sample().value();
        double py = Double.isFinite(v) ? y(marker, min, max, top, inner) : top + inner - 4;
        points
            .append("<circle class=\"")
            .append(marker.sample().passed() ? "pass" : "fail")
            .append("\" cx=\"")
            .append(fmt(x))
            .append("\" cy=\"")
            .append(fmt(py))
            .append("\" r=\"2.5\"><title>")
            .append(
                esc(
                    RunDigest.duration(marker.nanos())
                        + ": "
                        + (Double.isFinite(v) ? number(v) + " · " : "")
                        + marker.sample().message()))
            .append("</title></circle>\n");
        drawn++;
      }
    }
    if (!line.isEmpty()) {
      html.append("<polyline class=\"series\" points=\"")
          .append(line.toString().strip())
          .append("\"/>\n");
    }
    html.append(points);
    html.append("</svg>\n");
    if (drawn < probe.samples.size()) {
      html.append("<p class=\"note\">")
          .append(
              esc(
                  probe.samples.size()
                      + " samples drawn as "
                      + drawn
                      + " points (min/max per pixel)"))
          .append("</p>\n");
    }
  }

  private static double y(Sample s, double min, double max, int top, int inner) {
    return top + inner - inner * (s.sample().value() - min) / (max - min);
  }

  private static void faults(StringBuilder html, RunDigest run) {
    html.append("<section>\n<h2>Faults</h2>\n");
    if (run.faults.isEmpty()) {
      html.append("<p>No faults.</p>\n</section>\n");
      return;
    }
    for (var group : byContext(run, run.faults.values(), f -> run.contextOf(f.fault))) {
      contextHeading(html, run, group.context());
      faultTable(html, group.rows());
    }
    html.append("</section>\n");
  }

  private static void faultTable(StringBuilder html, List<FaultRow> faults) {
    html.append(
        "<table>\n<tr><th>Step</th><th>Action</th><th>Object</th><th>Applied</th><th>Rolled back</th><th>Outcome</th></tr>\n");
    for (FaultRow f : faults) {
      String fate = f.fate();
      html.append("<tr><td>")
          .append(esc(f.fault.stepId()))
          .append("</td><td>")
          .append(esc(f.fault.action().isEmpty() ? f.fault.attackId() : f.fault.action()))
          .append("</td><td>")
          .append(esc(f.fault.object().display()))
          .append("</td><td>")
          .append(esc(RunDigest.duration(f.applied)))
          .append("</td><td>")
          .append(esc(RunDigest.duration(f.rolledBack)))
          .append("</td><td class=\"")
          .append(
              fate.startsWith("open") ? "s-failed" : fate.equals("rolled back") ? "s-passed" : "")
          .append("\">")
          .append(esc(fate))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void targets(StringBuilder html, RunDigest run) {
    if (run.targets.isEmpty()) {
      return;
    }
    html.append("<section>\n<h2>Targets hit</h2>\n");
    for (var group : byContext(run, run.targets, run::contextOf)) {
      contextHeading(html, run, group.context());
      targetTable(html, group.rows());
    }
    html.append("</section>\n");
  }

  private static void targetTable(StringBuilder html, List<RunEvent.TargetsResolved> targets) {
    html.append(
        "<table>\n<tr><th>Step</th><th>Target</th><th>Matched</th><th>Selected</th><th>Warnings</th></tr>\n");
    for (RunEvent.TargetsResolved t : targets) {
      html.append("<tr><td>")
          .append(esc(t.stepId()))
          .append("</td><td>")
          .append(esc(t.target()))
          .append("</td><td>")
          .append(t.matched())
          .append("</td><td>")
          .append(esc(String.join(", ", t.selected())))
          .append("</td><td>")
          .append(esc(String.join("; ", t.warnings())))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  /** Rows of one context; {@code context} is null when the run used only one. */
  private record Group<T>(String context, List<T> rows) {}

  /**
   * One group per context in the run's order (its own first) when the run used more than one; else
   * one group of every row, shown without a heading.
   */
  private static <T> List<Group<T>> byContext(
      RunDigest run,
      java.util.Collection<T> rows,
      java.util.function.Function<T, String> contextOf) {
    if (!run.multiCluster()) {
      return List.of(new Group<>(null, List.copyOf(rows)));
    }
    var groups = new java.util.LinkedHashMap<String, List<T>>();
    run.contexts.forEach(c -> groups.put(c, new ArrayList<>()));
    rows.forEach(r -> groups.computeIfAbsent(contextOf.apply(r), k -> new ArrayList<>()).add(r));
    return groups.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> new Group<>(e.getKey(), e.getValue()))
        .toList();
  }

  private static void contextHeading(StringBuilder html, RunDigest run, String context) {
    if (context != null) {
      html.append("<h3 class=\"context\">Context ")
          .append(esc(context))
          .append(context.equals(run.context) ? " <small>" + esc("the run's") + "</small>" : "")
          .append("</h3>\n");
    }
  }

  private static void notable(StringBuilder html, RunDigest run) {
    if (run.notable.isEmpty()) {
      return;
    }
    html.append("<section>\n<h2>Gates, halts and notes</h2>\n<ul>\n");
    for (RunEvent e : run.notable) {
      String text =
          switch (e) {
            case RunEvent.Halted h -> "halted: " + h.reason();
            case RunEvent.GateWaiting g -> "gate " + g.stepId() + " waits: " + g.question();
            case RunEvent.GateAnswered g ->
                "gate " + g.stepId() + (g.approved() ? " approved" : " rejected") + " by " + g.by();
            case RunEvent.NoteAdded n -> n.author() + ": " + n.text();
            case RunEvent.RunPaused p -> "paused by " + p.by();
            case RunEvent.RunResumed r -> "resumed by " + r.by();
            default -> e.toString();
          };
      html.append("<li><span class=\"at\">")
          .append(esc(RunDigest.duration(e.nanos())))
          .append("</span> ")
          .append(esc(text))
          .append("</li>\n");
    }
    html.append("</ul>\n</section>\n");
  }

  /** Escapes text for HTML element content and double-quoted attributes. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return JUnitReport.clean(out.toString());
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.3g", v);
  }

  private static final String CSS =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:960px;color:#1d2330;background:#fff}
      h1{font-size:22px;margin:0 0 6px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde1e8}h3{font-size:14px;margin:14px 0 2px}
      .desc{color:#4a5366;margin:0 0 8px}
      dl{display:grid;grid-template-columns:max-content auto;gap:2px 14px;margin:8px 0}dt{color:#6b7385}dd{margin:0}
      .verdict{font-size:13px;padding:2px 8px;border-radius:10px;color:#fff;vertical-align:middle}
      .v-passed{background:#2e7d32}.v-failed{background:#c62828}.v-aborted{background:#ef6c00}.v-error{background:#6a1b9a}.v-unfinished,.v-dry{background:#607d8b}
      table{border-collapse:collapse;width:100%;margin:8px 0}th,td{text-align:left;padding:3px 8px;border-bottom:1px solid #eceff3;vertical-align:top}th{color:#6b7385;font-weight:600}
      svg{display:block;max-width:100%;height:auto}
      .label{font-size:12px;fill:#1d2330}.tick{font-size:10px;fill:#6b7385}.axis{stroke:#b8bfcc;stroke-width:1}
      .bar{rx:3}.s-passed{fill:#43a047;color:#2e7d32}.s-failed{fill:#e53935;color:#c62828}.s-skipped,.s-not_run{fill:#b0bec5;color:#607d8b}.s-running{fill:#fb8c00;color:#ef6c00}
      .halt{stroke:#c62828;stroke-width:2;stroke-dasharray:4 3}
      .series{fill:none;stroke:#3f6fd8;stroke-width:1.2}.pass{fill:#43a047}.fail{fill:#e53935}
      .summary,.note{color:#6b7385;margin:0}.at{color:#6b7385;font-variant-numeric:tabular-nums}
      footer{margin-top:32px;color:#9aa1b0;font-size:12px}
      """;
}
