package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.ContainerView;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.cluster.snapshot.StaticSnapshot;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.target.TargetResolution;
import dev.faultline.target.TargetResolver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PreviewRenderer} with targets in two contexts groups them under a heading per context, the
 * run's first, and gives each target its context in JSON; a single-cluster preview prints as
 * before, with or without the run's context known.
 */
class PreviewRendererTest {
  private static final String FILE =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata: {name: two-clusters}
      spec:
        targets:
          checkout-west:
            context: %s
            namespaces: [shop]
            labelSelector: app=checkout
          checkout-east:
            namespaces: [shop]
            labelSelector: app=checkout
        steps:
          - id: freeze
            attack: process.signal
            target: checkout-west
            with: {signal: SIGSTOP, process: java}
      """;

  private static Experiment experiment(String westContext) {
    return new ExperimentReader()
        .read(FILE.formatted(westContext), Syntax.YAML)
        .experiment()
        .orElseThrow();
  }

  private static ClusterSnapshot cluster(String node, int pods) {
    var list = new java.util.ArrayList<PodView>();
    for (int i = 0; i < pods; i++) {
      list.add(
          new PodView(
              "shop",
              "checkout-" + node + "-" + i,
              "uid-" + node + i,
              Map.of("app", "checkout"),
              Map.of(),
              "Running",
              true,
              false,
              node,
              "ReplicaSet",
              "checkout-abc",
              "Deployment",
              "checkout",
              List.of(new ContainerView("app", true, "running", 0))));
    }
    return new StaticSnapshot(1, List.of("shop"), list, List.of(), List.of());
  }

  private static Map<String, TargetResolution> resolve(
      Experiment experiment, Map<String, ClusterSnapshot> snapshotOf) {
    var results = new LinkedHashMap<String, TargetResolution>();
    experiment
        .spec()
        .targets()
        .forEach(
            (name, target) ->
                results.put(
                    name,
                    TargetResolver.resolve(
                        target, snapshotOf.get(name), NamespacePolicy.DEFAULT, 7)));
    return results;
  }

  private static String render(
      PreviewRenderer renderer,
      Map<String, TargetResolution> results,
      Map<String, ClusterSnapshot> snapshots) {
    var text = new StringWriter();
    renderer.print(results, snapshots, new PrintWriter(text));
    return text.toString();
  }

  /**
   * The preview of the west target (3 pods on west-node) and the east one (2 on east-node), run on
   * east.
   */
  private static String twoContexts(PreviewCommand.Output output) {
    Experiment experiment = experiment("west");
    ClusterSnapshot east = cluster("east-node", 2);
    ClusterSnapshot west = cluster("west-node", 3);
    var results = resolve(experiment, Map.of("checkout-east", east, "checkout-west", west));
    var snapshots = new LinkedHashMap<String, ClusterSnapshot>();
    snapshots.put("east", east);
    snapshots.put("west", west);
    return render(new PreviewRenderer(experiment, "east", "east", output), results, snapshots);
  }

  @Test
  void targetsInTwoContextsAreGroupedUnderAHeadingPerContextTheRunsFirst() {
    String text = twoContexts(PreviewCommand.Output.table);

    assertThat(text)
        .startsWith("CONTEXT east (the run's context) · snapshot live · 2 pods watched\n\n")
        .contains("\nCONTEXT west · snapshot live · 3 pods watched\n");
    // The run's context comes first although the file lists the west target first, and each
    // target sits under its own context's heading with that cluster's pods.
    int eastHeading = text.indexOf("CONTEXT east");
    int westHeading = text.indexOf("CONTEXT west");
    assertThat(text.indexOf("TARGET checkout-east: 2 matched")).isBetween(eastHeading, westHeading);
    assertThat(text.indexOf("TARGET checkout-west: 3 matched")).isGreaterThan(westHeading);
    assertThat(text.substring(westHeading))
        .contains("checkout-west-node-0")
        .doesNotContain("east-node");
  }

  @Test
  void jsonGivesEachTargetItsContextAndListsEveryContextsSnapshot() throws Exception {
    JsonNode json = JsonMapper.builder().build().readTree(twoContexts(PreviewCommand.Output.json));

    assertThat(json.path("contexts").get(0).path("name").asString()).isEqualTo("east");
    assertThat(json.path("contexts").get(0).path("run").asBoolean()).isTrue();
    assertThat(json.path("contexts").get(1).path("name").asString()).isEqualTo("west");
    assertThat(json.path("contexts").get(1).path("snapshot").path("pods").asLong()).isEqualTo(3);
    Map<String, String> contextOf = new LinkedHashMap<>();
    json.path("targets")
        .forEach(t -> contextOf.put(t.path("name").asString(), t.path("context").asString()));
    assertThat(contextOf)
        .containsEntry("checkout-west", "west")
        .containsEntry("checkout-east", "east");
  }

  @Test
  void aSingleClusterPreviewPrintsAsBeforeWhetherOrNotTheRunsContextIsKnown() {
    // The target names the run's own context: one cluster, no grouping, no context fields.
    Experiment experiment = experiment("east");
    ClusterSnapshot east = cluster("east-node", 2);
    var results = resolve(experiment, Map.of("checkout-east", east, "checkout-west", east));

    for (PreviewCommand.Output output : PreviewCommand.Output.values()) {
      String before =
          render(new PreviewRenderer(experiment, "east", output), results, Map.of("", east));
      String now =
          render(
              new PreviewRenderer(experiment, "east", "east", output),
              results,
              Map.of("east", east));
      assertThat(now).as(output.name()).isEqualTo(before).doesNotContain("CONTEXT");
      assertThat(now).doesNotContain("\"context\"").doesNotContain("contexts");
    }
    assertThat(
            render(
                new PreviewRenderer(experiment, "east", "east", PreviewCommand.Output.table),
                results,
                Map.of("east", east)))
        .startsWith("east · snapshot live · 2 pods watched\n\nTARGET checkout-west: 2 matched");
  }
}
