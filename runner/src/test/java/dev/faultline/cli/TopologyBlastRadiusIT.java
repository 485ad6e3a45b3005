package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "One node in each of 2 zones" on the sandbox (six to eight nodes over three zones): the preview
 * shows the zone → node grouping, and a run deletes pods on exactly the two nodes it showed.
 */
class TopologyBlastRadiusIT {
  private static final String ZONE = "topology.kubernetes.io/zone";

  @TempDir Path dir;
  private Sandbox sandbox;
  private KubernetesClient client;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kc"))
                .withDemoServices(false)
                .withTimings(ControllerTimings.FAST));
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(null, Files.readString(sandbox.kubeconfig()), null))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  private Path experiment() throws Exception {
    Path file = dir.resolve("two-zones.yaml");
    Files.writeString(
        file,
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: lose-a-node-in-two-zones
        spec:
          targets:
            shop:
              namespaces: [shop]
              blastRadius: {mode: all, seed: 42, topology: {zones: 2, nodesPerZone: 1}}
          steps:
            - id: kill
              attack: k8s.pod.delete
              target: shop
              with:
                gracePeriod: 0s
        """);
    return file;
  }

  private int cli(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    var all = new java.util.ArrayList<>(java.util.List.of(args));
    all.addAll(java.util.List.of("--kubeconfig", sandbox.kubeconfig().toString()));
    return cli.execute(all.toArray(String[]::new));
  }

  private Map<String, String> zoneOfNode() {
    var zones = new HashMap<String, String>();
    for (Node node : client.nodes().list().getItems()) {
      zones.put(node.getMetadata().getName(), node.getMetadata().getLabels().get(ZONE));
    }
    return zones;
  }

  @Test
  void sandboxNodesSpreadOverThreeZonesWithTwoNodesEach() {
    Map<String, Long> perZone =
        zoneOfNode().values().stream()
            .collect(Collectors.groupingBy(z -> z, Collectors.counting()));
    assertThat(perZone).hasSize(3).allSatisfy((zone, nodes) -> assertThat(nodes).isGreaterThan(1));
    for (Node node : client.nodes().list().getItems()) {
      assertThat(node.getMetadata().getLabels())
          .containsKeys(ZONE, "topology.kubernetes.io/region", "kubernetes.io/hostname");
    }
  }

  @Test
  void previewGroupsByZoneAndTheRunHitsPodsOnExactlyTwoNodesInTwoZones() throws Exception {
    Path file = experiment();
    Map<String, String> zones = zoneOfNode();

    assertThat(cli("preview", file.toString())).as(err.toString()).isZero();
    String table = out.toString();
    assertThat(table)
        .contains("(all of the pods on 1 node in each of 2 zones)")
        .contains("  zones (1 node in each of 2 zones, by " + ZONE + "):")
        .containsPattern("\\n    zone-[abc]: 1 of [23] nodes, [1-9]\\d* pods\\n")
        .containsPattern("\\n      \\* sandbox-node-\\d  [1-9]\\d*/[1-9]\\d* pods\\n");

    out.getBuffer().setLength(0);
    assertThat(cli("preview", file.toString(), "-o", "json")).as(err.toString()).isZero();
    JsonNode target = JsonMapper.builder().build().readTree(out.toString()).path("targets").get(0);
    Set<String> shownNodes = new HashSet<>();
    Set<String> shownPods = new HashSet<>();
    for (JsonNode pod : target.path("selected")) {
      shownNodes.add(pod.path("node").asString());
      shownPods.add(pod.path("name").asString());
    }
    assertThat(shownNodes).hasSize(2);
    assertThat(shownNodes.stream().map(zones::get).distinct()).hasSize(2);
    long chosenZones = 0;
    for (JsonNode zone : target.path("zones")) {
      chosenZones += zone.path("chosen").asBoolean() ? 1 : 0;
    }
    assertThat(chosenZones).isEqualTo(2);

    // Every shop pod on the two chosen nodes is hit, and nothing elsewhere.
    Map<String, String> before = new HashMap<>();
    for (Pod pod : client.pods().inNamespace("shop").list().getItems()) {
      before.put(pod.getMetadata().getName(), pod.getSpec().getNodeName());
    }
    Set<String> onChosen =
        before.entrySet().stream()
            .filter(e -> shownNodes.contains(e.getValue()))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertThat(shownPods).isEqualTo(onChosen);

    out.getBuffer().setLength(0);
    assertThat(cli("run", file.toString())).as(err.toString() + out).isZero();
    Set<String> after = new HashSet<>();
    client.pods().inNamespace("shop").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .forEach(p -> after.add(p.getMetadata().getName()));
    Set<String> deleted = new HashSet<>(before.keySet());
    deleted.removeAll(after);

    assertThat(deleted).isEqualTo(shownPods);
    Set<String> hitNodes = deleted.stream().map(before::get).collect(Collectors.toSet());
    assertThat(hitNodes).hasSize(2);
    assertThat(hitNodes.stream().map(zones::get).distinct()).hasSize(2);
  }
}
