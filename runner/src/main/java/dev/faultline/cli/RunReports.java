package dev.faultline.cli;

import dev.faultline.engine.LoopResult;
import dev.faultline.engine.RunResult;
import dev.faultline.format.AtomicFiles;
import dev.faultline.model.Experiment;
import dev.faultline.report.HtmlReport;
import dev.faultline.report.JUnitReport;
import dev.faultline.report.JsonJournalReport;
import dev.faultline.report.LoopReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reports of {@code faultline run}: {@code --report-dir DIR} writes {@value #JSON}, {@value
 * #JUNIT} and {@value #HTML} there; {@code --junit FILE} writes the JUnit XML to FILE. A report
 * that cannot be written is said on stderr and does not change the run's exit code.
 */
final class RunReports {
  static final String JSON = "run.json";
  static final String JUNIT = "junit.xml";
  static final String HTML = "report.html";

  private RunReports() {}

  static void write(
      Experiment experiment, RunResult result, Path reportDir, Path junit, PrintWriter err) {
    if (reportDir != null) {
      try {
        Files.createDirectories(reportDir);
        JsonJournalReport.write(reportDir.resolve(JSON), result.events(), experiment);
        JUnitReport.write(reportDir.resolve(JUNIT), result.events(), experiment);
        HtmlReport.write(reportDir.resolve(HTML), result.events(), experiment);
        err.println("reports: " + reportDir.resolve(HTML) + " (and " + JSON + ", " + JUNIT + ")");
      } catch (IOException | RuntimeException e) {
        err.println("run: cannot write the reports to " + reportDir + ": " + e.getMessage());
      }
    }
    if (junit != null) {
      try {
        Path parent = junit.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        JUnitReport.write(junit, result.events(), experiment);
      } catch (IOException | RuntimeException e) {
        err.println("run: cannot write the JUnit report " + junit + ": " + e.getMessage());
      }
    }
    err.flush();
  }

  /** Like {@link #write} for a looped run: per-loop reports (see {@link LoopReports}). */
  static void writeLoops(
      Experiment experiment, LoopResult result, Path reportDir, Path junit, PrintWriter err) {
    if (reportDir != null) {
      try {
        Files.createDirectories(reportDir);
        LoopReports.writeAll(reportDir, JSON, JUNIT, HTML, result, experiment);
        err.println(
            "reports: "
                + reportDir.resolve(HTML)
                + " (and "
                + JSON
                + ", "
                + JUNIT
                + ", one page per loop)");
      } catch (IOException | RuntimeException e) {
        err.println("run: cannot write the reports to " + reportDir + ": " + e.getMessage());
      }
    }
    if (junit != null) {
      try {
        Path parent = junit.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        AtomicFiles.write(junit, LoopReports.junit(result, experiment));
      } catch (IOException | RuntimeException e) {
        err.println("run: cannot write the JUnit report " + junit + ": " + e.getMessage());
      }
    }
    err.flush();
  }

  /** {@code -o json}: the run's JSON journal (verdict, every event). */
  static String json(Experiment experiment, RunResult result) {
    return JsonJournalReport.render(result.events(), experiment);
  }
}
