package dev.faultline.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.model.Experiment;
import dev.faultline.model.OwnerKind;
import dev.faultline.model.OwnerSelector;
import dev.faultline.model.PodPhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
  static List<Path> examples() {
    return Examples.all();
  }

  @Test
  void thereAreAtLeastFiveExamplesInBothSyntaxes() {
    assertThat(examples()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(examples()).anyMatch(p -> p.toString().endsWith(".json"));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void savingAnUnchangedExampleGivesTheSameText(Path file) throws IOException {
    ReadResult read = new ExperimentReader().read(file);
    assertThat(read.problems()).isEmpty();

    String written = ExperimentFormat.write(read.experiment().orElseThrow(), Syntax.of(file));

    assertThat(written).isEqualTo(Files.readString(file));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void yamlAndJsonCarryTheSameExperiment(Path file) {
    Experiment original = new ExperimentReader().read(file).experiment().orElseThrow();
    for (Syntax syntax : Syntax.values()) {
      ReadResult again =
          new ExperimentReader().read(ExperimentFormat.write(original, syntax), syntax);
      assertThat(again.problems()).as(syntax.name()).isEmpty();
      assertThat(again.experiment()).as(syntax.name()).contains(original);
    }
  }

  @Test
  void theContextIsWrittenAfterSafetyAndBeforeTargetsInBothSyntaxes() {
    String yaml =
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: on-staging
        spec:
          safety:
            maxDuration: 5m
          context: staging-eu
          targets:
            web:
              namespaces: [shop]
          steps:
            - id: pause
              wait: 5s
        """;
    ReadResult read = new ExperimentReader().read(yaml, Syntax.YAML);
    assertThat(read.problems()).isEmpty();
    Experiment experiment = read.experiment().orElseThrow();
    assertThat(experiment.spec().context()).isEqualTo("staging-eu");

    assertThat(ExperimentFormat.write(experiment, Syntax.YAML)).isEqualTo(yaml);
    String json = ExperimentFormat.write(experiment, Syntax.JSON);
    assertThat(json)
        .containsSubsequence("\"safety\"", "\"context\": \"staging-eu\"", "\"targets\"");
    assertThat(new ExperimentReader().read(json, Syntax.JSON).experiment()).contains(experiment);
  }

  @Test
  void withoutAContextNoneIsWritten() {
    String yaml =
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: anywhere
        spec:
          steps: []
        """;
    Experiment experiment =
        new ExperimentReader().read(yaml, Syntax.YAML).experiment().orElseThrow();

    assertThat(experiment.spec().context()).isNull();
    assertThat(ExperimentFormat.write(experiment, Syntax.YAML)).doesNotContain("context");
  }

  @Test
  void everyTargetSelectorSurvivesARoundTripInCanonicalLayout() {
    String text =
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: selectors
        spec:
          targets:
            api:
              namespaces: [shop]
              namespacePattern: team-.*
              labelSelector: app=api
              annotationSelector: chaos.faultline.dev/opt-in=true
              fieldSelector: spec.nodeName!=node-1,status.phase=Running
              phases: [Running, Pending]
              nodeSelector: topology.kubernetes.io/zone=zone-a
              owner: {kind: Deployment, name: api-.*}
              podName: api-.*
              containers: [app]
              blastRadius: {mode: maxPercent, value: 25, seed: 42}
          steps:
            - id: kill
              attack: k8s.pod.delete
              target: api
        """;
    ReadResult read = new ExperimentReader().read(text, Syntax.YAML);
    assertThat(read.problems()).isEmpty();
    Experiment experiment = read.experiment().orElseThrow();

    assertThat(ExperimentFormat.write(experiment, Syntax.YAML)).isEqualTo(text);
    ReadResult fromJson =
        new ExperimentReader().read(ExperimentFormat.write(experiment, Syntax.JSON), Syntax.JSON);
    assertThat(fromJson.problems()).isEmpty();
    assertThat(fromJson.experiment()).contains(experiment);
    var target = experiment.spec().targets().get("api");
    assertThat(target.phases()).containsExactly(PodPhase.RUNNING, PodPhase.PENDING);
    assertThat(target.owner()).isEqualTo(OwnerSelector.of(OwnerKind.DEPLOYMENT, "api-.*"));
    assertThat(target.blastRadius().seed()).isEqualTo(42L);
  }

  @Test
  void probeTimingAndSpanFieldsSurviveARoundTripInCanonicalLayout() {
    String text =
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: timing
        spec:
          steps:
            - id: check
              probe: tcp.connect
              interval: 500ms
              initialDelay: 2s
              retries: 3
              with:
                host: db
                port: 5432
            - id: settle
              after: [check]
              wait: 5s
          probes:
            - id: health
              probe: tcp.connect
              interval: 1s
              initialDelay: 3s
              haltAfter: 2
              from: check
              to: settle
              with:
                host: db
                port: 5432
        """;
    ReadResult read = new ExperimentReader().read(text, Syntax.YAML);
    assertThat(read.problems()).isEmpty();
    Experiment experiment = read.experiment().orElseThrow();
    assertThat(ExperimentFormat.write(experiment, Syntax.YAML)).isEqualTo(text);
    ReadResult fromJson =
        new ExperimentReader().read(ExperimentFormat.write(experiment, Syntax.JSON), Syntax.JSON);
    assertThat(fromJson.experiment()).contains(experiment);
    var probe = experiment.spec().probes().getFirst();
    assertThat(probe.from()).isEqualTo("check");
    assertThat(probe.to()).isEqualTo("settle");
    assertThat(probe.initialDelay()).isEqualTo(dev.faultline.model.TimeSpan.of("3s"));
    var step = (dev.faultline.model.ProbeStep) experiment.spec().steps().getFirst();
    assertThat(step.effectiveRetries()).isEqualTo(3);
  }

  @Test
  void unknownFieldsAreKeptInPlaceAndWrittenBack() {

    String text =
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata:
          name: keeps-unknown
          x-owner: {team: sre, pager: "+1 555"}
        spec:
          steps:
            - id: pause
              wait: 5s
              x-note: written by a newer tool
          x-future: [1, 2.5, true, null]
        x-top: kept
        """;
    ReadResult read = new ExperimentReader().read(text, Syntax.YAML);
    assertThat(read.problems()).isEmpty();

    String written = ExperimentFormat.write(read.experiment().orElseThrow(), Syntax.YAML);

    assertThat(written)
        .isEqualTo(
            """
            apiVersion: faultline.dev/v1alpha1
            kind: Experiment
            metadata:
              name: keeps-unknown
              x-owner:
                team: sre
                pager: +1 555
            spec:
              steps:
                - id: pause
                  wait: 5s
                  x-note: written by a newer tool
              x-future: [1, 2.5, true, null]
            x-top: kept
            """);
    assertThat(new ExperimentReader().read(written, Syntax.YAML).experiment())
        .isEqualTo(read.experiment());
  }

  @Test
  void unknownFieldWithoutPrefixIsKeptAndWarnedAboutWithSuggestion() {
    String text =
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata: {name: typo}
        spec:
          steps:
            - id: a
              wait: 1s
              aftr: [b]
        """;
    ReadResult read = new ExperimentReader().read(text, Syntax.YAML);

    assertThat(read.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.isError()).isFalse();
              assertThat(p.line()).isEqualTo(8);
              assertThat(p.column()).isEqualTo(7);
              assertThat(p.path()).isEqualTo("spec.steps[0].aftr");
              assertThat(p.message()).contains("unknown field 'aftr'", "did you mean 'after'?");
            });
    assertThat(ExperimentFormat.write(read.experiment().orElseThrow(), Syntax.YAML))
        .contains("aftr: [b]");
  }

  @Test
  void stringsThatLookLikeOtherTypesStayStrings() {
    String text =
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata: {name: quoting}
        spec:
          steps:
            - id: '10'
              probe: http.check
              with: {url: 'http://a/b', body: 'true', note: "a: b", code: '404', multi: "line1\\nline2"}
        """;
    Experiment experiment =
        new ExperimentReader().read(text, Syntax.YAML).experiment().orElseThrow();

    String written = ExperimentFormat.write(experiment, Syntax.YAML);
    Experiment again = new ExperimentReader().read(written, Syntax.YAML).experiment().orElseThrow();

    assertThat(again).isEqualTo(experiment);
    assertThat(again.spec().steps().getFirst().id()).isEqualTo("10");
    assertThat(written).contains("multi: |-\n          line1\n          line2");
  }
}
