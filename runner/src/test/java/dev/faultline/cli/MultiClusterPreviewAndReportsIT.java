package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.LeftBehind;
import dev.faultline.TwoClusters;
import dev.faultline.safety.StateDirectory;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code faultline preview} and a run's reports over two clusters ({@link TwoClusters}: contexts
 * {@code east}, the run's, and {@code west}): the preview resolves each target in its own cluster
 * and groups them by context; the HTML, JSON and JUnit reports, the end-of-run summary and {@code
 * faultline status} name both contexts and say where each fault was.
 */
class MultiClusterPreviewAndReportsIT {
  @TempDir Path dir;
  private TwoClusters clusters;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    clusters = TwoClusters.start(dir);
  }

  @AfterEach
  void stop() {
    clusters.close();
    System.clearProperty(StateDirectory.PROPERTY);
  }

  private Path experiment(String westContext) throws Exception {
    Path file = dir.resolve("freeze-both.yaml");
    Files.writeString(
        file,
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: freeze-both
        spec:
          targets:
            checkout-west:
              context: %s
              namespaces: [shop]
              labelSelector: app=checkout
              blastRadius: {mode: one}
            checkout-east:
              namespaces: [shop]
              labelSelector: app=checkout
              blastRadius: {mode: one}
          steps:
            - id: freeze-west
              attack: process.signal
              target: checkout-west
              with: {signal: SIGSTOP, process: java}
            - id: freeze-east
              after: [freeze-west]
              attack: process.signal
              target: checkout-east
              with: {signal: SIGSTOP, process: java}
            - id: hold
              after: [freeze-east]
              wait: 1s
        """
            .formatted(westContext));
    return file;
  }

  private int cli(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    var all = new ArrayList<>(List.of(args));
    if (!args[0].equals("status")) {
      all.addAll(List.of("--kubeconfig", clusters.kubeconfig().toString(), "--context", "east"));
    }
    return cli.execute(all.toArray(String[]::new));
  }

  private static List<Pod> checkoutPods(KubernetesClient client) {
    return client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems();
  }

  @Test
  void previewResolvesEachTargetInItsOwnClusterAndGroupsThemByContext() throws Exception {
    // Both sandboxes seed the same world; two replicas in west tell the clusters apart.
    clusters.west().apps().deployments().inNamespace("shop").withName("checkout").scale(2);
    LeftBehind.await(
        Duration.ofSeconds(20), () -> checkoutPods(clusters.west()), pods -> pods.size() == 2);
    assertThat(checkoutPods(clusters.east())).hasSize(3);

    assertThat(cli("preview", experiment("west").toString())).as(err.toString()).isZero();

    String text = out.toString();
    int eastHeading = text.indexOf("CONTEXT east (the run's context) · snapshot");
    int westHeading = text.indexOf("CONTEXT west · snapshot");
    assertThat(eastHeading).as(text).isZero();
    assertThat(westHeading).as(text).isPositive();
    assertThat(text.substring(0, westHeading))
        .contains("TARGET checkout-east: 3 matched, 1 selected")
        .doesNotContain("checkout-west");
    assertThat(text.substring(westHeading)).contains("TARGET checkout-west: 2 matched, 1 selected");
    assertThat(err.toString()).contains("connecting to east").contains("connecting to west");

    assertThat(cli("preview", experiment("west").toString(), "-o", "json")).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    Map<String, String> contextOf = new LinkedHashMap<>();
    Map<String, Long> matchedOf = new LinkedHashMap<>();
    json.path("targets")
        .forEach(
            t -> {
              contextOf.put(t.path("name").asString(), t.path("context").asString());
              matchedOf.put(t.path("name").asString(), t.path("matched").asLong());
            });
    assertThat(contextOf)
        .containsEntry("checkout-west", "west")
        .containsEntry("checkout-east", "east");
    assertThat(matchedOf).containsEntry("checkout-west", 2L).containsEntry("checkout-east", 3L);
  }

  @Test
  void previewRefusesAContextTheKubeconfigLacks() throws Exception {
    assertThat(cli("preview", experiment("wset").toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("no kubeconfig context 'wset'").contains("west");
  }

  @Test
  void aRunsReportsAndStatusNameBothContexts() throws Exception {
    Path reports = dir.resolve("reports");

    int exit = cli("run", experiment("west").toString(), "--report-dir", reports.toString());

    assertThat(exit).as(err + "\n" + out).isZero();
    assertThat(out.toString())
        .containsPattern("\n    in east \\(the run's context\\): (\\d+) applied, \\1 rolled back\n")
        .containsPattern("\n    in west: (\\d+) applied, \\1 rolled back\n")
        .contains("  target checkout-west in west: 1 of ");
    String html = Files.readString(reports.resolve(RunReports.HTML));
    assertThat(html)
        .contains("<dt>Contexts</dt><dd>east (the run&#39;s), west</dd>")
        .containsSubsequence(
            "<h2>Faults</h2>", "Context east", "freeze-east", "Context west", "freeze-west");
    JsonNode journal = JsonMapper.builder().build().readTree(reports.resolve(RunReports.JSON));
    assertThat(journal.path("contexts").valueStream().map(JsonNode::asString))
        .containsExactly("east", "west");
    assertThat(Files.readString(reports.resolve(RunReports.JUNIT)))
        .contains("<property name=\"contexts\" value=\"east,west\"")
        .contains(" in west (step freeze-west)");

    String runId = journal.path("runId").asString();
    assertThat(cli("status", runId)).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Context:    east\nAlso in:    west\n")
        .containsPattern("freeze-west#1 +freeze-west +west ")
        .containsPattern("freeze-east#1 +freeze-east +east ");
  }
}
