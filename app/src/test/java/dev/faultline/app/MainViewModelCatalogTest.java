package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.catalog.CatalogVersion;
import dev.faultline.cluster.catalog.OpenedExperiment;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A version opened from the cluster catalog becomes an untitled document named by its origin. */
class MainViewModelCatalogTest {
  private final MainViewModel viewModel =
      new MainViewModel(
          new SameThreadTaskExecutor(),
          new SameThreadTaskExecutor(),
          file -> {
            throw new AssertionError("no file is read");
          },
          (file, text) -> {});

  private static OpenedExperiment opened(String text) {
    var version =
        new CatalogVersion(
            "checkout", 3, "faultline-exp-checkout-v3", "", "", null, "", List.of(), "");
    var read = new ExperimentReader().read(text, Syntax.YAML).validated(Validator.standard());
    return new OpenedExperiment("team-chaos", version, text, read);
  }

  @Test
  void aParsedVersionOpensUntitledWithItsOriginInTheTitle() throws Exception {
    String text =
        Files.readString(Path.of("..", "docs", "examples", "checkout-freeze-and-recover.yaml"));
    OpenedExperiment opened = opened(text);

    viewModel.openFromCatalog(opened);

    assertThat(viewModel.document().experiment()).isEqualTo(opened.read().experiment().get());
    assertThat(viewModel.file()).isEmpty();
    assertThat(viewModel.document().isDirty()).isFalse();
    assertThat(viewModel.titleProperty().get())
        .contains("team-chaos/checkout v3 (cluster catalog)");
    assertThat(viewModel.statusTextProperty().get())
        .startsWith("Opened team-chaos/checkout v3 (cluster catalog) (");
    assertThat(viewModel.statusErrorProperty().get()).isFalse();
  }

  @Test
  void aVersionThatDoesNotParseOpensAsTextWithItsProblems() {
    viewModel.openFromCatalog(opened("apiVersion: faultline.dev/v1alpha1\nspec: [\n"));

    assertThat(viewModel.document().unparsedText())
        .contains("apiVersion: faultline.dev/v1alpha1\nspec: [\n");
    assertThat(viewModel.titleProperty().get())
        .contains("team-chaos/checkout v3 (cluster catalog)");
    assertThat(viewModel.statusTextProperty().get())
        .startsWith("team-chaos/checkout v3 (cluster catalog) does not parse (");
    assertThat(viewModel.statusErrorProperty().get()).isTrue();
  }
}
