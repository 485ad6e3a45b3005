package dev.faultline.designer.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor;
import dev.faultline.catalog.Param;
import dev.faultline.catalog.TargetUse;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.WaitStep;
import dev.faultline.model.edit.AddStep;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StepFactoryTest {

  private final Catalog catalog = Catalog.builtIn();
  private final StepFactory factory = new StepFactory(catalog);
  private final Experiment checkout =
      new ExperimentReader()
          .read(Path.of("../docs/examples/checkout-freeze-and-recover.yaml"))
          .experiment()
          .orElseThrow();

  @Test
  void everyDescriptorMakesAStepWithItsRequiredDefaults() {
    for (Descriptor d : catalog.all()) {
      Step step = factory.create(checkout, StepTemplate.of(d));
      var with =
          switch (step) {
            case AttackStep a -> a.with();
            case ProbeStep p -> p.with();
            default -> throw new AssertionError(step);
          };
      for (Param p : d.params()) {
        assertThat(with.has(p.name()))
            .as("%s.%s", d.id(), p.name())
            .isEqualTo(p.required() && p.defaultValue() != null);
      }
      // It fits: a new step never collides with an existing one.
      assertThat(new AddStep(step, null).apply(checkout).spec().steps()).hasSize(5);
    }
  }

  @Test
  void idsComeFromTheDescriptorAndAreFree() {
    Step first =
        factory.create(checkout, new StepTemplate(StepTemplate.Kind.ATTACK, "k8s.pod.delete"));
    Experiment withFirst = new AddStep(first, null).apply(checkout);
    Step second =
        factory.create(withFirst, new StepTemplate(StepTemplate.Kind.ATTACK, "k8s.pod.delete"));

    assertThat(first.id()).isEqualTo("pod-delete");
    assertThat(second.id()).isEqualTo("pod-delete-2");
    assertThat(
            factory.create(checkout, new StepTemplate(StepTemplate.Kind.PROBE, "http.check")).id())
        .isEqualTo("http-check");
  }

  @Test
  void attacksThatNeedATargetGetTheFirstOneOfAnAcceptedKind() {
    Descriptor signal = catalog.find("process.signal").orElseThrow();
    assertThat(signal.targetUse()).isEqualTo(TargetUse.REQUIRED);

    AttackStep step = (AttackStep) factory.create(checkout, StepTemplate.of(signal));
    assertThat(step.target()).isEqualTo("checkout");
    AttackStep noTargets =
        (AttackStep) factory.create(ExperimentDocument.blank(), StepTemplate.of(signal));
    assertThat(noTargets.target()).isNull();
  }

  @Test
  void waitsAndGatesHaveUsefulDefaults() {
    WaitStep wait = (WaitStep) factory.create(checkout, StepTemplate.WAIT);
    GateStep gate = (GateStep) factory.create(checkout, StepTemplate.GATE);

    assertThat(wait.id()).isEqualTo("wait");
    assertThat(wait.duration()).isEqualTo(StepFactory.NEW_WAIT);
    assertThat(gate.gate()).isNotBlank();
  }

  @Test
  void unknownDescriptorsAreAProgrammingError() {
    assertThatThrownBy(
            () -> factory.create(checkout, new StepTemplate(StepTemplate.Kind.ATTACK, "nope")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void templatesRoundTripThroughTheirTokens() {
    for (Descriptor d : catalog.all()) {
      StepTemplate template = StepTemplate.of(d);
      assertThat(StepTemplate.parse(template.token())).contains(template);
    }
    assertThat(StepTemplate.parse("wait")).contains(StepTemplate.WAIT);
    assertThat(StepTemplate.parse("gate")).contains(StepTemplate.GATE);
    assertThat(StepTemplate.parse("attack:")).isEmpty();
    assertThat(StepTemplate.parse("bogus:x")).isEmpty();
    assertThat(StepTemplate.parse(null)).isEmpty();
  }
}
