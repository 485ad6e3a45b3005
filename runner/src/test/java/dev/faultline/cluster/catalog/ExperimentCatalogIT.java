package dev.faultline.cluster.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Examples;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.model.Metadata;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxClients;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.api.AccessRules;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog against the sandbox's API server, through clients built from its kubeconfig. */
class ExperimentCatalogIT {
  private static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");
  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static KubernetesClient client;
  private static int namespaces;
  private String namespace;

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kc"))
                .withDemoServices(false)
                .withTimings(ControllerTimings.FAST));
    client = SandboxClients.connect(sandbox);
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  /** Each test gets a namespace of its own, so their catalogs never mix. */
  @BeforeEach
  void namespace() {
    namespace = "team-chaos-" + ++namespaces;
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
  }

  @AfterEach
  void allow() {
    sandbox.accessRules().allowAll();
  }

  private ExperimentCatalog catalog(KubernetesClient c, String who) {
    return new ExperimentCatalog(c, namespace, who, Clock.fixed(NOON, ZoneOffset.UTC));
  }

  private static Experiment example(String file) {
    return new ExperimentReader().read(Examples.dir().resolve(file)).experiment().orElseThrow();
  }

  private static Experiment describedAs(Experiment experiment, String description) {
    Metadata m = experiment.metadata();
    return new Experiment(
        new Metadata(m.name(), description, m.labels(), m.extras()),
        experiment.spec(),
        experiment.layout(),
        experiment.extras());
  }

  @Test
  void aSavedExperimentIsListedAndOpensEqual() throws Exception {
    Experiment experiment = example("checkout-freeze-and-recover.yaml");
    SaveResult saved = catalog(client, "alice").save(experiment, "first cut");

    assertThat(saved.created()).isTrue();
    assertThat(saved.version().version()).isEqualTo(1);
    assertThat(saved.version().configMap())
        .isEqualTo("faultline-exp-" + experiment.metadata().name() + "-v1");
    CatalogListing listing = catalog(client, "bob").list();
    assertThat(listing.problems()).isEmpty();
    assertThat(listing.entries()).hasSize(1);
    CatalogVersion latest = listing.entries().getFirst().latest();
    assertThat(latest.name()).isEqualTo(experiment.metadata().name());
    assertThat(latest.description()).isEqualTo(experiment.metadata().description());
    assertThat(latest.savedBy()).isEqualTo("alice");
    assertThat(latest.savedAt()).isEqualTo(NOON);
    assertThat(latest.message()).isEqualTo("first cut");

    OpenedExperiment opened = catalog(client, "bob").open(experiment.metadata().name());
    assertThat(opened.read().hasErrors()).as(opened.read().problems().toString()).isFalse();
    assertThat(opened.read().experiment()).contains(experiment);
    assertThat(opened.text()).isEqualTo(ExperimentFormat.write(experiment, Syntax.YAML));
    assertThat(opened.origin()).isEqualTo(namespace + "/" + experiment.metadata().name() + " v1");
  }

  @Test
  void versionsIncrementAndAnUnchangedSaveWritesNothing() throws Exception {
    Experiment first = example("pod-delete-steady-state.yaml");
    String name = first.metadata().name();
    ExperimentCatalog catalog = catalog(client, "alice");
    catalog.save(first, "v1");
    SaveResult again = catalog.save(first, "same content");
    Experiment second = describedAs(first, "second take");
    SaveResult changed = catalog.save(second, "describe it");

    assertThat(again.created()).isFalse();
    assertThat(again.version().version()).isEqualTo(1);
    assertThat(changed.created()).isTrue();
    assertThat(changed.version().version()).isEqualTo(2);
    assertThat(catalog.history(name))
        .extracting(CatalogVersion::version, CatalogVersion::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "v1"),
            org.assertj.core.groups.Tuple.tuple(2, "describe it"));
    assertThat(catalog.open(name, 1).read().experiment()).contains(first);
    assertThat(catalog.open(name).read().experiment()).contains(second);
    assertThat(catalog.list().entries().getFirst().versions()).isEqualTo(2);
    assertThatThrownBy(() -> catalog.open(name, 7))
        .hasMessage(
            "experiment \""
                + name
                + "\" has no version 7 in namespace \""
                + namespace
                + "\" (versions: 1, 2)");
    assertThatThrownBy(() -> catalog.open(name + "x"))
        .hasMessage(
            "no experiment \""
                + name
                + "x\" in namespace \""
                + namespace
                + "\"; did you mean \""
                + name
                + "\"?");
  }

  @Test
  void concurrentSavesFromTwoClientsAllLandAsDistinctVersions() throws Exception {
    Experiment base = example("network-delay.yaml");
    int perClient = 6;
    try (KubernetesClient other = SandboxClients.connect(sandbox);
        ExecutorService pool = Executors.newFixedThreadPool(2 * perClient)) {
      var start = new CountDownLatch(1);
      List<Future<SaveResult>> saves = new ArrayList<>();
      for (int i = 0; i < 2 * perClient; i++) {
        ExperimentCatalog catalog = catalog(i % 2 == 0 ? client : other, "user" + i % 2);
        Experiment content = describedAs(base, "take " + i);
        saves.add(
            pool.submit(
                () -> {
                  start.await();
                  return catalog.save(content, content.metadata().description());
                }));
      }
      start.countDown();
      Set<Integer> versions = new HashSet<>();
      for (Future<SaveResult> save : saves) {
        assertThat(save.get().created()).isTrue();
        versions.add(save.get().version().version());
      }
      assertThat(versions).hasSize(2 * perClient);
    }
    List<CatalogVersion> history = catalog(client, "x").history(base.metadata().name());
    assertThat(history)
        .extracting(CatalogVersion::version)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, 2 * perClient).boxed().toList());
    assertThat(history.stream().map(CatalogVersion::description).distinct()).hasSize(2 * perClient);
  }

  @Test
  void foreignAndMalformedConfigMapsAreReportedNotFatal() throws Exception {
    Experiment good = example("checkout-freeze-and-recover.yaml");
    catalog(client, "alice").save(good, "");
    put("someone-elses", Map.of(CatalogLabels.EXPERIMENT, "x"), Map.of("a", "b"));
    put(
        "bad-version",
        Map.of(
            CatalogLabels.MANAGED_BY, "faultline",
            CatalogLabels.EXPERIMENT, "bad",
            CatalogLabels.VERSION, "latest"),
        Map.of(CatalogLabels.DATA_KEY, "x"));
    put(
        "faultline-exp-empty-v1",
        Map.of(
            CatalogLabels.MANAGED_BY, "faultline",
            CatalogLabels.EXPERIMENT, "empty",
            CatalogLabels.VERSION, "1"),
        Map.of());
    put(
        "faultline-exp-broken-v1",
        Map.of(
            CatalogLabels.MANAGED_BY, "faultline",
            CatalogLabels.EXPERIMENT, "broken",
            CatalogLabels.VERSION, "1"),
        Map.of(
            CatalogLabels.DATA_KEY,
            "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata:\n  name: broken\n"
                + "spec:\n  steps: [\n"));

    CatalogListing listing = catalog(client, "bob").list();

    assertThat(listing.entries())
        .extracting(CatalogEntry::name)
        .containsExactly("broken", good.metadata().name());
    assertThat(listing.problems())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder(
            "configmap someone-elses: has the label faultline.dev/experiment but is not managed by"
                + " Faultline (app.kubernetes.io/managed-by is not \"faultline\"); left alone",
            "configmap bad-version: label faultline.dev/version is \"latest\"; expected a version"
                + " number 1, 2, …",
            "configmap faultline-exp-empty-v1: has no data key \"experiment.yaml\"");
    OpenedExperiment broken = catalog(client, "bob").open("broken");
    assertThat(broken.read().experiment()).isEmpty();
    assertThat(broken.read().problems()).hasSize(1);
    assertThat(broken.read().problems().getFirst().line()).isEqualTo(7);
    assertThat(broken.read().problems().getFirst().hasPosition()).isTrue();
  }

  private void put(String name, Map<String, String> labels, Map<String, String> data) {
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withData(data)
                .build())
        .create();
  }

  @Test
  void anExperimentTooBigForAConfigMapIsRefusedClearly() {
    Experiment big = describedAs(example("network-delay.yaml"), "x".repeat(1_100_000));

    assertThatThrownBy(() -> catalog(client, "alice").save(big, ""))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("is 1,10")
        .hasMessageContaining("a ConfigMap holds at most 1 MiB (1,048,576 bytes)")
        .hasMessageContaining("namespace \"" + namespace + "\"");
    assertThat(client.configMaps().inNamespace(namespace).list().getItems()).isEmpty();
  }

  @Test
  void aMissingNamespaceAndDeniedVerbsNameTheNamespaceAndTheVerb() {
    var nowhere = new ExperimentCatalog(client, "no-such-team", "alice", Clock.systemUTC());
    assertThatThrownBy(nowhere::list).hasMessage("namespace \"no-such-team\" does not exist");

    sandbox.accessRules().deny(new AccessRules.Rule("create", "", "configmaps", "", namespace));
    assertThatThrownBy(() -> catalog(client, "alice").save(example("network-delay.yaml"), ""))
        .hasMessageStartingWith(
            "cannot create experiment \"checkout-network-delay\" in namespace \""
                + namespace
                + "\": ")
        .hasMessageContaining("forbidden (403)")
        .hasMessageContaining(
            "RBAC does not allow user \"faultline-sandbox\" to create configmaps");

    sandbox.accessRules().deny("list", "configmaps");
    assertThatThrownBy(() -> catalog(client, "alice").list())
        .hasMessageStartingWith("cannot list experiments in namespace \"" + namespace + "\": ")
        .hasMessageContaining("forbidden (403)");
  }

  @Test
  void anApiServerThatIsDownIsNamedWithTheVerbAndNamespace() throws Exception {
    var config =
        io.fabric8.kubernetes.client.Config.fromKubeconfig(
            java.nio.file.Files.readString(sandbox.kubeconfig()));
    // No retries: the default client would back off for a long while before it gives up.
    config.setRequestRetryBackoffLimit(0);
    try (KubernetesClient impatient =
        new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build()) {
      sandbox.stopApi();
      try {
        assertThatThrownBy(() -> catalog(impatient, "alice").list())
            .hasMessageStartingWith(
                "cannot list experiments in namespace \"" + namespace + "\": cannot reach ")
            .hasMessageContaining("Check that the cluster is running");
      } finally {
        sandbox.startApi();
      }
    }
  }
}
