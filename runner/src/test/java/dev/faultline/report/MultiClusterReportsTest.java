package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.Fault;
import dev.faultline.attack.ObjectRef;
import dev.faultline.engine.LoopResult;
import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunResult;
import dev.faultline.engine.Verdict;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports of a run over two clusters (the run's {@code east} and {@code west}, where one target
 * lives) name both contexts and say where each fault and target was; a single-cluster run's reports
 * show one context and no grouping.
 */
class MultiClusterReportsTest {
  private static final String R = "20261203-two-1";
  private static final long MS = 1_000_000L;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Experiment experiment(String westContext) {
    return new ExperimentReader()
        .read(
            """
            apiVersion: faultline.dev/v1alpha1
            kind: Experiment
            metadata: {name: two-clusters}
            spec:
              targets:
                cart-east:
                  namespaces: [shop]
                  labelSelector: app=cart
                checkout-west:
                  context: %s
                  namespaces: [shop]
                  labelSelector: app=checkout
              steps:
                - id: freeze-cart
                  attack: process.signal
                  target: cart-east
                  with: {signal: SIGSTOP, process: java}
                - id: freeze-checkout
                  attack: process.signal
                  target: checkout-west
                  with: {signal: SIGSTOP, process: java}
            """
                .formatted(westContext),
            Syntax.YAML)
        .experiment()
        .orElseThrow();
  }

  private static Fault fault(String step, String context, String pod) {
    return new Fault(
        step + "#1",
        R,
        step,
        "process.signal",
        context,
        ObjectRef.container("shop", pod, "app"),
        "SIGSTOP /java/ in shop/" + pod + " [app]",
        true,
        Map.of("signal", "SIGSTOP"));
  }

  /** Events of a run started on east whose checkout target lives in {@code westContext}. */
  private static List<RunEvent> events(String westContext) {
    Fault cart = fault("freeze-cart", "east", "cart-1");
    Fault checkout = fault("freeze-checkout", westContext, "checkout-7");
    var events = new ArrayList<RunEvent>();
    events.add(
        new RunEvent.RunStarted(
            R,
            0,
            Instant.parse("2026-12-03T15:00:00Z"),
            "two-clusters",
            "east",
            false,
            List.of("freeze-cart", "freeze-checkout")));
    events.add(new RunEvent.StepStarted(R, MS, "freeze-cart", "attack", "SIGSTOP java"));
    events.add(
        new RunEvent.TargetsResolved(
            R, 2 * MS, "freeze-cart", "cart-east", List.of("shop/cart-1"), 2, List.of(), "east"));
    events.add(new RunEvent.FaultApplied(R, 3 * MS, cart));
    events.add(new RunEvent.StepSucceeded(R, 4 * MS, "freeze-cart", "1 fault applied"));
    events.add(new RunEvent.StepStarted(R, 5 * MS, "freeze-checkout", "attack", "SIGSTOP java"));
    events.add(
        new RunEvent.TargetsResolved(
            R,
            6 * MS,
            "freeze-checkout",
            "checkout-west",
            List.of("shop/checkout-7"),
            3,
            List.of(),
            westContext));
    events.add(new RunEvent.FaultApplied(R, 7 * MS, checkout));
    events.add(new RunEvent.StepSucceeded(R, 8 * MS, "freeze-checkout", "1 fault applied"));
    events.add(new RunEvent.FaultRolledBack(R, 9 * MS, checkout));
    events.add(new RunEvent.FaultRolledBack(R, 10 * MS, cart));
    events.add(new RunEvent.RunFinished(R, 11 * MS, Verdict.PASSED, "all steps passed", 0));
    return events;
  }

  @Test
  void htmlNamesEveryContextAndGroupsFaultsAndTargetsByContext() {
    String html = HtmlReport.render(events("west"), experiment("west"));

    assertThat(html).contains("<dt>Contexts</dt><dd>east (the run&#39;s), west</dd>");
    String faults = section(html, "Faults");
    assertThat(faults)
        .containsSubsequence(
            "Context east <small>the run&#39;s</small>",
            "shop/cart-1",
            "Context west",
            "checkout-7");
    assertThat(faults.substring(faults.indexOf("Context west"))).doesNotContain("cart-1");
    String targets = section(html, "Targets hit");
    assertThat(targets)
        .containsSubsequence("Context east", "cart-east", "Context west", "checkout-west");
  }

  @Test
  void jsonJournalAndJUnitListEveryContextTheRunsFirst() throws Exception {
    JsonNode journal = JSON.readTree(JsonJournalReport.render(events("west"), experiment("west")));
    assertThat(journal.path("context").asString()).isEqualTo("east");
    assertThat(journal.path("contexts").valueStream().map(JsonNode::asString))
        .containsExactly("east", "west");

    String junit = JUnitReport.render(events("west"), experiment("west"));
    assertThat(junit)
        .contains("<property name=\"contexts\" value=\"east,west\"")
        .contains(" in west (step freeze-checkout)")
        .contains(" in east (step freeze-cart)");
  }

  @Test
  void loopReportsCarryEachLoopsContexts() throws Exception {
    var loop = new RunResult(R, Verdict.PASSED, "all steps passed", 0, events("west"));
    var result = new LoopResult(Verdict.PASSED, "1 loop passed", 0, 1, List.of(loop));

    JsonNode json = JSON.readTree(LoopReports.json(result, experiment("west")));
    assertThat(json.path("loops").get(0).path("contexts").valueStream().map(JsonNode::asString))
        .containsExactly("east", "west");
    assertThat(LoopReports.junit(result, experiment("west")))
        .contains("<property name=\"contexts\" value=\"east,west\"");
  }

  @Test
  void aSingleClusterRunShowsOneContextAndNoGrouping() throws Exception {
    // The target names the run's own context: still one cluster.
    List<RunEvent> events = events("east");
    Experiment experiment = experiment("east");

    String html = HtmlReport.render(events, experiment);
    assertThat(html)
        .contains("<dt>Context</dt><dd>east</dd>")
        .doesNotContain("Contexts")
        .doesNotContain("class=\"context\"");
    assertThat(
            JSON.readTree(JsonJournalReport.render(events, experiment))
                .path("contexts")
                .valueStream()
                .map(JsonNode::asString))
        .containsExactly("east");
    assertThat(JUnitReport.render(events, experiment))
        .contains("<property name=\"contexts\" value=\"east\"")
        .contains("(step freeze-cart)")
        .doesNotContain(" in east (step");
  }

  /** The HTML of one section, from its heading to the next. */
  private static String section(String html, String heading) {
    int start = html.indexOf("<h2>" + heading + "</h2>");
    assertThat(start).as(heading).isNotNegative();
    int end = html.indexOf("</section>", start);
    return html.substring(start, end);
  }
}
