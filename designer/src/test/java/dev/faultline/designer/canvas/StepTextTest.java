package dev.faultline.designer.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.catalog.Catalog;
import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import org.junit.jupiter.api.Test;

class StepTextTest {

  private final StepText text = new StepText(Catalog.builtIn());
  private final Experiment checkout = CanvasFixtures.checkout();

  @Test
  void anAttackShowsItsParametersAndTarget() {
    StepText.Lines lines = lines("freeze");

    assertThat(lines)
        .isEqualTo(
            new StepText.Lines(
                "freeze",
                "Signal a process",
                "SIGSTOP \u00b7 java",
                "checkout \u00b7 app=checkout \u00b7 50%"));
    assertThat(text.iconId(step("freeze"))).isEqualTo("process-signal");
  }

  @Test
  void aProbeShowsWhatItWaitsForAndWhere() {
    StepText.Lines lines = lines("until-recovered");

    assertThat(lines.subtitle()).isEqualTo("HTTP check");
    assertThat(lines.detail()).isEqualTo("until passing \u2264 120s");
    assertThat(lines.context()).isEqualTo("checkout.shop/health");
  }

  @Test
  void waitsGatesAndUnknownTypesHaveTheirOwnWords() {
    Experiment experiment =
        CanvasFixtures.read(
            "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {name: t}\nspec:\n"
                + "  steps:\n    - {id: pause, wait: 30s}\n"
                + "    - {id: ask, gate: Go on?, timeout: 5m, onTimeout: continue}\n"
                + "    - {id: odd, attack: no.such.attack}\n");

    assertThat(text.lines(experiment.spec().step("pause").orElseThrow(), experiment))
        .isEqualTo(new StepText.Lines("pause", "Wait", "wait 30s", ""));
    assertThat(text.lines(experiment.spec().step("ask").orElseThrow(), experiment))
        .isEqualTo(new StepText.Lines("ask", "Manual gate", "Go on?", "after 5m: continue"));
    StepText.Lines odd = text.lines(experiment.spec().step("odd").orElseThrow(), experiment);
    assertThat(odd.subtitle()).isEqualTo("no.such.attack");
    assertThat(odd.context()).isEqualTo("no target");
    assertThat(text.iconId(experiment.spec().step("odd").orElseThrow()))
        .isEqualTo(StepKind.ATTACK.fallbackIcon());
  }

  private Step step(String id) {
    return checkout.spec().step(id).orElseThrow();
  }

  private StepText.Lines lines(String id) {
    return text.lines(step(id), checkout);
  }
}
