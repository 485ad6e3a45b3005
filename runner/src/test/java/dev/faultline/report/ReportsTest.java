package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.attack.Fault;
import dev.faultline.attack.ObjectRef;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.Verdict;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.Spec;
import dev.faultline.probe.ProbeSample;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The JSON journal, JUnit XML and HTML reports of one failed run with hostile text. */
class ReportsTest {
  private static final String R = "20250501-checkout-1";
  private static final String HOSTILE = "<script>alert('x')</script> & \"quotes\" \u0007bell";
  private static final long MS = 1_000_000L;

  @TempDir Path dir;
  private Experiment experiment;
  private List<RunEvent> events;

  private static Fault fault(String id, String pod) {
    return new Fault(
        id,
        R,
        "freeze",
        "process.signal",
        "kind-dev",
        ObjectRef.container("shop", pod, "app"),
        "SIGSTOP /java/ in shop/" + pod + " [app]",
        true,
        Map.of("signal", "SIGSTOP"));
  }

  @BeforeEach
  void run() {
    Experiment example =
        new ExperimentReader()
            .read(Examples.dir().resolve("checkout-freeze-and-recover.yaml"))
            .experiment()
            .orElseThrow();
    Spec spec = example.spec();
    experiment =
        example.withSpec(
            new Spec(
                spec.safety(),
                spec.context(),
                spec.targets(),
                spec.steps(),
                List.of(
                    new ContinuousProbe(
                        "health", "http.check", null, null, null, null, 3, null, null, null)),
                spec.extras()));
    Fault a = fault("freeze#1", "checkout-1");
    Fault b = fault("freeze#2", "checkout-2");
    events = new ArrayList<>();
    events.add(
        new RunEvent.RunStarted(
            R,
            0,
            Instant.parse("2025-05-01T10:00:00Z"),
            "checkout-freeze-and-recover",
            "kind-dev",
            false,
            List.of("freeze", "until-unhealthy", "kill", "until-recovered")));
    events.add(new RunEvent.StepStarted(R, 1 * MS, "freeze", "attack", "SIGSTOP java"));
    events.add(
        new RunEvent.TargetsResolved(
            R,
            2 * MS,
            "freeze",
            "checkout",
            List.of("shop/checkout-1", "shop/checkout-2"),
            3,
            List.of("rounded up to 2")));
    events.add(new RunEvent.FaultApplied(R, 10 * MS, a));
    events.add(new RunEvent.FaultApplied(R, 11 * MS, b));
    events.add(new RunEvent.StepSucceeded(R, 12 * MS, "freeze", "2 faults applied"));
    events.add(new RunEvent.StepStarted(R, 13 * MS, "until-unhealthy", "probe", ""));
    // 5,000 continuous samples, some failing, 4 in a row at the end; and the until probe.
    for (int i = 0; i < 5000; i++) {
      boolean pass = i < 4996 && i % 500 != 7;
      events.add(
          new RunEvent.ProbeSampled(
              R,
              (20 + i * 2L) * MS,
              "health",
              new ProbeSample(
                  pass,
                  i % 3 == 0 ? Double.NaN : 10 + (i % 17),
                  Duration.ofMillis(3),
                  pass ? "200" : "503 " + HOSTILE)));
    }
    events.add(
        new RunEvent.ProbeSampled(
            R,
            30 * MS,
            "until-unhealthy",
            ProbeSample.pass(12, Duration.ofMillis(12), "200 in 12 ms")));
    events.add(new RunEvent.StepFailed(R, 10_000 * MS, "until-unhealthy", "timed out: " + HOSTILE));
    events.add(new RunEvent.StepSkipped(R, 10_001 * MS, "kill", "until-unhealthy failed"));
    events.add(
        new RunEvent.StepSkipped(R, 10_001 * MS, "until-recovered", "until-unhealthy failed"));
    events.add(new RunEvent.NoteAdded(R, 10_002 * MS, "ops", HOSTILE));
    events.add(new RunEvent.Halted(R, 10_003 * MS, "health failed 3 times in a row"));
    events.add(new RunEvent.FaultRolledBack(R, 10_050 * MS, b));
    events.add(new RunEvent.RollbackFailed(R, 10_060 * MS, a, "API unreachable", false));
    events.add(
        new RunEvent.RunFinished(R, 10_100 * MS, Verdict.FAILED, "until-unhealthy timed out", 1));
  }

  @Test
  void jsonJournalRoundTripsEveryEvent() throws Exception {
    Path file = dir.resolve("run.json");
    JsonJournalReport.write(file, events, experiment);
    String json = Files.readString(file);
    assertThat(json)
        .contains("\"format\" : \"faultline.dev/run-journal/v1\"")
        .contains("\"startedAt\" : \"2025-05-01T10:00:00Z\"")
        .contains("\"verdict\" : \"failed\"")
        .contains("\"type\" : \"StepFailed\"")
        .contains("\"ms\" : 10000.0");
    List<RunEvent> back = JsonJournalReport.read(json);
    assertThat(back).hasSameSizeAs(events);
    for (int i = 0; i < events.size(); i++) {
      RunEvent expected = events.get(i);
      if (expected instanceof RunEvent.ProbeSampled p && Double.isNaN(p.sample().value())) {
        assertThat(back.get(i)).isInstanceOf(RunEvent.ProbeSampled.class);
        assertThat(((RunEvent.ProbeSampled) back.get(i)).sample().value()).isNaN();
      } else {
        assertThat(back.get(i)).isEqualTo(expected);
      }
    }
  }

  @Test
  void junitXmlHasOneCasePerStepAndContinuousProbeWithFailuresAndSkips() throws Exception {
    Path file = dir.resolve("junit.xml");
    JUnitReport.write(file, events, experiment);
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(Files.readAllBytes(file)));
    Element suite = doc.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("checkout-freeze-and-recover");
    assertThat(suite.getAttribute("tests")).isEqualTo("5");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    assertThat(suite.getAttribute("skipped")).isEqualTo("2");
    assertThat(suite.getAttribute("errors")).isEqualTo("0");
    assertThat(suite.getAttribute("time")).isEqualTo("10.100");
    NodeList cases = suite.getElementsByTagName("testcase");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      names.add(((Element) cases.item(i)).getAttribute("name"));
    }
    assertThat(names)
        .containsExactly(
            "freeze (SIGSTOP java)",
            "until-unhealthy (probe http.check until failing)",
            "kill (attack process.signal on checkout)",
            "until-recovered (probe http.check until passing)",
            "health");
    Element failed = (Element) cases.item(1);
    Element failure = (Element) failed.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .startsWith("timed out: <script>alert('x')</script> & \"quotes\"");
    assertThat(((Element) cases.item(2)).getElementsByTagName("skipped").getLength()).isEqualTo(1);
    Element probe = (Element) cases.item(4);
    assertThat(probe.getAttribute("classname")).isEqualTo("checkout-freeze-and-recover.probes");
    assertThat(((Element) probe.getElementsByTagName("failure").item(0)).getAttribute("message"))
        .isEqualTo("14 of 5000 samples failed (at most 4 in a row; tolerance 3)");
    String freezeOut =
        ((Element) cases.item(0)).getElementsByTagName("system-out").item(0).getTextContent();
    assertThat(freezeOut)
        .contains(
            "SIGSTOP /java/ in shop/checkout-2 [app] on Pod shop/checkout-2 [app] (step freeze): applied at 11 ms, rolled back at 10.1 s")
        .contains(
            "SIGSTOP /java/ in shop/checkout-1 [app] on Pod shop/checkout-1 [app] (step freeze): applied at 10 ms, open: API unreachable");
  }

  @Test
  void htmlIsSelfContainedEscapedAndItsSvgIsWellFormed() throws Exception {
    Path file = dir.resolve("report.html");
    HtmlReport.write(file, events, experiment);
    String html = Files.readString(file, StandardCharsets.UTF_8);

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("FAILED")
        .contains("kind-dev")
        .contains("10.1 s");
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("alert('x')")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
    assertThat(html).doesNotContain("\u0007");
    assertThat(html)
        .doesNotContainPattern("(?i)\\b(src|href)\\s*=")
        .doesNotContain("url(")
        .doesNotContain("@import")
        .doesNotContain("http://")
        .doesNotContain("https://");
    assertThat(html)
        .contains("shop/checkout-1, shop/checkout-2")
        .contains("rolled back")
        .contains("open: API unreachable");

    Matcher svg = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL).matcher(html);
    int charts = 0;
    var parser = DocumentBuilderFactory.newInstance().newDocumentBuilder();
    while (svg.find()) {
      Document doc = parser.parse(new InputSource(new StringReader(svg.group())));
      assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
      if (svg.group().contains("class=\"chart\"")) {
        charts++;
        // Decimated: far fewer points than samples, but every failing column drawn.
        int points = doc.getElementsByTagName("circle").getLength();
        if (svg.group().contains("probe health")) {
          assertThat(points).isLessThan(1000).isGreaterThan(100);
          long fails = Pattern.compile("class=\"fail\"").matcher(svg.group()).results().count();
          assertThat(fails).isGreaterThanOrEqualTo(10);
        }
      }
    }
    assertThat(charts).isEqualTo(2); // health and until-unhealthy
    assertThat(html).contains("5000 samples drawn as");
  }

  @Test
  void anEmptyOrUnfinishedRunStillRenders() throws Exception {
    List<RunEvent> partial = events.subList(0, 3);
    assertThat(HtmlReport.render(partial, null)).contains("UNFINISHED");
    String xml = JUnitReport.render(partial, null);
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml)));
    assertThat(xml).contains("did not finish: the run ended first");
    assertThat(JsonJournalReport.read(JsonJournalReport.render(List.of(), null))).isEmpty();
  }
}
