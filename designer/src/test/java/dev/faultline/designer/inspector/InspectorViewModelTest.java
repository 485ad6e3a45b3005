package dev.faultline.designer.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Param;
import dev.faultline.designer.inspector.InspectorForm.ExperimentForm;
import dev.faultline.designer.inspector.InspectorForm.ManyStepsForm;
import dev.faultline.designer.inspector.InspectorForm.StepForm;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.Syntax;
import dev.faultline.model.AttackStep;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Target;
import dev.faultline.model.Topology;
import dev.faultline.model.Until;
import dev.faultline.validate.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectorViewModelTest {

  private final Fixture fixture = Fixture.checkout();
  private final InspectorViewModel inspector = fixture.inspector();

  private InspectorField field(String key) {
    return inspector.field(key).orElseThrow(() -> new AssertionError("no field " + key));
  }

  private ProbeStep probe(String id) {
    return (ProbeStep) fixture.document.experiment().spec().step(id).orElseThrow();
  }

  private Target checkoutTarget() {
    return fixture.document.experiment().spec().targets().get("checkout");
  }

  @Test
  void nothingSelectedShowsTheExperimentAndItsTargets() {
    assertThat(inspector.form()).isInstanceOf(ExperimentForm.class);
    ExperimentForm form = (ExperimentForm) inspector.form();
    assertThat(form.fields())
        .extracting(InspectorField::key)
        .contains("metadata.name", "spec.safety.maxDuration");
    assertThat(form.targets())
        .extracting(InspectorForm.TargetSection::name)
        .containsExactly("checkout");
    assertThat(field("metadata.name").text()).isEqualTo("checkout-freeze-and-recover");
    assertThat(field("spec.safety.namespaces.allow").text()).isEqualTo("shop");
  }

  @Test
  void aProbeFormHasTheProbeSettingsThenOneFieldPerDescriptorParameter() {
    fixture.selection.select("until-unhealthy");

    StepForm form = (StepForm) inspector.form();
    assertThat(form.kind()).isEqualTo("probe");
    assertThat(form.title()).isEqualTo("HTTP check");
    assertThat(form.settings().fields())
        .extracting(InspectorField::key)
        .containsExactly("until", "timeout", "interval", "initialDelay", "retries", "context");
    List<String> params =
        Catalog.builtIn().find("http.check").orElseThrow().params().stream()
            .map(p -> "with." + p.name())
            .toList();
    assertThat(form.parameters().fields()).extracting(InspectorField::key).isEqualTo(params);
    assertThat(field("with.url").isRequired()).isTrue();
    assertThat(field("with.url").text()).isEqualTo("http://checkout.shop/health");
    assertThat(field("with.jq").editor()).isEqualTo(FieldEditor.EXPRESSION);
    assertThat(field("with.method").editor()).isEqualTo(FieldEditor.CHOICE);
    assertThat(field("with.method").choicesProperty().get()).startsWith("", "GET", "HEAD");
    assertThat(field("with.timeout").prompt()).isEqualTo("default: 2s");
    assertThat(form.afterProperty().get()).containsExactly("freeze");
  }

  @Test
  void anAttackFormHasTargetDurationTheTargetEditorAndItsParameters() {
    fixture.selection.select("freeze");

    StepForm form = (StepForm) inspector.form();
    assertThat(form.settings().fields())
        .extracting(InspectorField::key)
        .containsExactly("target", "duration", "stopWhen.probe", "stopWhen.failures");
    assertThat(field("target").choicesProperty().get())
        .containsExactly("checkout", InspectorViewModel.NEW_TARGET);
    assertThat(form.targetProperty().get().name()).isEqualTo("checkout");
    assertThat(form.parameters().fields())
        .extracting(InspectorField::key)
        .containsExactly("with.signal", "with.process");
    assertThat(field("with.process").editor()).isEqualTo(FieldEditor.MONOSPACE);
    assertThat(field("blastRadius.mode").text()).isEqualTo("percent");
    assertThat(field("blastRadius.value").text()).isEqualTo("50");
  }

  @Test
  void editingAParameterReplacesTheStepWithTheNewValue() {
    fixture.selection.select("until-unhealthy");

    assertThat(field("with.url").type("http://checkout.shop/ready")).isEmpty();

    assertThat(probe("until-unhealthy").with().get("url")).contains("http://checkout.shop/ready");
    assertThat(probe("until-recovered").with().get("url")).contains("http://checkout.shop/health");
    assertThat(fixture.document.undoTextProperty().get()).isEqualTo("Undo Edit url");
  }

  @Test
  void clearingAnOptionalParameterRemovesItsKey() {
    fixture.selection.select("until-unhealthy");

    field("with.jq").type("");

    assertThat(probe("until-unhealthy").with().has("jq")).isFalse();
    String yaml = ExperimentFormat.write(fixture.document.experiment(), Syntax.YAML);
    assertThat(yaml.split("until-recovered")[0]).doesNotContain("jq:");
  }

  @Test
  void numbersAreWrittenAsNumbersAndOptionalSwitchesAtTheirDefaultStayOut() {
    fixture.selection.select("until-unhealthy");

    field("with.insecureSkipVerify").type("true");
    assertThat(probe("until-unhealthy").with().get("insecureSkipVerify")).contains(true);
    field("with.insecureSkipVerify").type("false");
    assertThat(probe("until-unhealthy").with().has("insecureSkipVerify")).isFalse();

    fixture.selection.select("freeze");
    fixture.document.edit(
        new dev.faultline.model.edit.ReplaceStep(
            new AttackStep("freeze", List.of(), "k8s.deployment.scale", null, null, null, null),
            "Change attack",
            null));
    field("with.replicas").type("3");
    assertThat(
            ((AttackStep) fixture.document.experiment().spec().step("freeze").orElseThrow())
                .with()
                .get("replicas"))
        .contains(3L);
  }

  @Test
  void aHalfTypedNumberIsNotWrittenAndSaysWhy() {
    fixture.selection.select("freeze");
    fixture.document.edit(
        new dev.faultline.model.edit.ReplaceStep(
            new AttackStep("freeze", List.of(), "k8s.deployment.scale", null, null, null, null),
            "Change attack",
            null));
    var before = fixture.document.experiment();

    field("with.replicas").type("-");

    assertThat(fixture.document.experiment()).isSameAs(before);
    assertThat(field("with.replicas").localProblemProperty().get()).contains("not a whole number");
    field("with.replicas").type("-2");
    assertThat(field("with.replicas").localProblemProperty().get()).isEqualTo("Must be at least 0");
  }

  @Test
  void typingInOneFieldIsOneUndoStepAndFocusLostStartsANewOne() {
    fixture.selection.select("until-unhealthy");
    InspectorField url = field("with.url");

    for (String typed : List.of("http://c", "http://ch", "http://che")) {
      url.type(typed);
    }
    url.commit();
    url.type("http://chec");

    fixture.document.undo();
    assertThat(probe("until-unhealthy").with().get("url")).contains("http://che");
    assertThat(url.text()).isEqualTo("http://che");
    fixture.document.undo();
    assertThat(probe("until-unhealthy").with().get("url")).contains("http://checkout.shop/health");
    assertThat(url.text()).isEqualTo("http://checkout.shop/health");
  }

  @Test
  void externalChangesUpdateTheSameFormInPlace() {
    fixture.selection.select("until-unhealthy");
    StepForm form = (StepForm) inspector.form();
    InspectorField url = field("with.url");
    url.type("http://other/health");

    fixture.document.undo();

    assertThat(inspector.form()).isSameAs(form);
    assertThat(field("with.url")).isSameAs(url);
    assertThat(url.text()).isEqualTo("http://checkout.shop/health");
  }

  @Test
  void renamingToATakenIdIsRefusedAndTheFieldShowsTheOldId() {
    fixture.selection.select("until-unhealthy");
    InspectorField id = field("id");

    id.type("kill");
    assertThat(fixture.document.experiment().spec().step("until-unhealthy")).isPresent();

    assertThat(id.commit()).hasValueSatisfying(m -> assertThat(m).contains("already exists"));
    assertThat(id.text()).isEqualTo("until-unhealthy");
    assertThat(id.localProblemProperty().get()).contains("already exists");
  }

  @Test
  void renamingOnCommitKeepsTheStepSelected() {
    fixture.selection.select("until-unhealthy");

    field("id").type("until-down");
    assertThat(field("id").commit()).isEmpty();

    assertThat(fixture.selection.ids()).containsExactly("until-down");
    assertThat(((StepForm) inspector.form()).stepId()).isEqualTo("until-down");
    assertThat(fixture.document.experiment().spec().step("kill").orElseThrow().after())
        .containsExactly("until-down");
  }

  @Test
  void validationProblemsLandOnTheFieldTheyPointAt() {
    fixture.selection.select("until-unhealthy");

    field("with.jq").type(".status ==");

    List<Problem> jq = field("with.jq").problemsProperty().get();
    assertThat(jq).isNotEmpty();
    assertThat(jq.getFirst().path()).isEqualTo("spec.steps[1].with.jq");
    assertThat(field("with.url").problemsProperty().get()).isEmpty();
  }

  @Test
  void switchingTheProbeModeSetsAndClearsUntilAndTheTimeoutIsRequiredOnlyWithUntil() {
    fixture.selection.select("until-unhealthy");
    assertThat(field("timeout").isRequired()).isTrue();
    assertThat(field("retries").visibleProperty().get()).isFalse();

    field("until").type(StepFields.ONCE);
    assertThat(probe("until-unhealthy").until()).isNull();
    assertThat(field("timeout").isRequired()).isFalse();
    assertThat(field("retries").visibleProperty().get()).isTrue();

    field("until").type(StepFields.UNTIL_PASSING);
    assertThat(probe("until-unhealthy").until()).isEqualTo(Until.PASSING);
  }

  @Test
  void aRepeatingProbeWithoutTimeoutShowsTheProblemUnderItsMode() {
    fixture.selection.select("until-unhealthy");

    field("timeout").type("");

    // The validator reports the missing timeout at 'until', the field that asks for one.
    assertThat(field("until").problemsProperty().get())
        .extracting(Problem::path, p -> p.message().contains("needs a 'timeout'"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("spec.steps[1].until", true));
    field("timeout").type("1h");
    assertThat(field("until").problemsProperty().get()).isEmpty();
    assertThat(field("timeout").problemsProperty().get())
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("longer than spec.safety.maxDuration"));
  }

  @Test
  void targetEditorEditsPutTheTarget() {
    fixture.selection.select("freeze");

    field("labelSelector").type("app=checkout,tier=web");
    assertThat(checkoutTarget().labelSelector()).isEqualTo("app=checkout,tier=web");
    assertThat(fixture.document.undoTextProperty().get()).isEqualTo("Undo Edit label selector");

    field("blastRadius.value").type("25");
    assertThat(checkoutTarget().blastRadius()).isEqualTo(BlastRadius.percent(25));

    field("blastRadius.mode").type("one");
    assertThat(checkoutTarget().blastRadius().mode()).isEqualTo(BlastRadius.Mode.ONE);
    assertThat(checkoutTarget().blastRadius().value()).isNull();
    assertThat(field("blastRadius.value").enabledProperty().get()).isFalse();

    field("blastRadius.mode").type("count");
    assertThat(checkoutTarget().blastRadius()).isEqualTo(BlastRadius.of(BlastRadius.Mode.COUNT, 1));

    field("namespaces").type("shop, shop-canary");
    assertThat(checkoutTarget().namespaces()).containsExactly("shop", "shop-canary");
  }

  @Test
  void topologyFieldsChooseZonesAndNodesAndShowTheirProblems() {
    fixture.selection.select("freeze");
    assertThat(field("blastRadius.topology.zones").text()).isEmpty();
    assertThat(field("blastRadius.topology.key").enabledProperty().get()).isFalse();

    field("blastRadius.topology.zones").type("2");
    field("blastRadius.topology.nodesPerZone").type("1");
    assertThat(checkoutTarget().blastRadius().topology()).isEqualTo(Topology.zones(2, 1));
    assertThat(checkoutTarget().blastRadius().mode()).isEqualTo(BlastRadius.Mode.PERCENT);
    assertThat(field("blastRadius.topology.key").enabledProperty().get()).isTrue();

    field("blastRadius.value").type("25");
    assertThat(checkoutTarget().blastRadius().topology()).isEqualTo(Topology.zones(2, 1));

    field("blastRadius.topology.zones").type("eu-west-1a");
    field("blastRadius.topology.nodesPerZone").type("all");
    assertThat(checkoutTarget().blastRadius().topology())
        .isEqualTo(Topology.inZone("eu-west-1a", null));
    assertThat(field("blastRadius.topology.nodesPerZone").text()).isEqualTo("all");

    field("blastRadius.topology.nodesPerZone").type("0");
    assertThat(field("blastRadius.topology.nodesPerZone").problemsProperty().get())
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("'nodesPerZone' is 0"));

    field("blastRadius.topology.key").type("example.com/rack");
    assertThat(checkoutTarget().blastRadius().topology().key()).isEqualTo("example.com/rack");

    field("blastRadius.topology.nodesPerZone").type("");
    field("blastRadius.topology.zones").type("");
    assertThat(checkoutTarget().blastRadius().topology()).isNull();
  }

  @Test
  void newTargetCreatesOneWithAFreeNameAndSelectsItInOneUndoStep() {
    fixture.selection.select("freeze");

    field("target").type(InspectorViewModel.NEW_TARGET);

    AttackStep freeze =
        (AttackStep) fixture.document.experiment().spec().step("freeze").orElseThrow();
    assertThat(freeze.target()).isEqualTo("target");
    assertThat(fixture.document.experiment().spec().targets()).containsKeys("checkout", "target");
    assertThat(field("target").text()).isEqualTo("target");
    assertThat(((StepForm) inspector.form()).targetProperty().get().name()).isEqualTo("target");

    fixture.document.undo();
    assertThat(fixture.document.experiment().spec().targets()).containsOnlyKeys("checkout");
  }

  @Test
  void removingATargetThatStepsUseIsRefusedNamingThem() {
    assertThat(inspector.removeTarget("checkout"))
        .hasValueSatisfying(m -> assertThat(m).contains("freeze").contains("kill"));
    assertThat(inspector.messageProperty().get()).contains("freeze");

    inspector.addTarget();
    assertThat(fixture.document.experiment().spec().targets()).containsKey("target");
    assertThat(inspector.removeTarget("target")).isEmpty();
    assertThat(fixture.document.experiment().spec().targets()).containsOnlyKeys("checkout");
  }

  @Test
  void targetProblemsThatNoFieldShowsAreListedForTheTarget() {
    inspector.addTarget();

    assertThat(inspector.targetProblemsProperty().get()).containsOnlyKeys("target");
    assertThat(inspector.targetProblemsProperty().get().get("target"))
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("not used by any step"));
  }

  @Test
  void renamingATargetRewritesTheStepsThatUseIt() {
    assertThat(inspector.renameTarget("checkout", "checkout-pods")).isEmpty();

    assertThat(fixture.document.experiment().spec().targets()).containsOnlyKeys("checkout-pods");
    assertThat(
            ((AttackStep) fixture.document.experiment().spec().step("kill").orElseThrow()).target())
        .isEqualTo("checkout-pods");
  }

  @Test
  void experimentFieldsEditTheExperimentAndMergeWhileTyping() {
    field("metadata.name").type("checkout-f");
    field("metadata.name").type("checkout-fr");
    assertThat(fixture.document.experiment().metadata().name()).isEqualTo("checkout-fr");

    fixture.document.undo();
    assertThat(fixture.document.experiment().metadata().name())
        .isEqualTo("checkout-freeze-and-recover");
  }

  @Test
  void severalSelectedStepsShowTheirIdsAndCanBeDeleted() {
    fixture.selection.set(List.of("freeze", "kill"));

    assertThat(inspector.form()).isEqualTo(new ManyStepsForm(List.of("freeze", "kill")));
    inspector.deleteSelected();

    assertThat(fixture.document.experiment().spec().steps())
        .extracting(s -> s.id())
        .containsExactly("until-unhealthy", "until-recovered");
  }

  @Test
  void removingAnEdgeDisconnects() {
    fixture.selection.select("kill");

    inspector.disconnect("until-unhealthy");

    assertThat(fixture.document.experiment().spec().step("kill").orElseThrow().after()).isEmpty();
    assertThat(((StepForm) inspector.form()).afterProperty().get()).isEmpty();
  }

  @Test
  void unparsedTextMakesTheFormReadOnlyAndEditsAreRefused() {
    fixture.selection.select("until-unhealthy");

    fixture.document.setUnparsedText("spec: [");

    assertThat(inspector.readOnlyProperty().get()).isTrue();
    assertThat(inspector.readOnlyReason()).contains("do not parse");
    assertThat(field("with.url").type("http://x")).isPresent();
  }

  @Test
  void everyBuiltInParameterTypeGetsAnEditor() {
    for (var descriptor : Catalog.builtIn().all()) {
      for (Param param : descriptor.params()) {
        assertThat(StepFields.editorFor(param.type())).isNotNull();
      }
    }
  }
}
