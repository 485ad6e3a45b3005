package dev.faultline.export.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Examples;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportException;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.model.Layout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example exported to Java compiles (warnings as errors) and its {@code experiment()} builds
 * an experiment equal to the one read from the file; layout aside, the export loses nothing.
 */
class JavaExporterTest {
  @TempDir Path dir;

  static List<Path> examples() {
    return Examples.all();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void generatedCodeBuildsTheSameExperiment(Path example) throws Exception {
    Experiment read = read(example);
    ExportResult result =
        Exports.standard()
            .export(
                read,
                ExportFormat.JAVA,
                ExportOptions.DEFAULTS.withJavaClass("generated.chaos", null));
    String className = "generated.chaos." + JavaExporter.className(read.metadata().name());

    Class<?> generated = GeneratedClasses.compile(dir, className, result.text());
    Object built = GeneratedClasses.callStatic(generated, "experiment");

    assertEquals(read.withLayout(Layout.EMPTY), built, () -> result.text());
    assertEquals(List.of(), result.warnings());
  }

  @Test
  void classNameComesFromTheExperimentName() {
    assertEquals(
        "CheckoutFreezeAndRecoverChaosTest", JavaExporter.className("checkout-freeze-and-recover"));
    assertEquals("Experiment2ndTryChaosTest", JavaExporter.className("2nd-try"));
  }

  @Test
  void aClassNameThatIsNoJavaNameIsRefused() throws Exception {
    Experiment read = read(Examples.dir().resolve("pod-delete-steady-state.yaml"));
    var options = ExportOptions.DEFAULTS.withJavaClass("com.example", "class");

    var e =
        assertThrows(
            ExportException.class,
            () -> Exports.standard().export(read, ExportFormat.JAVA, options));
    assertTrue(e.getMessage().contains("'class' is not a Java class name"), e.getMessage());
  }

  @Test
  void restrictedIdentifiersAndImportedNamesAreRefusedAsClassNames() throws Exception {
    Experiment read = read(Examples.dir().resolve("pod-delete-steady-state.yaml"));
    for (String name : java.util.List.of("record", "var", "yield", "sealed", "permits")) {
      var options = ExportOptions.DEFAULTS.withJavaClass(null, name);
      var e =
          assertThrows(
              ExportException.class,
              () -> Exports.standard().export(read, ExportFormat.JAVA, options));
      assertTrue(e.getMessage().contains("is not a Java class name"), e.getMessage());
    }
    var clash = ExportOptions.DEFAULTS.withJavaClass(null, "ChaosRun");
    var e =
        assertThrows(
            ExportException.class, () -> Exports.standard().export(read, ExportFormat.JAVA, clash));
    assertTrue(e.getMessage().contains("a class the test imports"), e.getMessage());
  }

  @Test
  void aPackageThatIsNoJavaNameIsRefused() throws Exception {
    Experiment read = read(Examples.dir().resolve("pod-delete-steady-state.yaml"));
    var options = ExportOptions.DEFAULTS.withJavaClass("com.example-chaos", null);

    var e =
        assertThrows(
            ExportException.class,
            () -> Exports.standard().export(read, ExportFormat.JAVA, options));
    assertTrue(e.getMessage().contains("'com.example-chaos'"), e.getMessage());
  }

  @Test
  void unknownFieldsAreReportedWithTheirPathsAndTheRestIsExported() throws Exception {
    String yaml =
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata: {name: with-extensions}
        spec:
          targets:
            web: {namespaces: [shop], labelSelector: app=web, x-ticket: OPS-12}
          steps:
            - id: kill
              attack: k8s.pod.delete
              target: web
              x-owner: payments
        """;
    var read = new ExperimentReader().read(yaml, Syntax.YAML);
    Experiment experiment =
        read.experiment().orElseThrow(() -> new AssertionError(read.problems()));

    ExportResult result =
        Exports.standard().export(experiment, ExportFormat.JAVA, ExportOptions.DEFAULTS);

    assertEquals(
        List.of("spec.targets.web", "spec.steps[0]"),
        result.warnings().stream().map(ConversionWarning::path).toList());
    assertTrue(
        result.warnings().get(1).message().contains("x-owner"), result.warnings().toString());
    assertTrue(
        result
            .text()
            .contains(".attack(\"kill\", Attacks.POD_DELETE, step -> step.target(\"web\"))"),
        result.text());
  }

  @Test
  void eachContextIsWrittenWhereTheFileNamesIt() throws Exception {
    Experiment read = read(Examples.dir().resolve("multi-cluster-freeze-west-watch-east.yaml"));

    String text = Exports.standard().export(read, ExportFormat.JAVA, ExportOptions.DEFAULTS).text();

    // Line breaks depend on line length; the calls do not.
    String calls = text.replaceAll("\\s+", "");
    assertTrue(calls.contains("labelSelector(\"app=checkout\").context(\"west\"))"), text);
    assertTrue(calls.contains("step.after(\"freeze-west\").context(\"west\")"), text);
    assertTrue(calls.contains("step.after(\"west-unhealthy\").context(\"east\")"), text);
    assertTrue(calls.contains(".haltAfter(3).context(\"east\"))"), text);
  }

  static Experiment read(Path example) {
    var read = new ExperimentReader().read(example);
    assertTrue(read.experiment().isPresent(), () -> example + ": " + read.problems());
    return read.experiment().get();
  }
}
