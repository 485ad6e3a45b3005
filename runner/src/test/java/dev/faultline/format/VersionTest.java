package dev.faultline.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.validate.Problem;
import dev.faultline.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionTest {
  private static final String BODY = "kind: Experiment\nmetadata:\n  name: v\nspec:\n  steps: []\n";

  @Test
  void newerVersionIsRefusedWithAdviceToUpdate() {
    ReadResult read =
        new ExperimentReader().read("apiVersion: faultline.dev/v1beta1\n" + BODY, Syntax.YAML);
    assertThat(read.experiment()).isEmpty();
    assertThat(read.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.column()).isEqualTo(13);
              assertThat(p.message())
                  .isEqualTo(
                      "apiVersion faultline.dev/v1beta1 is newer than this Faultline understands (faultline.dev/v1alpha1); update Faultline to open this file");
            });
  }

  @Test
  void otherGroupsAndGarbageAreNotExperiments() {
    for (String version : List.of("chaos-mesh.org/v1alpha1", "v1", "faultline.dev/latest")) {
      ReadResult read =
          new ExperimentReader().read("apiVersion: " + version + "\n" + BODY, Syntax.YAML);
      assertThat(read.experiment()).as(version).isEmpty();
      assertThat(read.problems())
          .singleElement()
          .extracting(Problem::message)
          .asString()
          .contains("'" + version + "' is not a Faultline experiment");
    }
  }

  @Test
  void missingApiVersionAndWrongKind() {
    assertThat(new ExperimentReader().read(BODY, Syntax.YAML).problems())
        .singleElement()
        .extracting(Problem::message)
        .asString()
        .startsWith("missing 'apiVersion'");
    ReadResult wrongKind =
        new ExperimentReader()
            .read(
                "apiVersion: faultline.dev/v1alpha1\n"
                    + BODY.replace("kind: Experiment", "kind: Workflow"),
                Syntax.YAML);
    assertThat(wrongKind.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.isError()).isTrue();
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.message()).contains("kind is 'Workflow'");
            });
  }

  @Test
  void olderVersionIsMigratedThroughTheHookAndWarned() {
    // An imagined earlier format that called the step list "actions".
    Migration renameActions =
        new Migration() {
          @Override
          public String from() {
            return "faultline.dev/v1alpha0";
          }

          @Override
          public String to() {
            return "faultline.dev/v1alpha1";
          }

          @Override
          public DocMap migrate(DocMap root) {
            DocMap spec = (DocMap) root.get("spec").orElseThrow();
            return root.with("spec", spec.renamed("actions", "steps"))
                .with("apiVersion", new DocScalar(to(), 0, 0, false));
          }
        };
    var reader = new ExperimentReader(new Migrations(List.of(renameActions)));
    String old =
        "apiVersion: faultline.dev/v1alpha0\nkind: Experiment\nmetadata: {name: old}\nspec:\n  actions:\n    - id: w\n      wait: 2s\n      aftr: []\n";

    ReadResult read = reader.read(old, Syntax.YAML);

    assertThat(read.experiment().orElseThrow().spec().steps())
        .singleElement()
        .extracting(s -> s.id())
        .isEqualTo("w");
    assertThat(read.problems()).extracting(Problem::severity).containsOnly(Severity.WARNING);
    assertThat(read.problems())
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("older format faultline.dev/v1alpha0"));
    // positions survive migration: the typo is reported where the user wrote it
    assertThat(read.problems())
        .filteredOn(p -> p.message().contains("aftr"))
        .singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(8));
    assertThat(ExperimentFormat.write(read.experiment().get(), Syntax.YAML))
        .startsWith("apiVersion: faultline.dev/v1alpha1\n")
        .contains("steps:");
  }

  @Test
  void versionOrdering() {
    var order =
        List.of(
            "faultline.dev/v1alpha1",
            "faultline.dev/v1alpha2",
            "faultline.dev/v1beta1",
            "faultline.dev/v1",
            "faultline.dev/v2alpha1",
            "faultline.dev/v2");
    for (int i = 1; i < order.size(); i++) {
      ApiVersion lower = ApiVersion.parse(order.get(i - 1)).orElseThrow();
      ApiVersion higher = ApiVersion.parse(order.get(i)).orElseThrow();
      assertThat(higher.isNewerThan(lower)).as(order.get(i)).isTrue();
      assertThat(lower.isNewerThan(higher)).isFalse();
      assertThat(higher.toString()).isEqualTo(order.get(i));
    }
  }
}
