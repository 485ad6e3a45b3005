package dev.faultline.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.model.Spec;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code context} fields of a multi-cluster experiment: read, written back unchanged, resolved
 * to the cluster each part acts on, and a probe whose context contradicts its target's is an error
 * at its place.
 */
class ContextFormatTest {
  private static final String CANONICAL =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: freeze-west-watch-east
      spec:
        context: east
        targets:
          checkout-west:
            namespaces: [shop]
            labelSelector: app=checkout
            context: west
          checkout-east:
            namespaces: [shop]
            labelSelector: app=checkout
        steps:
          - id: freeze
            attack: process.signal
            target: checkout-west
            with:
              signal: SIGSTOP
              process: java
          - id: west-down
            after: [freeze]
            probe: http.check
            context: west
            until: failing
            timeout: 15s
            with:
              url: http://checkout.shop/health
          - id: east-up
            after: [west-down]
            probe: k8s.ready
            target: checkout-east
        probes:
          - id: west-latency
            probe: http.check
            context: west
            with:
              url: http://checkout.shop/health
      """;

  private static Experiment read(String text) {
    ReadResult read = new ExperimentReader().read(text, Syntax.YAML);
    assertThat(read.problems()).isEmpty();
    return read.experiment().orElseThrow();
  }

  @Test
  void contextsAreReadAndWrittenBackUnchanged() {
    Experiment experiment = read(CANONICAL);

    assertThat(experiment.spec().targets().get("checkout-west").context()).isEqualTo("west");
    assertThat(experiment.spec().targets().get("checkout-east").context()).isNull();
    assertThat(ExperimentFormat.write(experiment, Syntax.YAML)).isEqualTo(CANONICAL);
    assertThat(
            new ExperimentReader()
                .read(ExperimentFormat.write(experiment, Syntax.JSON), Syntax.JSON)
                .experiment())
        .contains(experiment);
  }

  @Test
  void eachPartActsOnItsOwnItsTargetsOrTheRunsContext() {
    Spec spec = read(CANONICAL).spec();

    assertThat(ClusterContexts.named(spec)).containsExactly("west");
    assertThat(ClusterContexts.used(spec, "east")).containsExactly("east", "west");
    assertThat(ClusterContexts.used(spec, "west")).containsExactly("west");
    assertThat(ClusterContexts.isMultiCluster(spec, "east")).isTrue();
    assertThat(spec.steps())
        .extracting(s -> ClusterContexts.resolve(ClusterContexts.ofStep(spec, s), "east"))
        .containsExactly("west", "west", "east");
    assertThat(ClusterContexts.ofProbe(spec, spec.probes().getFirst())).isEqualTo("west");
  }

  @Test
  void aProbeWhoseContextContradictsItsTargetIsAnErrorAtItsContext() {
    String text =
        CANONICAL.replace(
            "    probe: k8s.ready\n      target: checkout-east\n",
            "    probe: k8s.ready\n      target: checkout-east\n      context: west\n");
    ReadResult read =
        new ExperimentReader().read(text, Syntax.YAML).validated(Validator.standard());

    List<Problem> errors = read.problems().stream().filter(Problem::isError).toList();
    assertThat(errors)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.steps[2].context");
              assertThat(p.line()).isEqualTo(34);
              assertThat(p.message())
                  .contains("probe 'east-up' reads context 'west'")
                  .contains("target 'checkout-east' lives in the run's context 'east'");
            });
  }

  @Test
  void aProbeNamingItsTargetsContextAgainIsFine() {
    String text =
        CANONICAL.replace(
            "    probe: k8s.ready\n      target: checkout-east\n",
            "    probe: k8s.ready\n      target: checkout-east\n      context: east\n");
    ReadResult read =
        new ExperimentReader().read(text, Syntax.YAML).validated(Validator.standard());

    assertThat(read.problems().stream().filter(Problem::isError)).isEmpty();
  }
}
