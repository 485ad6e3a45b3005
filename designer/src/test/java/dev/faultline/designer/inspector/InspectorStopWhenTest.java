package dev.faultline.designer.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.Syntax;
import dev.faultline.model.AttackStep;
import dev.faultline.model.StopWhen;
import dev.faultline.validate.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An attack's stopWhen in the inspector: shown, chosen from the continuous probes, edited. */
class InspectorStopWhenTest {
  private final Fixture fixture =
      Fixture.open(Path.of("../docs/examples/istio-delay-with-stop.yaml"));
  private final InspectorViewModel inspector = fixture.inspector();

  private InspectorField field(String key) {
    return inspector.field(key).orElseThrow(() -> new AssertionError("no field " + key));
  }

  private AttackStep attack() {
    return (AttackStep) fixture.document.experiment().spec().step("delay-checkout").orElseThrow();
  }

  @Test
  void theStopConditionIsShownWithTheContinuousProbesToChooseFrom() {
    fixture.selection.select("delay-checkout");

    assertThat(field("stopWhen.probe").text()).isEqualTo("checkout-latency");
    assertThat(field("stopWhen.probe").choicesProperty().get())
        .containsExactly("", "checkout-latency");
    assertThat(field("stopWhen.failures").text()).isEqualTo("2");
    assertThat(field("stopWhen.failures").visibleProperty().get()).isTrue();
  }

  @Test
  void editingTheFailuresKeepsTheProbeAndClearingTheProbeRemovesTheCondition() {
    fixture.selection.select("delay-checkout");

    field("stopWhen.failures").type("3");
    assertThat(attack().stopWhen()).isEqualTo(StopWhen.probe("checkout-latency", 3));
    field("stopWhen.failures").type("");
    assertThat(attack().stopWhen()).isEqualTo(StopWhen.probe("checkout-latency", null));
    assertThat(ExperimentFormat.write(fixture.document.experiment(), Syntax.YAML))
        .contains("stopWhen: {probe: checkout-latency}");

    field("stopWhen.probe").type("");
    assertThat(attack().stopWhen()).isNull();
    assertThat(field("stopWhen.failures").visibleProperty().get()).isFalse();
    assertThat(ExperimentFormat.write(fixture.document.experiment(), Syntax.YAML))
        .doesNotContain("stopWhen");

    field("stopWhen.probe").type("checkout-latency");
    assertThat(attack().stopWhen()).isEqualTo(StopWhen.probe("checkout-latency", null));
  }

  @Test
  void problemsOfTheConditionLandOnItsFields() {
    fixture.selection.select("delay-checkout");

    field("stopWhen.failures").type("0");

    assertThat(field("stopWhen.failures").problemsProperty().get())
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("must be 1 or more"));
  }
}
