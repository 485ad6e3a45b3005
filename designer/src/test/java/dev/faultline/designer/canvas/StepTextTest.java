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

  @Test
  void aStepActingOnAnotherContextSaysWhereInItsSubtitle() {
    String yaml =
        "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {name: t}\nspec:\n"
            + "  targets:\n"
            + "    west-checkout: {context: west, namespaces: [shop], labelSelector: app=c}\n"
            + "    east-checkout: {namespaces: [shop], labelSelector: app=c}\n"
            + "  steps:\n"
            + "    - {id: freeze, attack: k8s.pod.delete, target: west-checkout}\n"
            + "    - {id: near, attack: k8s.pod.delete, target: east-checkout}\n"
            + "    - {id: watch, probe: k8s.state, target: west-checkout}\n"
            + "    - {id: own, probe: http.check, context: north,"
            + " with: {url: 'http://a.b/'}}\n";
    Experiment experiment = CanvasFixtures.read(yaml);

    assertThat(subtitle(experiment, "freeze")).isEqualTo("Delete pods in west");
    assertThat(subtitle(experiment, "near")).isEqualTo("Delete pods");
    assertThat(subtitle(experiment, "watch")).endsWith(" in west");
    assertThat(subtitle(experiment, "own")).isEqualTo("HTTP check in north");

    // Run on west itself, west is home: only north is elsewhere.
    Experiment onWest = CanvasFixtures.read(yaml.replace("spec:\n", "spec:\n  context: west\n"));
    assertThat(subtitle(onWest, "freeze")).isEqualTo("Delete pods");
    assertThat(subtitle(onWest, "own")).isEqualTo("HTTP check in north");
  }

  private String subtitle(Experiment experiment, String id) {
    return text.lines(experiment.spec().step(id).orElseThrow(), experiment).subtitle();
  }
}
