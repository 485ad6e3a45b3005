package dev.faultline.export.java;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.K3sCluster;
import dev.faultline.model.AttackStep;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The parts of a generated test that differ when it brings its own cluster: a Testcontainers K3s
 * container as a class field, the manifests of the system under test, and a run pointed at the
 * container's kubeconfig instead of the user's.
 */
final class K3sTest {
  private static final int MAX_LINE = 100;

  private K3sTest() {}

  static void addImports(Imports imports) {
    imports.add("java.io.IOException");
    imports.add("java.nio.file.Files");
    imports.add("java.nio.file.Path");
    imports.add("java.util.List");
    imports.add("org.junit.jupiter.api.io.TempDir");
    imports.add("org.testcontainers.k3s.K3sContainer");
    imports.add("org.testcontainers.utility.DockerImageName");
  }

  static String javadoc() {
    return """
         *
         * <p>Runs in a disposable K3s cluster that Testcontainers starts for the test and removes after
         * it (a container engine such as Docker or Podman must be running; K3s runs privileged): the
         * manifests in {@code SET_UP} are applied first, then the experiment runs there. Needs {@code
         * org.testcontainers:testcontainers-k3s} on the test class path.
        """;
  }

  /**
   * The cluster's settings as constants. The container itself is created in the test, not in a
   * static field: K3sContainer's constructor already asks for a container engine, and a class that
   * cannot even load without one hides its settings and fails with a worse message.
   */
  static String fields(K3sCluster k3s) {
    var out = new StringBuilder();
    String image = "DockerImageName.parse(" + JavaLiterals.string(k3s.image()) + ")";
    if (!isRancherK3s(k3s.image())) {
      // Testcontainers refuses an image it does not know as K3s unless told it is one (a mirror).
      image += "\n          .asCompatibleSubstituteFor(\"rancher/k3s\")";
    }
    out.append("  /** The K3s release of the disposable cluster; pinned, so runs repeat. */\n")
        .append(constant("DockerImageName K3S_IMAGE", image));
    out.append("  /** The context K3s names in the kubeconfig it hands out. */\n")
        .append("  static final String CONTEXT = ")
        .append(JavaLiterals.string(K3sCluster.CONTEXT))
        .append(";\n\n")
        .append("  /**\n")
        .append("   * The system under test, applied to the empty cluster before the run; paths")
        .append(" start at the\n")
        .append("   * directory the test runs in (the project root under Maven or Gradle).\n")
        .append("   */\n");
    String paths =
        k3s.manifests().stream()
            .map(m -> "Path.of(" + JavaLiterals.string(m) + ")")
            .collect(Collectors.joining(", "));
    String list = "List.of(" + paths + ")";
    if (oneLine("List<Path> SET_UP", list).length() > MAX_LINE) {
      list =
          k3s.manifests().stream()
              .map(m -> "Path.of(" + JavaLiterals.string(m) + ")")
              .collect(Collectors.joining(",\n          ", "List.of(\n          ", ")"));
    }
    out.append(constant("List<Path> SET_UP", list));
    return out.toString();
  }

  /** A static final field: on one line when it fits, else its value on the next, as gjf does. */
  private static String constant(String typeAndName, String value) {
    String line = oneLine(typeAndName, value);
    if (!value.contains("\n") && line.length() <= MAX_LINE) {
      return line + ";\n\n";
    }
    return "  static final " + typeAndName + " =\n      " + value + ";\n\n";
  }

  private static String oneLine(String typeAndName, String value) {
    return "  static final " + typeAndName + " = " + value;
  }

  private static boolean isRancherK3s(String image) {
    String repository = image.replaceFirst("[:@].*$", "");
    return repository.equals("rancher/k3s") || repository.equals("docker.io/rancher/k3s");
  }

  /**
   * The test method's body: start the cluster, run there, assert. Journals go to the test's own
   * directory: faults in a cluster that is thrown away must not show up as leftovers for {@code
   * faultline cleanup} on the developer's machine.
   */
  static String testMethod(boolean approveGates, String gateComment) {
    return "  @Test\n"
        + "  void hypothesisHolds(@TempDir Path dir) throws IOException {\n"
        + "    // A cluster for this test only: removed when the block ends, whatever happens.\n"
        + "    try (K3sContainer cluster = new K3sContainer(K3S_IMAGE)) {\n"
        + "      cluster.start();\n"
        + "      Path kubeconfig = dir.resolve(\"kubeconfig\");\n"
        + "      Files.writeString(kubeconfig, cluster.getKubeConfigYaml());\n"
        + (approveGates ? "      " + gateComment : "")
        + "      ChaosResult result =\n"
        + "          ChaosRun.of(experiment())\n"
        + "              .kubeconfig(kubeconfig)\n"
        + "              .context(CONTEXT)\n"
        + "              .stateDirectory(dir.resolve(\"state\"))\n"
        + "              .setUp(SET_UP)\n"
        + (approveGates ? "              .approveGates()\n" : "")
        + "              .run();\n"
        + "\n"
        + "      assertTrue(result.passed(), result::summary);\n"
        + "    }\n"
        + "  }\n\n";
  }

  /** What a fresh K3s cluster lacks for this experiment. */
  static List<ConversionWarning> warnings(Experiment experiment, K3sCluster k3s) {
    var warnings = new ArrayList<ConversionWarning>();
    if (k3s.manifests().isEmpty() && !experiment.spec().targets().isEmpty()) {
      warnings.add(
          new ConversionWarning(
              "spec.targets",
              0,
              0,
              "the K3s cluster starts empty: name the manifests of the system under test"
                  + " (--k3s-manifest FILE), or the targets will match nothing"));
    }
    multiCluster(experiment).ifPresent(warnings::add);
    List<Step> steps = experiment.spec().steps();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof AttackStep attack && attack.attack() != null) {
        String needs = needs(attack.attack());
        if (needs != null) {
          warnings.add(
              new ConversionWarning(
                  "spec.steps[" + i + "].attack",
                  0,
                  0,
                  attack.attack()
                      + " needs "
                      + needs
                      + ", which K3s does not have: add its installation manifests to the"
                      + " set-up"));
        }
      }
    }
    return warnings;
  }

  /**
   * One disposable cluster cannot stand in for several: its kubeconfig has the context {@value
   * K3sCluster#CONTEXT} only. Aliasing the other contexts to it would run "freeze west, watch east"
   * in one cluster, where the east probe sees the west freeze: a verdict about nothing. So the
   * contexts are kept and the warning says that the test stops before it applies anything.
   */
  private static Optional<ConversionWarning> multiCluster(Experiment experiment) {
    List<String> others =
        ClusterContexts.named(experiment.spec()).stream()
            .filter(c -> !c.equals(K3sCluster.CONTEXT))
            .toList();
    if (others.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        ConversionWarning.at(
            "spec.targets",
            "the experiment acts on several clusters ("
                + String.join(", ", others)
                + ") and the K3s test starts one, whose kubeconfig has only the context '"
                + K3sCluster.CONTEXT
                + "': the test stops before it applies anything, naming the missing contexts;"
                + " export without --k3s and run it with a kubeconfig that has them"));
  }

  private static String needs(String attack) {
    if (attack.startsWith("chaosmesh.")) {
      return "Chaos Mesh";
    }
    if (attack.startsWith("mesh.istio.")) {
      return "Istio";
    }
    return null;
  }
}
