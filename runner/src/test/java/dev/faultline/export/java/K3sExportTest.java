package dev.faultline.export.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.export.K3sCluster;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.model.Layout;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.utility.DockerImageName;

/**
 * The Java export's K3s variant: compiled against Testcontainers (warnings as errors) and its
 * cluster settings read back from the class. No container engine runs on our machines, so the
 * cluster is never started here; the set-up it relies on ({@code ChaosRun.setUp}) runs against the
 * sandbox in {@code ClusterSetupIT}.
 */
class K3sExportTest {
  @TempDir Path dir;

  static List<Path> examples() {
    return Examples.all();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleCompilesWithItsOwnClusterAndBuildsTheSameExperiment(Path example)
      throws Exception {
    Experiment read = JavaExporterTest.read(example);
    var k3s = new K3sCluster(K3sCluster.DEFAULT_IMAGE, List.of("k8s/system-under-test.yaml"));
    ExportResult result = export(read, k3s, "K3sChaosTest");

    Class<?> generated = GeneratedClasses.compile(dir, "generated.k3s.K3sChaosTest", result.text());

    assertThat(GeneratedClasses.callStatic(generated, "experiment"))
        .as(result.text())
        .isEqualTo(read.withLayout(Layout.EMPTY));
    assertThat(result.warnings())
        .extracting(ConversionWarning::message)
        .allMatch(
            m ->
                m.contains("which K3s does not have")
                    || m.contains("the K3s test starts one")
                        && ClusterContexts.isMultiCluster(read.spec(), K3sCluster.CONTEXT));
  }

  @Test
  void aMultiClusterExperimentKeepsItsContextsAndIsWarnedAboutTheOneCluster() throws Exception {
    var k3s = new K3sCluster(K3sCluster.DEFAULT_IMAGE, List.of("k8s/system-under-test.yaml"));
    ExportResult result =
        export(example("multi-cluster-freeze-west-watch-east.yaml"), k3s, "TwoClustersTest");

    assertThat(result.text()).contains(".context(\"west\")").contains(".context(\"east\")");
    assertThat(result.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.path()).isEqualTo("spec.targets");
              assertThat(w.message())
                  .contains("several clusters (west, east)")
                  .contains("only the context 'default'")
                  .contains("export without --k3s");
            });
  }

  @Test
  void theClassCarriesTheImageTheContextAndTheSetUpInOrder() throws Exception {
    var k3s =
        new K3sCluster(
            "rancher/k3s:v1.32.9-k3s1", List.of("k8s/namespace.yaml", "k8s/shop \"v2\".yaml"));
    ExportResult result = export(example("checkout-freeze-and-recover.yaml"), k3s, "ShopTest");

    Class<?> generated = GeneratedClasses.compile(dir, "generated.k3s.ShopTest", result.text());

    DockerImageName image = (DockerImageName) constant(generated, "K3S_IMAGE");
    assertThat(image.asCanonicalNameString()).isEqualTo("rancher/k3s:v1.32.9-k3s1");
    // What K3sContainer's constructor checks before it will start the image.
    image.assertCompatibleWith(DockerImageName.parse("rancher/k3s"));
    assertThat(constant(generated, "CONTEXT")).isEqualTo(K3sCluster.CONTEXT);
    assertThat(constant(generated, "SET_UP"))
        .isEqualTo(List.of(Path.of("k8s/namespace.yaml"), Path.of("k8s/shop \"v2\".yaml")));
    Method test = generated.getDeclaredMethod("hypothesisHolds", Path.class);
    assertThat(test.isAnnotationPresent(Test.class)).isTrue();
    assertThat(test.getParameters()[0].isAnnotationPresent(TempDir.class)).isTrue();
    assertThat(result.text())
        .contains(".kubeconfig(kubeconfig)")
        .contains(".context(CONTEXT)")
        .contains(".stateDirectory(dir.resolve(\"state\"))")
        .contains(".setUp(SET_UP)")
        .contains("try (K3sContainer cluster = new K3sContainer(K3S_IMAGE))")
        .doesNotContain("asCompatibleSubstituteFor");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aMirroredImageIsDeclaredAK3sSubstituteSoTestcontainersAcceptsIt() throws Exception {
    var k3s = new K3sCluster("registry.acme.internal/mirror/k3s:v1.33.5-k3s1", List.of("a.yaml"));
    ExportResult result = export(example("checkout-freeze-and-recover.yaml"), k3s, "MirrorTest");

    Class<?> generated = GeneratedClasses.compile(dir, "generated.k3s.MirrorTest", result.text());

    DockerImageName image = (DockerImageName) constant(generated, "K3S_IMAGE");
    assertThat(image.getRepository()).isEqualTo("mirror/k3s");
    image.assertCompatibleWith(DockerImageName.parse("rancher/k3s"));
  }

  @Test
  void withoutManifestsTheExportWarnsThatTheClusterStartsEmpty() throws Exception {
    ExportResult result =
        export(example("checkout-freeze-and-recover.yaml"), K3sCluster.withDefaults(), "EmptyTest");

    assertThat(result.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.path()).isEqualTo("spec.targets");
              assertThat(w.message()).contains("starts empty").contains("--k3s-manifest");
            });
    Class<?> generated = GeneratedClasses.compile(dir, "generated.k3s.EmptyTest", result.text());
    assertThat(constant(generated, "SET_UP")).isEqualTo(List.of());
  }

  @Test
  void chaosMeshAttacksAreFlaggedBecauseK3sHasNoChaosMesh() throws Exception {
    Experiment chaosMesh =
        Examples.all().stream()
            .map(JavaExporterTest::read)
            .filter(
                e ->
                    e.spec().steps().stream()
                        .anyMatch(
                            s ->
                                s instanceof dev.faultline.model.AttackStep a
                                    && a.attack().startsWith("chaosmesh.")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no example with a Chaos Mesh attack"));

    ExportResult result =
        export(chaosMesh, new K3sCluster(K3sCluster.DEFAULT_IMAGE, List.of("x.yaml")), "CmTest");

    assertThat(result.warnings())
        .isNotEmpty()
        .allSatisfy(
            w -> {
              assertThat(w.path()).matches("spec\\.steps\\[\\d+]\\.attack");
              assertThat(w.message()).contains("needs Chaos Mesh");
            });
  }

  @Test
  void theDefaultExportStillUsesTheUsersKubeconfigAndNoTestcontainers() throws Exception {
    String text =
        Exports.standard()
            .export(
                example("checkout-freeze-and-recover.yaml"),
                ExportFormat.JAVA,
                ExportOptions.DEFAULTS)
            .text();

    assertThat(text).doesNotContain("testcontainers").doesNotContain("K3s");
  }

  private static ExportResult export(Experiment experiment, K3sCluster k3s, String className)
      throws Exception {
    return Exports.standard()
        .export(
            experiment,
            ExportFormat.JAVA,
            ExportOptions.DEFAULTS.withJavaClass("generated.k3s", className).withK3s(k3s));
  }

  private static Object constant(Class<?> type, String name) throws ReflectiveOperationException {
    var field = type.getDeclaredField(name);
    assertThat(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()))
        .as(name + " is a static final constant")
        .isTrue();
    field.setAccessible(true);
    return field.get(null);
  }

  private static Experiment example(String name) {
    return JavaExporterTest.read(Examples.dir().resolve(name));
  }
}
