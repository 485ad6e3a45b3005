package dev.faultline.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportException;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.Experiment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The Export dialog's state, without JavaFX controls: recomputation, stale results, saving. */
class ExportViewModelTest {
  private static final Path EXAMPLE =
      Path.of("..", "docs", "examples", "checkout-freeze-and-recover.yaml");
  private static final Experiment EXPERIMENT =
      new ExperimentReader().read(EXAMPLE).experiment().orElseThrow();

  private final ExperimentDocument document = new ExperimentDocument();
  private final Map<Path, String> written = new LinkedHashMap<>();

  /** Holds background work until the test lets it finish, in any order. */
  private static final class HeldTasks implements UiTaskExecutor {
    private final List<Runnable> pending = new ArrayList<>();

    @Override
    public <T> void execute(
        Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
      pending.add(
          () -> {
            try {
              onSuccess.accept(work.call());
            } catch (Exception e) {
              onError.accept(e);
            }
          });
    }

    void finish(int index) {
      pending.get(index).run();
    }
  }

  private ExportViewModel model(UiTaskExecutor tasks, ExportViewModel.Exporting exports) {
    return new ExportViewModel(document, tasks, exports, written::put);
  }

  @Test
  void exportsTheDocumentAndFollowsFormatOptionsAndEdits() {
    List<String> calls = new ArrayList<>();
    ExportViewModel.Exporting recording =
        (experiment, format, options) -> {
          calls.add(
              experiment.spec().steps().size()
                  + " "
                  + format.cliName()
                  + " "
                  + options.namespace()
                  + " "
                  + options.javaPackage()
                  + "."
                  + options.javaClassName());
          return new ExportResult(format.cliName() + "\n", List.of());
        };
    document.open(EXPERIMENT, EXAMPLE);
    ExportViewModel model = model(new SameThreadTaskExecutor(), recording);

    model.attach();
    model.formatProperty().set(ExportFormat.CHAOS_MESH);
    model.namespaceProperty().set(" shop ");
    model.formatProperty().set(ExportFormat.JAVA);
    model.classNameProperty().set("com.acme.CheckoutChaosTest");
    document.newDocument();
    model.detach();
    document.open(EXPERIMENT, EXAMPLE);

    assertThat(calls)
        .containsExactly(
            "4 yaml null null.null",
            "4 chaos-mesh null null.null",
            "4 chaos-mesh shop null.null",
            "4 java shop null.null",
            "4 java shop com.acme.CheckoutChaosTest",
            "0 java shop com.acme.CheckoutChaosTest");
    assertThat(model.textProperty().get()).isEqualTo("java\n");
    assertThat(model.stateProperty().get()).isEqualTo(ExportViewModel.State.READY);
  }

  @Test
  void theK3sChoiceAndItsManifestsReachTheJavaExportWithTheRealExporter() {
    document.open(EXPERIMENT, EXAMPLE);
    ExportViewModel model = model(new SameThreadTaskExecutor(), Exports.standard()::export);
    model.attach();
    model.formatProperty().set(ExportFormat.JAVA);
    assertThat(model.textProperty().get()).doesNotContain("K3sContainer");

    model.k3sProperty().set(true);
    assertThat(model.textProperty().get()).contains("new K3sContainer(K3S_IMAGE)");
    assertThat(model.warningsProperty().get())
        .extracting(ConversionWarning::message)
        .anyMatch(m -> m.contains("starts empty"));

    model.k3sManifestsProperty().set(" k8s/ns.yaml ,k8s/shop.yaml, ");
    assertThat(model.textProperty().get())
        .contains("List.of(Path.of(\"k8s/ns.yaml\"), Path.of(\"k8s/shop.yaml\"))");
    assertThat(model.warningsProperty().get()).isEmpty();

    model.k3sProperty().set(false);
    assertThat(model.textProperty().get()).doesNotContain("K3sContainer");
  }

  @Test
  void aResultThatArrivesAfterANewerRequestIsDropped() {
    HeldTasks tasks = new HeldTasks();
    document.open(EXPERIMENT, EXAMPLE);
    ExportViewModel model =
        model(
            tasks, (experiment, format, options) -> new ExportResult(format.cliName(), List.of()));

    model.attach();
    model.formatProperty().set(ExportFormat.JAVA);
    tasks.finish(1);
    tasks.finish(0); // the YAML export, slower, lands last

    assertThat(model.textProperty().get()).isEqualTo("java");
    assertThat(model.stateProperty().get()).isEqualTo(ExportViewModel.State.READY);
  }

  @Test
  void validationErrorsAreListedAndNothingIsExported() {
    Experiment invalid =
        new ExperimentReader()
            .read(
                "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {name: x}\n"
                    + "spec:\n  steps:\n    - {id: a, after: [nowhere], wait: 5s}\n",
                dev.faultline.format.Syntax.YAML)
            .experiment()
            .orElseThrow();
    document.open(invalid, Path.of("x.yaml"));
    ExportViewModel model = model(new SameThreadTaskExecutor(), Exports.standard()::export);

    model.attach();

    assertThat(model.stateProperty().get()).isEqualTo(ExportViewModel.State.INVALID);
    assertThat(model.messageProperty().get())
        .isEqualTo("The experiment has 1 error; fix it before exporting.");
    assertThat(model.errorsProperty().get())
        .extracting(p -> p.path())
        .containsExactly("spec.steps[0].after[0]");
    assertThat(model.textProperty().get()).isEmpty();
    assertThat(model.stepOf("spec.steps[0].after[0]")).contains("a");
  }

  @Test
  void aRefusalAndABadClassNameSayWhy() {
    document.open(EXPERIMENT, EXAMPLE);
    ExportViewModel model =
        model(
            new SameThreadTaskExecutor(),
            (experiment, format, options) -> {
              throw new ExportException("nothing here runs in Chaos Mesh");
            });

    model.attach();
    assertThat(model.stateProperty().get()).isEqualTo(ExportViewModel.State.REFUSED);
    assertThat(model.messageProperty().get())
        .isEqualTo("Not exported: nothing here runs in Chaos Mesh");

    model.classNameProperty().set("com.acme.class");
    assertThat(model.stateProperty().get()).isEqualTo(ExportViewModel.State.INVALID);
    assertThat(model.messageProperty().get())
        .startsWith("Class name: 'com.acme.class' is not a Java class name");
  }

  @Test
  void warningsNameTheirStepAndSaveWritesTheText() {
    document.open(EXPERIMENT, EXAMPLE);
    ExportViewModel model =
        model(
            new SameThreadTaskExecutor(),
            (experiment, format, options) ->
                new ExportResult(
                    "workflow\n",
                    List.of(ConversionWarning.at("spec.steps[3].with.jq", "jq dropped"))));
    model.attach();

    assertThat(model.warningsProperty().get()).hasSize(1);
    assertThat(model.stepOf("spec.steps[3].with.jq")).contains("until-recovered");
    assertThat(model.stepOf("spec.steps[9]")).isEmpty();
    assertThat(model.stepOf("metadata.name")).isEmpty();

    List<String> outcome = new ArrayList<>();
    model.save(
        Path.of("out/workflow.yaml"), (message, failed) -> outcome.add(message + " " + failed));
    assertThat(written).containsExactly(Map.entry(Path.of("out/workflow.yaml"), "workflow\n"));
    assertThat(outcome).containsExactly("Exported to out/workflow.yaml false");
  }

  @Test
  void suggestedFileNamesFollowTheFormat() {
    document.open(EXPERIMENT, EXAMPLE);
    ExportViewModel model =
        model(new SameThreadTaskExecutor(), (e, f, o) -> new ExportResult("", List.of()));

    assertThat(model.suggestedFileName()).isEqualTo("checkout-freeze-and-recover.yaml");
    model.formatProperty().set(ExportFormat.CHAOS_MESH);
    assertThat(model.suggestedFileName()).isEqualTo("checkout-freeze-and-recover-chaos-mesh.yaml");
    model.formatProperty().set(ExportFormat.CHAOS_TOOLKIT);
    assertThat(model.suggestedFileName())
        .isEqualTo("checkout-freeze-and-recover-chaostoolkit.json");
    model.formatProperty().set(ExportFormat.JAVA);
    assertThat(model.suggestedFileName()).isEqualTo("CheckoutFreezeAndRecoverChaosTest.java");
    model.classNameProperty().set("com.acme.CheckoutTest");
    assertThat(model.suggestedFileName()).isEqualTo("CheckoutTest.java");
  }
}
