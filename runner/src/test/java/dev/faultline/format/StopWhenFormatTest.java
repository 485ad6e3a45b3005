package dev.faultline.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.StopWhen;
import org.junit.jupiter.api.Test;

/** The {@code stopWhen} field of attack steps in files: read, written, kept when unknown. */
class StopWhenFormatTest {
  private static final String CANONICAL =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: stop-early
      spec:
        steps:
          - id: delay-ratings
            attack: mesh.istio.fault
            with:
              host: ratings
              namespace: bookinfo
              fixedDelay: 2s
            duration: 2m
            stopWhen: {probe: ratings-latency, failures: 2}
          - id: abort-ratings
            after: [delay-ratings]
            attack: mesh.istio.fault
            with:
              host: ratings
              namespace: bookinfo
              abortPercent: 50
            duration: 1m
            stopWhen: {probe: ratings-latency}
        probes:
          - id: ratings-latency
            probe: http.check
            with:
              url: http://ratings.bookinfo:9080/health
              maxLatency: 500ms
      """;

  @Test
  void stopWhenIsReadAfterTheDurationAndWrittenBackOnOneLine() {
    ReadResult read = new ExperimentReader().read(CANONICAL, Syntax.YAML);
    assertThat(read.problems()).isEmpty();
    Experiment experiment = read.experiment().orElseThrow();

    AttackStep delay = (AttackStep) experiment.spec().steps().get(0);
    assertThat(delay.stopWhen()).isEqualTo(StopWhen.probe("ratings-latency", 2));
    AttackStep abort = (AttackStep) experiment.spec().steps().get(1);
    assertThat(abort.stopWhen().failures()).isNull();
    assertThat(abort.stopWhen().effectiveFailures()).isEqualTo(1);

    assertThat(ExperimentFormat.write(experiment, Syntax.YAML)).isEqualTo(CANONICAL);
  }

  @Test
  void stopWhenSurvivesJsonAndTheFlowFormWithUnknownFields() {
    String text =
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata: {name: t}
        spec:
          steps:
            - id: a
              attack: k8s.pod.delete
              duration: 1m
              stopWhen:
                probe: p
                failures: 3
                x-why: latency SLO
          probes:
            - {id: p, probe: tcp.connect, with: {host: db, port: 5432}}
        """;
    ReadResult read = new ExperimentReader().read(text, Syntax.YAML);
    assertThat(read.problems()).isEmpty();
    Experiment experiment = read.experiment().orElseThrow();
    StopWhen stop = ((AttackStep) experiment.spec().steps().getFirst()).stopWhen();
    assertThat(stop.extras().fields()).containsEntry("x-why", "latency SLO");

    String yaml = ExperimentFormat.write(experiment, Syntax.YAML);
    assertThat(yaml).contains("stopWhen: {probe: p, failures: 3, x-why: latency SLO}");
    String json = ExperimentFormat.write(experiment, Syntax.JSON);
    assertThat(json).contains("\"stopWhen\"", "\"x-why\": \"latency SLO\"");
    assertThat(new ExperimentReader().read(json, Syntax.JSON).experiment()).contains(experiment);
    assertThat(new ExperimentReader().read(yaml, Syntax.YAML).experiment()).contains(experiment);
  }

  @Test
  void aStopWhenThatIsNotAMappingOrLacksItsProbeIsReportedWhereItIs() {
    ReadResult scalar =
        new ExperimentReader()
            .read(
                """
                apiVersion: faultline.dev/v1alpha1
                kind: Experiment
                metadata: {name: t}
                spec:
                  steps:
                    - {id: a, attack: k8s.pod.delete, duration: 1m, stopWhen: latency}
                """,
                Syntax.YAML);
    assertThat(scalar.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.steps[0].stopWhen");
              assertThat(p.line()).isEqualTo(6);
              assertThat(p.column()).isEqualTo(63);
              assertThat(p.message())
                  .isEqualTo("'stopWhen' must be a mapping (key: value lines), not a string");
            });

    ReadResult noProbe =
        new ExperimentReader()
            .read(
                """
                apiVersion: faultline.dev/v1alpha1
                kind: Experiment
                metadata: {name: t}
                spec:
                  steps:
                    - id: a
                      attack: k8s.pod.delete
                      duration: 1m
                      stopWhen: {failures: two, probes: p}
                """,
                Syntax.YAML);
    assertThat(noProbe.problems())
        .extracting(p -> p.line() + ":" + p.column() + " " + p.message())
        .containsExactlyInAnyOrder(
            "9:17 'stopWhen' is missing the required field 'probe'",
            "9:28 expected a whole number, not a string",
            "9:33 unknown field 'probes' in 'stopWhen'; did you mean 'probe'? (kept as is;"
                + " prefix extension fields with 'x-')");
  }
}
