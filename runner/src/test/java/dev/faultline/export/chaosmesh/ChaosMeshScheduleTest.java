package dev.faultline.export.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.attack.chaosmesh.CrdSchema;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.export.ImportException;
import dev.faultline.export.Imports;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.model.Schedule;
import dev.faultline.model.ScheduleConcurrency;
import dev.faultline.model.Spec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Experiments with {@code spec.schedule} export to a Chaos Mesh Schedule and import back. */
class ChaosMeshScheduleTest {
  private static final CrdSchema SCHEMA = CrdSchema.load();

  private static Experiment experiment(String scheduleAndLoop) {
    String text =
        ChaosMeshRoundTripTest.CARRIED.replace("spec:\n", "spec:\n" + scheduleAndLoop.indent(2));
    var read = new ExperimentReader().read(text, Syntax.YAML);
    return read.experiment().orElseThrow(() -> new AssertionError(read.problems()));
  }

  private static ExportResult export(Experiment experiment) throws Exception {
    return Exports.standard().export(experiment, ExportFormat.CHAOS_MESH, ExportOptions.DEFAULTS);
  }

  /** The exported Schedule, checked against the CRD; its workflow against the admission rules. */
  private static JsonNode admitted(ExportResult exported) {
    JsonNode schedule = WorkflowChecks.tree(exported.text());
    assertThat(SCHEMA.problems(schedule))
        .as("Schedule CRD schema of\n%s", exported.text())
        .isEmpty();
    ObjectNode workflow = ((ObjectNode) schedule.deepCopy()).put("kind", "Workflow");
    workflow.set("spec", schedule.path("spec").path("workflow"));
    assertThat(WorkflowAdmission.check(workflow)).isEmpty();
    return schedule;
  }

  @Test
  void aScheduledExperimentIsAScheduleOfItsWorkflowAndComesBackEqual() throws Exception {
    Experiment original =
        experiment(
            "schedule: {cron: \"0 */2 * * MON-FRI\", concurrency: allow, historyLimit: 3}\n");
    ExportResult exported = export(original);
    JsonNode schedule = admitted(exported);

    assertThat(schedule.path("kind").asString()).isEqualTo("Schedule");
    assertThat(schedule.path("spec").path("schedule").asString()).isEqualTo("0 */2 * * MON-FRI");
    assertThat(schedule.path("spec").path("concurrencyPolicy").asString()).isEqualTo("Allow");
    assertThat(schedule.path("spec").path("historyLimit").asInt()).isEqualTo(3);
    assertThat(schedule.path("spec").path("type").asString()).isEqualTo("Workflow");
    assertThat(schedule.path("spec").path("workflow").path("templates")).isNotEmpty();
    Experiment workflowOnly =
        original.withSpec(
            new Spec(
                original.spec().safety(),
                original.spec().context(),
                original.spec().targets(),
                original.spec().steps(),
                original.spec().probes(),
                original.spec().extras()));
    assertThat(exported.warnings()).isEqualTo(export(workflowOnly).warnings());

    Experiment back = Imports.standard().read(exported.text(), Syntax.YAML, "s.yaml").experiment();
    assertThat(back.spec().schedule()).isEqualTo(original.spec().schedule());
    // targets come back under the names the importer gives them; the round trip test covers them
    assertThat(back.spec().steps())
        .extracting(dev.faultline.model.Step::id)
        .isEqualTo(original.spec().steps().stream().map(dev.faultline.model.Step::id).toList());
    assertThat(back.spec().probes()).hasSameSizeAs(original.spec().probes());
  }

  @Test
  void aTimeZoneBecomesACronTzPrefixWithAWarningAndComesBack() throws Exception {
    Experiment original = experiment("schedule: {cron: \"@daily\", timeZone: Europe/Berlin}\n");
    ExportResult exported = export(original);
    JsonNode schedule = admitted(exported);

    assertThat(schedule.path("spec").path("schedule").asString())
        .isEqualTo("CRON_TZ=Europe/Berlin @daily");
    assertThat(schedule.path("spec").path("concurrencyPolicy").asString()).isEqualTo("Forbid");
    assertThat(exported.warnings())
        .extracting(ConversionWarning::path)
        .contains("spec.schedule.timeZone");
    Schedule back =
        Imports.standard()
            .read(exported.text(), Syntax.YAML, "s.yaml")
            .experiment()
            .spec()
            .schedule();
    assertThat(back).isEqualTo(new Schedule("@daily", "Europe/Berlin", null, null, null));
    assertThat(back.effectiveConcurrency()).isEqualTo(ScheduleConcurrency.FORBID);
  }

  @Test
  void aLoopIsAWarningAndTheWorkflowRunsOnce() throws Exception {
    ExportResult exported = export(experiment("loop: {times: 3, pause: 1m}\n"));
    assertThat(WorkflowChecks.admitted(exported.text()).path("kind").asString())
        .isEqualTo("Workflow");
    assertThat(exported.warnings())
        .filteredOn(w -> w.path().equals("spec.loop"))
        .singleElement()
        .satisfies(w -> assertThat(w.message()).startsWith("Chaos Mesh has no loops"));
  }

  @Test
  void aScheduleOfASingleChaosKindOrWithABadCronIsRefusedWhereItIs() {
    assertThatThrownBy(
            () ->
                Imports.standard()
                    .read(
                        """
                        apiVersion: chaos-mesh.org/v1alpha1
                        kind: Schedule
                        metadata: {name: s}
                        spec:
                          schedule: "5 * * * *"
                          type: NetworkChaos
                          networkChaos: {action: delay}
                        """,
                        Syntax.YAML,
                        "s.yaml"))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("type NetworkChaos cannot be imported");
    assertThatThrownBy(
            () ->
                Imports.standard()
                    .read(
                        """
                        apiVersion: chaos-mesh.org/v1alpha1
                        kind: Schedule
                        metadata: {name: s}
                        spec:
                          schedule: "5 25 * * *"
                          type: Workflow
                          workflow:
                            entry: w
                            templates: [{name: w, templateType: Suspend, deadline: 5s}]
                        """,
                        Syntax.YAML,
                        "s.yaml"))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("hour 25 is out of range");
  }
}
