package dev.faultline.report;

import dev.faultline.engine.RunEvent;
import dev.faultline.engine.Verdict;
import dev.faultline.format.AtomicFiles;
import dev.faultline.model.Experiment;
import dev.faultline.report.RunDigest.FaultRow;
import dev.faultline.report.RunDigest.ProbeRow;
import dev.faultline.report.RunDigest.StepRow;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML, for CI: one {@code <testsuite>} named after the experiment, one {@code
 * <testcase>} per step (classname {@code <experiment>.steps}) and one per continuous probe
 * (classname {@code <experiment>.probes}).
 *
 * <ul>
 *   <li>A failed step is a {@code <failure>} with the step's message; a step that was skipped or
 *       never ran is {@code <skipped>} with the reason.
 *   <li>A continuous probe fails when its failures in a row reached its tolerance ({@code
 *       haltAfter}); an observe-only probe never fails, and its samples are summed up in {@code
 *       <system-out>}.
 *   <li>A run that ended in {@code error} (it could not be carried out) adds a {@code run} testcase
 *       with an {@code <error>}.
 *   <li>The suite's and each attack step's {@code <system-out>} list the faults applied and rolled
 *       back; when the run used more than one kubeconfig context, each with the context it lives
 *       in.
 *   <li>The suite's properties hold the run's {@code context} and every context it used, its own
 *       first, comma-separated as {@code contexts}.
 * </ul>
 */
public final class JUnitReport {
  private JUnitReport() {}

  /** The report as XML text. */
  public static String render(List<RunEvent> events, Experiment experiment) {
    return document(xml -> suite(xml, events, experiment, null));
  }

  /**
   * The report of a looped run: a {@code <testsuites>} with one {@code <testsuite>} per loop, named
   * {@code <experiment> loop N of M} and with classnames {@code <experiment>.loopN.steps}, so CI
   * tools list each loop's steps apart and show which loop failed.
   *
   * @param loops each loop's events, in order
   * @param planned how many loops were planned; {@code null} when the loop ran for a duration
   */
  public static String renderLoops(
      List<List<RunEvent>> loops, Integer planned, Experiment experiment) {
    return document(
        xml -> {
          xml.writeStartElement("testsuites");
          xml.writeAttribute("name", clean(experiment.metadata().name()));
          for (int i = 0; i < loops.size(); i++) {
            xml.writeCharacters("\n");
            String of = planned == null ? "" : " of " + planned;
            suite(xml, loops.get(i), experiment, new LoopLabel(i + 1, of));
          }
          xml.writeCharacters("\n");
          xml.writeEndElement();
        });
  }

  /** Writes the looped report atomically. */
  public static void writeLoops(
      Path file, List<List<RunEvent>> loops, Integer planned, Experiment experiment)
      throws IOException {
    AtomicFiles.write(file, renderLoops(loops, planned, experiment));
  }

  private record LoopLabel(int number, String of) {}

  @FunctionalInterface
  private interface XmlBody {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private static String document(XmlBody body) {
    try {
      StringWriter text = new StringWriter();
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      body.write(xml);
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
      return text.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
  }

  private static void suite(
      XMLStreamWriter xml, List<RunEvent> events, Experiment experiment, LoopLabel loop)
      throws XMLStreamException {
    RunDigest run = new RunDigest(events, experiment);
    String suite =
        loop == null ? run.experimentName() : run.experimentName() + ".loop" + loop.number();
    List<Case> cases = new ArrayList<>();
    for (StepRow step : run.steps.values()) {
      cases.add(stepCase(run, suite, step));
    }
    for (ProbeRow probe : run.probes.values()) {
      if (probe.continuous) {
        cases.add(probeCase(suite, probe));
      }
    }
    if (run.verdict == Verdict.ERROR) {
      cases.add(
          new Case(
              suite + ".run", "run", run.lastNanos, Kind.ERROR, run.reason, "", "could not run"));
    }
    xml.writeStartElement("testsuite");
    xml.writeAttribute(
        "name",
        clean(loop == null ? suite : run.experimentName() + " loop " + loop.number() + loop.of()));
    xml.writeAttribute("tests", Integer.toString(cases.size()));
    xml.writeAttribute("failures", count(cases, Kind.FAILURE));
    xml.writeAttribute("errors", count(cases, Kind.ERROR));
    xml.writeAttribute("skipped", count(cases, Kind.SKIPPED));
    xml.writeAttribute("time", seconds(run.lastNanos));
    if (run.wallClock != null) {
      xml.writeAttribute(
          "timestamp", run.wallClock.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
    }
    xml.writeCharacters("\n  ");
    xml.writeStartElement("properties");
    property(xml, "runId", run.runId);
    property(xml, "context", run.context);
    property(xml, "contexts", String.join(",", run.contexts));
    property(xml, "verdict", run.verdict == null ? "unfinished" : run.verdict.word());
    property(xml, "reason", run.reason);
    property(xml, "dryRun", Boolean.toString(run.dryRun));
    property(xml, "faultsLeftOpen", Integer.toString(run.faultsLeftOpen));
    if (loop != null) {
      property(xml, "loop", Integer.toString(loop.number()));
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
    for (Case c : cases) {
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", clean(c.classname));
      xml.writeAttribute("name", clean(c.name));
      xml.writeAttribute("time", seconds(c.nanos));
      switch (c.kind) {
        case FAILURE -> detail(xml, "failure", c.message, c.type);
        case ERROR -> detail(xml, "error", c.message, c.type);
        case SKIPPED -> {
          xml.writeEmptyElement("skipped");
          xml.writeAttribute("message", clean(c.message));
        }
        case PASSED -> {}
      }
      if (!c.out.isEmpty()) {
        xml.writeStartElement("system-out");
        xml.writeCharacters(clean(c.out));
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    String faults = faultLines(run, run.faults.values());
    if (!faults.isEmpty()) {
      xml.writeCharacters("\n  ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(clean(faults));
      xml.writeEndElement();
    }
    xml.writeCharacters("\n");
    xml.writeEndElement();
  }

  /** Writes the report atomically. */
  public static void write(Path file, List<RunEvent> events, Experiment experiment)
      throws IOException {
    AtomicFiles.write(file, render(events, experiment));
  }

  private enum Kind {
    PASSED,
    FAILURE,
    ERROR,
    SKIPPED
  }

  private record Case(
      String classname,
      String name,
      long nanos,
      Kind kind,
      String message,
      String out,
      String type) {}

  private static Case stepCase(RunDigest run, String suite, StepRow step) {
    long nanos = step.start >= 0 && step.end >= step.start ? step.end - step.start : 0;
    String name =
        step.id
            + (step.title.isEmpty() || step.title.equals(step.id) ? "" : " (" + step.title + ")");
    StringBuilder out = new StringBuilder(faultLines(run, step.faults));
    ProbeRow probe = run.probes.get(step.id);
    if (probe != null && !probe.samples.isEmpty()) {
      out.append(sampleSummary(probe)).append('\n');
    }
    Kind kind =
        switch (step.state) {
          case PASSED -> Kind.PASSED;
          case FAILED -> Kind.FAILURE;
          case SKIPPED, NOT_RUN -> Kind.SKIPPED;
          case RUNNING -> Kind.FAILURE;
        };
    String message =
        switch (step.state) {
          case NOT_RUN -> "never ran";
          case RUNNING -> "did not finish: the run ended first";
          default -> step.message;
        };
    return new Case(
        suite + ".steps", name, nanos, kind, message, out.toString(), step.kind + " step");
  }

  private static Case probeCase(String suite, ProbeRow probe) {
    long nanos =
        probe.samples.isEmpty()
            ? 0
            : probe.samples.getLast().nanos() - probe.samples.getFirst().nanos();
    String summary = sampleSummary(probe);
    if (probe.samples.isEmpty()) {
      return new Case(suite + ".probes", probe.id, 0, Kind.SKIPPED, "no samples", "", "probe");
    }
    boolean failed = probe.tolerance != null && probe.longestFailingStreak() >= probe.tolerance;
    return new Case(
        suite + ".probes",
        probe.id,
        nanos,
        failed ? Kind.FAILURE : Kind.PASSED,
        failed ? summary : "",
        summary + "\n" + failingSamples(probe),
        "continuous probe");
  }

  private static String sampleSummary(ProbeRow probe) {
    return probe.failures()
        + " of "
        + probe.samples.size()
        + " samples failed (at most "
        + probe.longestFailingStreak()
        + " in a row"
        + (probe.tolerance == null ? "; observe only" : "; tolerance " + probe.tolerance)
        + ")";
  }

  private static String failingSamples(ProbeRow probe) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (RunDigest.Sample s : probe.samples) {
      if (!s.sample().passed() && shown++ < 20) {
        out.append(RunDigest.duration(s.nanos()))
            .append(": ")
            .append(s.sample().message())
            .append('\n');
      }
    }
    if (shown > 20) {
      out.append("… and ").append(shown - 20).append(" more failing samples\n");
    }
    return out.toString();
  }

  /** One line per fault; a multi-cluster run's also say which context the fault lives in. */
  private static String faultLines(RunDigest run, java.util.Collection<FaultRow> faults) {
    StringBuilder out = new StringBuilder();
    for (FaultRow f : faults) {
      out.append(f.fault.action().isEmpty() ? f.fault.attackId() : f.fault.action())
          .append(" on ")
          .append(f.fault.object().display())
          .append(run.multiCluster() ? " in " + run.contextOf(f.fault) : "")
          .append(" (step ")
          .append(f.fault.stepId())
          .append("): ");
      List<String> what = new ArrayList<>();
      if (f.applied >= 0) {
        what.add("applied at " + RunDigest.duration(f.applied));
      }
      if (f.rolledBack >= 0) {
        what.add("rolled back at " + RunDigest.duration(f.rolledBack));
      }
      String fate = f.fate();
      if (f.rolledBack < 0 && !fate.isEmpty()) {
        what.add(fate);
      }
      out.append(String.join(", ", what)).append('\n');
    }
    return out.toString();
  }

  private static void detail(XMLStreamWriter xml, String element, String message, String type)
      throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeAttribute("message", clean(firstLine(message)));
    xml.writeAttribute("type", clean(type));
    xml.writeCharacters(clean(message));
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", clean(value));
  }

  private static String count(List<Case> cases, Kind kind) {
    return Long.toString(cases.stream().filter(c -> c.kind == kind).count());
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", Math.max(0, nanos) / 1e9);
  }

  private static String firstLine(String text) {
    String t = text == null ? "" : text.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  /** Drops characters XML 1.0 cannot hold (control characters, lone surrogates). */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (c == '\t'
          || c == '\n'
          || c == '\r'
          || (c >= 0x20 && c < 0xD800)
          || (c >= 0xE000 && c <= 0xFFFD)) {
        out.append(c);
      } else {
        out.append('\uFFFD');
      }
    }
    return out.toString();
  }
}
