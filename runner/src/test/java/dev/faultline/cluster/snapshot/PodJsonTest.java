package dev.faultline.cluster.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The streaming reader gives the same views as fabric8's parse followed by {@link Views#pod}. */
class PodJsonTest {
  private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();

  private static PodJson.Page stream(String json) {
    return new PodJson(new Interner())
        .readList(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<PodView> viaFabric8(String json) {
    var views = new Views();
    return FABRIC8.unmarshal(json, PodList.class).getItems().stream().map(views::pod).toList();
  }

  @Test
  void randomPodsReadTheSameAsThroughFabric8() {
    var random = new SplittableRandom(5);
    var pods = new ArrayList<Pod>();
    for (int i = 0; i < 2_000; i++) {
      pods.add(randomPod(random, i));
    }
    String json =
        FABRIC8.asJson(
            new PodListBuilder()
                .withNewMetadata()
                .withResourceVersion("4711")
                .withContinue("next-page")
                .endMetadata()
                .withItems(pods)
                .build());
    PodJson.Page page = stream(json);
    assertThat(page.resourceVersion()).isEqualTo("4711");
    assertThat(page.continueToken()).isEqualTo("next-page");
    assertThat(page.pods()).isEqualTo(viaFabric8(json));
  }

  @Test
  void nullsOddOrderAndUnknownFieldsReadTheSameAsThroughFabric8() {
    String json =
        """
        {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"9"},"items":[
         {"status":{"phase":"Running","conditions":[{"type":"Ready","status":"False"},
            {"type":"Ready","status":"True"}],
           "containerStatuses":[{"name":"app","ready":null,"restartCount":null,
             "state":{"running":null,"terminated":{"exitCode":1}}},
            {"name":"side","ready":true,"restartCount":3,"state":null}]},
          "spec":{"nodeName":null,"containers":[{"name":"app"},{"name":"side"},{"name":"x"}],
            "extra":{"deep":[1,{"a":[]}]}},
          "metadata":{"name":"p1","namespace":"ns","labels":null,"annotations":{"a":"1"},
            "deletionTimestamp":null,"uid":null,
            "ownerReferences":[{"kind":"Node","name":"n1"},
              {"kind":"ReplicaSet","name":"web-abc","controller":true},
              {"kind":"Job","name":"j","controller":true}]}},
         {"metadata":{"name":"p2","namespace":"ns","deletionTimestamp":"2024-01-01T00:00:00Z",
            "labels":{"pod-template-hash":"abc","app":"web"},
            "ownerReferences":[{"kind":"ReplicaSet","name":"web-abc","controller":false}]},
          "status":null},
         {"metadata":{"name":"p3","namespace":"other","ownerReferences":[]},
          "status":{"containerStatuses":[{"name":"c","state":{"waiting":{}}}]},
          "spec":{"containers":[{"name":"c"}]}}
        ]}
        """;
    PodJson.Page page = stream(json);
    assertThat(page.resourceVersion()).isEqualTo("9");
    assertThat(page.continueToken()).isEmpty();
    assertThat(page.pods()).isEqualTo(viaFabric8(json));
    assertThat(page.pods().getFirst().workloadKind()).isEqualTo("ReplicaSet");
    assertThat(page.pods().get(1).workloadName()).isEqualTo("web");
    assertThat(page.pods().get(1).terminating()).isTrue();
  }

  private static Pod randomPod(SplittableRandom random, int i) {
    String app = List.of("web", "api", "db", "cache").get(random.nextInt(4));
    String hash = "h" + random.nextInt(50);
    Map<String, String> labels = new LinkedHashMap<>();
    if (random.nextInt(5) != 0) {
      labels.put("app", app);
      labels.put("tier", random.nextBoolean() ? "web" : "backend");
      if (random.nextBoolean()) {
        labels.put("pod-template-hash", hash);
      }
    }
    var builder =
        new PodBuilder()
            .withNewMetadata()
            .withName(app + "-" + i)
            .withNamespace("team-" + random.nextInt(5))
            .withUid(random.nextInt(10) == 0 ? null : "uid-" + i)
            .withLabels(labels.isEmpty() && random.nextBoolean() ? null : labels)
            .withAnnotations(random.nextInt(3) == 0 ? Map.of("note", "x" + i) : null)
            .withDeletionTimestamp(random.nextInt(8) == 0 ? "2024-01-01T00:00:00Z" : null)
            .endMetadata();
    switch (random.nextInt(4)) {
      case 0 -> {}
      case 1 ->
          builder
              .editMetadata()
              .addToOwnerReferences(
                  new OwnerReferenceBuilder()
                      .withKind("ReplicaSet")
                      .withName(app + "-" + hash)
                      .withController(true)
                      .build())
              .endMetadata();
      case 2 ->
          builder
              .editMetadata()
              .addToOwnerReferences(
                  new OwnerReferenceBuilder().withKind("Node").withName("n").build(),
                  new OwnerReferenceBuilder()
                      .withKind("StatefulSet")
                      .withName(app)
                      .withController(random.nextBoolean())
                      .build())
              .endMetadata();
      default ->
          builder
              .editMetadata()
              .addToOwnerReferences(
                  new OwnerReferenceBuilder().withKind("Job").withName("job-" + i).build())
              .endMetadata();
    }
    List<String> containers = random.nextInt(6) == 0 ? List.of() : List.of("app", "istio-proxy");
    var spec = builder.withNewSpec().withNodeName(random.nextInt(6) == 0 ? null : "node-1");
    for (String c : containers) {
      spec.addNewContainer().withName(c).withImage("img").endContainer();
    }
    builder = spec.endSpec();
    if (random.nextInt(6) != 0) {
      var status =
          builder
              .withNewStatus()
              .withPhase(
                  random.nextInt(5) == 0 ? null : random.nextBoolean() ? "Running" : "Pending");
      if (random.nextBoolean()) {
        status.addToConditions(
            new PodConditionBuilder().withType("PodScheduled").withStatus("True").build(),
            new PodConditionBuilder()
                .withType("Ready")
                .withStatus(random.nextBoolean() ? "True" : "False")
                .build());
      }
      for (String c : containers) {
        if (random.nextInt(4) == 0) {
          continue;
        }
        var cs =
            new ContainerStatusBuilder()
                .withName(c)
                .withReady(random.nextInt(3) == 0 ? null : random.nextBoolean())
                .withRestartCount(random.nextInt(4) == 0 ? null : random.nextInt(5));
        switch (random.nextInt(4)) {
          case 0 -> cs.withNewState().withNewRunning().endRunning().endState();
          case 1 ->
              cs.withNewState().withNewTerminated().withExitCode(1).endTerminated().endState();
          case 2 -> cs.withNewState().withNewWaiting().withReason("x").endWaiting().endState();
          default -> {}
        }
        status.addToContainerStatuses(cs.build());
      }
      builder = status.endStatus();
    }
    return builder.build();
  }
}
