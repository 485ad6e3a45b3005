package dev.faultline.designer.canvas;

import dev.faultline.catalog.Catalog;
import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.Experiment;
import dev.faultline.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Documents, selections and experiments the canvas tests share. */
final class CanvasFixtures {

  static final Path CHECKOUT =
      Path.of("..", "docs", "examples", "checkout-freeze-and-recover.yaml");

  final ExperimentDocument document = new ExperimentDocument();
  final StepSelection selection = new StepSelection(document);
  final DocumentProblems problems =
      new DocumentProblems(document, new SameThreadTaskExecutor(), Validator.standard());

  CanvasViewModel viewModel() {
    return new CanvasViewModel(document, selection, problems, Catalog.builtIn());
  }

  /** Opens {@code yaml} (an experiment file's text) as if read from {@code name}. */
  void open(String yaml) {
    document.open(read(yaml), Path.of("test.yaml"));
  }

  void openCheckout() {
    document.open(checkout(), CHECKOUT);
  }

  static Experiment checkout() {
    try {
      return read(Files.readString(CHECKOUT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Experiment read(String yaml) {
    var result = new ExperimentReader().read(yaml, dev.faultline.format.Syntax.YAML);
    return result
        .experiment()
        .orElseThrow(() -> new AssertionError("does not parse: " + result.problems()));
  }

  /** An experiment of waits a, b, c, … in a row, each after the one before, at the given x. */
  static String chain(String... idsAtX) {
    var yaml =
        new StringBuilder(
            "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {name: t}\n"
                + "spec:\n  steps:\n");
    var layout = new StringBuilder("layout:\n");
    String previous = null;
    int x = 0;
    for (String id : idsAtX) {
      yaml.append("    - {id: ").append(id).append(", wait: 5s");
      if (previous != null) {
        yaml.append(", after: [").append(previous).append(']');
      }
      yaml.append("}\n");
      layout.append("  ").append(id).append(": {x: ").append(x).append(", y: 0}\n");
      previous = id;
      x += 300;
    }
    return yaml.append(layout).toString();
  }
}
