package dev.faultline.designer.inspector;

import dev.faultline.catalog.Catalog;
import dev.faultline.designer.document.DocumentProblems;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A document opened on one of the sample experiments, with selection and problems. */
final class Fixture {

  static final Path CHECKOUT = Path.of("../docs/examples/checkout-freeze-and-recover.yaml");

  final ExperimentDocument document = new ExperimentDocument();
  final StepSelection selection = new StepSelection(document);
  final DocumentProblems problems;

  private Fixture(boolean synchronousValidation) {
    problems =
        new DocumentProblems(
            document,
            synchronousValidation
                ? new SameThreadTaskExecutor()
                : new dev.faultline.designer.fx.FxTaskExecutor(),
            Validator.standard());
  }

  /** Validation runs synchronously: problems are current when an edit returns. */
  static Fixture checkout() {
    Fixture fixture = new Fixture(true);
    fixture.document.open(read(CHECKOUT), CHECKOUT);
    return fixture;
  }

  /** Like {@link #checkout()}, on another sample experiment. */
  static Fixture open(Path file) {
    Fixture fixture = new Fixture(true);
    fixture.document.open(read(file), file);
    return fixture;
  }

  /** Validation runs in the background and answers on the FX thread, as in the app. */
  static Fixture checkoutOnFxThread() {
    Fixture fixture = new Fixture(false);
    fixture.document.open(read(CHECKOUT), CHECKOUT);
    return fixture;
  }

  InspectorViewModel inspector() {
    return new InspectorViewModel(document, selection, problems, Catalog.builtIn());
  }

  static Experiment read(Path file) {
    try {
      return readText(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The experiment a YAML text holds; fails the test when it does not parse. */
  static Experiment readText(String yaml) {
    ReadResult result = new ExperimentReader().read(yaml, Syntax.YAML);
    return result.experiment().orElseThrow(() -> new AssertionError(result.problems()));
  }
}
