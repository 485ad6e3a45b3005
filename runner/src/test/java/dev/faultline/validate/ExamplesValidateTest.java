package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.catalog.Catalog;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.model.AttackStep;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExamplesValidateTest {
  @Test
  void everyExampleIsValidWithoutWarnings() {
    for (Path file : Examples.all()) {
      ReadResult read = new ExperimentReader().read(file);
      assertThat(read.problems()).as(file.toString()).isEmpty();
      assertThat(Validator.standard().validate(read.experiment().orElseThrow(), read.locator()))
          .as(file.toString())
          .isEmpty();
    }
  }

  @Test
  void examplesCoverEveryStepKindAndEveryDescriptor() {
    Set<String> kinds = new HashSet<>();
    Set<String> types = new HashSet<>();
    boolean continuousProbes = false;
    for (Path file : Examples.all()) {
      var experiment = new ExperimentReader().read(file).experiment().orElseThrow();
      for (Step step : experiment.spec().steps()) {
        kinds.add(
            step.kindWord()
                + (step instanceof ProbeStep p && p.until() != null
                    ? "-until-" + p.until().keyword()
                    : ""));
        if (step instanceof AttackStep a) types.add(a.attack());
        if (step instanceof ProbeStep p) types.add(p.probe());
      }
      experiment.spec().probes().forEach(p -> types.add(p.probe()));
      continuousProbes |= !experiment.spec().probes().isEmpty();
    }
    assertThat(kinds)
        .contains("attack", "probe", "probe-until-failing", "probe-until-passing", "wait", "gate");
    assertThat(types).containsAll(Catalog.builtIn().all().stream().map(d -> d.id()).toList());
    assertThat(continuousProbes).isTrue();
  }
}
