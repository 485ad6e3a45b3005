package dev.faultline.designer.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.inspector.InspectorForm.ExperimentForm;
import dev.faultline.designer.inspector.InspectorForm.StepForm;
import dev.faultline.designer.inspector.InspectorForm.TargetSection;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.Syntax;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.ProbeStep;
import dev.faultline.validate.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The context fields of targets, probe steps and continuous probes: what they suggest, that typing
 * writes {@code context} into the model and the file as one undo step, and that the problems of
 * {@code ContextRule} land on the probe's field.
 */
class ContextFieldsTest {

  private final Fixture fixture =
      Fixture.open(Path.of("../docs/examples/pod-delete-steady-state.yaml"));
  private final InspectorViewModel inspector = fixture.inspector();

  private InspectorField targetContext(String target) {
    ExperimentForm form = (ExperimentForm) inspector.form();
    TargetSection section =
        form.targets().stream().filter(t -> t.name().equals(target)).findFirst().orElseThrow();
    return section.fields().stream()
        .filter(f -> f.key().equals("context"))
        .findFirst()
        .orElseThrow();
  }

  private InspectorField field(String key) {
    return inspector.field(key).orElseThrow(() -> new AssertionError("no field " + key));
  }

  private String yaml() {
    return ExperimentFormat.write(fixture.document.experiment(), Syntax.YAML);
  }

  @Test
  void aTargetsContextRoundTripsThroughTheFileWithUndo() {
    inspector.kubeContextsProperty().set(List.of("east", "west"));
    InspectorField context = targetContext("cart");
    assertThat(context.editor()).isEqualTo(FieldEditor.SUGGEST);
    assertThat(context.prompt()).isEqualTo("the run's context");
    assertThat(context.choicesProperty().get()).containsExactly("east", "west");

    assertThat(context.type("west")).isEmpty();
    context.finishEditing();

    assertThat(fixture.document.experiment().spec().targets().get("cart").context())
        .isEqualTo("west");
    assertThat(fixture.document.experiment().spec().targets().get("cart-all").context()).isNull();
    assertThat(yaml()).contains("context: west");
    assertThat(fixture.document.undoTextProperty().get()).isEqualTo("Undo Edit context");
    // Read back from the file, the value is still there.
    assertThat(Fixture.readText(yaml()).spec().targets().get("cart").context()).isEqualTo("west");

    fixture.document.undo();

    assertThat(fixture.document.experiment().spec().targets().get("cart").context()).isNull();
    assertThat(targetContext("cart").text()).isEmpty();
    assertThat(yaml()).doesNotContain("context:");
  }

  @Test
  void suggestionsFollowTheKubeconfigAndKeepContextsTheFileNames() {
    targetContext("cart").type("prod-eu");
    assertThat(targetContext("cart-all").choicesProperty().get()).containsExactly("prod-eu");

    inspector.kubeContextsProperty().set(List.of("east", "west"));

    assertThat(targetContext("cart-all").choicesProperty().get())
        .containsExactly("east", "west", "prod-eu");
  }

  @Test
  void aProbeStepShowsItsTargetsContextAsThePromptAndWritesItsOwn() {
    fixture.selection.select("baseline");
    StepForm form = (StepForm) inspector.form();
    assertThat(form.settings().fields()).extracting(InspectorField::key).contains("context");
    assertThat(field("context").prompt()).isEqualTo("the run's context (as target cart-all)");

    // Another view gives the target a context: the prompt follows.
    var spec = fixture.document.experiment().spec();
    fixture.document.edit(
        new dev.faultline.model.edit.PutTarget(
            "cart-all", spec.targets().get("cart-all").withContext("west"), "set", null));
    assertThat(field("context").prompt()).isEqualTo("west (target cart-all's)");

    field("context").type("west");
    assertThat(probe("baseline").context()).isEqualTo("west");
    assertThat(fixture.problems.problems())
        .noneMatch(p -> p.path().equals("spec.steps[0].context"));

    field("context").type("");
    assertThat(probe("baseline").context()).isNull();
  }

  @Test
  void aProbeContextOtherThanItsTargetsShowsContextRulesErrorOnTheField() {
    fixture.selection.select("baseline");

    field("context").type("east");

    List<Problem> shown = field("context").problemsProperty().get();
    assertThat(shown).hasSize(1);
    assertThat(shown.get(0).path()).isEqualTo("spec.steps[0].context");
    assertThat(shown.get(0).message())
        .contains("reads context 'east' but its target 'cart-all' lives in the run's context");

    field("context").type("");
    assertThat(field("context").problemsProperty().get()).isEmpty();
  }

  @Test
  void aContinuousProbesContextIsSetInTheExperimentForm() {
    InspectorField storefront = field("probes.storefront-up.context");
    assertThat(storefront.label()).isEqualTo("storefront-up");

    storefront.type("west");
    storefront.finishEditing();

    ContinuousProbe probe = fixture.document.experiment().spec().probes().get(0);
    assertThat(probe.context()).isEqualTo("west");
    assertThat(fixture.document.experiment().spec().probes().get(1).context()).isNull();
    assertThat(yaml().split("storefront-up")[1].split("- id:")[0]).contains("context: west");

    fixture.document.undo();
    assertThat(fixture.document.experiment().spec().probes().get(0).context()).isNull();
    assertThat(field("probes.storefront-up.context").text()).isEmpty();
  }

  @Test
  void renamingATargetKeepsTheContextOfTheProbesThatReadIt() {
    var spec = fixture.document.experiment().spec();
    List<ContinuousProbe> probes =
        spec.probes().stream()
            .map(p -> p.toBuilder().target("cart-all").context("west").build())
            .toList();
    fixture.document.edit(
        new dev.faultline.model.edit.ReplaceExperiment(
            fixture
                .document
                .experiment()
                .withSpec(
                    new dev.faultline.model.Spec(
                        spec.safety(),
                        spec.context(),
                        spec.targets(),
                        spec.steps(),
                        probes,
                        spec.extras(),
                        spec.loop(),
                        spec.schedule(),
                        spec.notifications())),
            "probes read cart-all in west",
            null));

    assertThat(inspector.renameTarget("cart-all", "cart-everything")).isEmpty();

    assertThat(fixture.document.experiment().spec().probes())
        .allSatisfy(
            p -> {
              assertThat(p.target()).isEqualTo("cart-everything");
              assertThat(p.context()).isEqualTo("west");
            });
  }

  private ProbeStep probe(String id) {
    return (ProbeStep) fixture.document.experiment().spec().step(id).orElseThrow();
  }
}
