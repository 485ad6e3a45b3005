package dev.faultline.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of ARCHITECTURE.md section 1, as tests. */
class ArchitectureTest {
  private static JavaClasses runner;

  @BeforeAll
  static void importRunner() {
    runner =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.faultline");
  }

  @Test
  void modelAndFormatDoNotTouchTheClusterOrTheUi() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.faultline.model..", "dev.faultline.format..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fabric8..", "javafx..", "org.controlsfx..", "atlantafx..")
        .check(runner);
  }

  @Test
  void targetResolutionWorksOnSnapshotViewsNotTheClient() {
    noClasses()
        .that()
        .resideInAPackage("dev.faultline.target..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fabric8..", "javafx..")
        .because("the preview and the run resolve targets against ClusterSnapshot views only")
        .check(runner);
  }

  @Test
  void runnerDoesNotUseJavaFx() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "com.mxgraph..")
        .check(runner);
  }

  @Test
  void onlyTheCliWritesToStandardOutput() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.faultline.cli..")
        .should()
        .accessField(System.class, "out")
        .because(
            "only dev.faultline.cli talks to the terminal; everything else reports through return values and events")
        .check(runner);
  }

  @Test
  void modelDependsOnNothingElseOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("dev.faultline.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.faultline.format..",
            "dev.faultline.validate..",
            "dev.faultline.catalog..",
            "dev.faultline.cli..")
        .check(runner);
  }

  @Test
  void executorsKnowNothingOfTheEngineOrTheCli() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.faultline.attack..", "dev.faultline.probe..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.faultline.engine..", "dev.faultline.cli..", "dev.faultline.report..")
        .because(
            "an executor causes, checks or undoes one thing; ordering, journaling and reporting are"
                + " the engine's, so a new attack is one executor and one descriptor")
        .check(runner);
  }

  @Test
  void theEngineAndReportsDoNotDependOnTheCli() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.faultline.engine..", "dev.faultline.report..", "dev.faultline.safety..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.faultline.cli..")
        .because("the app runs the same engine without a terminal")
        .check(runner);
  }

  @Test
  void theSandboxIsReachedOnlyThroughTheApiNotCalledByTheRunner() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.faultline.engine..",
            "dev.faultline.attack..",
            "dev.faultline.probe..",
            "dev.faultline.target..",
            "dev.faultline.safety..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.faultline.sandbox..")
        .because("a real cluster and the sandbox must take the same code path")
        .check(runner);
  }

  @Test
  void exportersNeedNoClusterEngineOrCli() {
    noClasses()
        .that()
        .resideInAPackage("dev.faultline.export..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fabric8..",
            "dev.faultline.engine..",
            "dev.faultline.cli..",
            "dev.faultline.sandbox..",
            "dev.faultline.cluster..")
        .because(
            "an export is a pure function of the experiment and the descriptors (ARCHITECTURE.md:"
                + " exporters depend on the model only), so it works offline and in tests")
        .check(runner);
  }
}
