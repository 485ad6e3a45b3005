package dev.faultline.export.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportException;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exports;
import dev.faultline.export.ImportResult;
import dev.faultline.export.Imports;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ours → Chaos Mesh → ours. An experiment built from what the format carries comes back equal; of
 * the examples, every step the export did not warn about comes back equal, and the ones it warned
 * about keep their id and place.
 */
class ChaosMeshRoundTripTest {
  static final String CARRIED =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: all-carried
      spec:
        safety:
          namespaces: {allow: [shop]}
          maxDuration: 10m
        targets:
          web:
            namespaces: [shop]
            labelSelector: app=web,tier notin (canary)
            containers: [app]
            blastRadius: {mode: percent, value: 50}
          one-cart:
            namespaces: [shop]
            labelSelector: app=cart
            podName: cart-0
            phases: [Running, Pending]
            blastRadius: {mode: one}
          some-api:
            namespaces: [shop]
            labelSelector: app=api
            containers: [api]
            blastRadius: {mode: count, value: 2}
          most-db:
            namespaces: [shop]
            labelSelector: app=db
            containers: [db]
            blastRadius: {mode: maxPercent, value: 30}
        steps:
          - id: healthy
            probe: http.check
            retries: 2
            with: {url: http://web.shop/health, expectStatus: "200"}
          - id: lossy
            after: [healthy]
            attack: chaosmesh.network
            target: web
            duration: 30s
            with: {action: loss, percent: 20, correlation: 12.5}
          - id: burn
            after: [healthy]
            attack: chaosmesh.stress
            target: some-api
            duration: 20s
            with: {cpuWorkers: 2, cpuLoad: 80, memoryWorkers: 1, memorySize: 256MB}
          - id: settle
            after: [lossy, burn]
            wait: 15s
          - id: kill-cart
            after: [settle]
            attack: k8s.pod.delete
            target: one-cart
            with: {gracePeriod: 5s}
          - id: kill-db
            after: [settle]
            attack: k8s.container.kill
            target: most-db
          - id: unavailable
            after: [kill-cart, kill-db]
            attack: chaosmesh.http
            target: some-api
            duration: 1m
            with: {port: 8080, target: Response, path: /orders/*, replaceCode: 503, patchHeaders: {x-chaos: "yes"}}
          - id: slow-disk
            after: [kill-cart, kill-db]
            attack: chaosmesh.io
            target: most-db
            duration: 1m
            with: {volumePath: /data, action: fault, errno: 5, percent: 50, methods: [read]}
          - id: no-dns
            after: [unavailable, slow-disk]
            attack: chaosmesh.dns
            target: web
            duration: 10s
            with: {action: random, patterns: [api.shop.svc.cluster.local]}
          - id: skew
            after: [no-dns]
            attack: chaosmesh.time
            target: web
            duration: 10s
            with: {timeOffset: -1h, clockIds: [CLOCK_REALTIME]}
          - id: recovered
            after: [skew]
            probe: http.check
            until: passing
            timeout: 2m
            interval: 5s
            with: {url: http://web.shop/health, method: POST, body: "{}", headers: {x-probe: faultline}}
        probes:
          - id: storefront
            probe: http.check
            interval: 5s
            haltAfter: 4
            with: {url: http://web.shop/, expectStatus: 200-399}
      """;

  static List<Path> examples() {
    return Examples.all();
  }

  private static Experiment back(ExportResult exported) throws Exception {
    ImportResult imported = Imports.standard().read(exported.text(), Syntax.YAML, "wf.yaml");
    assertThat(
            Validator.standard().validate(imported.experiment()).stream().filter(Problem::isError))
        .as("import of\n%s", exported.text())
        .isEmpty();
    return imported.experiment();
  }

  @Test
  void whatTheFormatCarriesComesBackEqual() throws Exception {
    Experiment original =
        new ExperimentReader().read(CARRIED, Syntax.YAML).experiment().orElseThrow();
    ExportResult exported =
        Exports.standard().export(original, ExportFormat.CHAOS_MESH, ExportOptions.DEFAULTS);
    WorkflowChecks.admitted(exported.text());
    assertThat(exported.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .contains("storefront: Chaos Mesh runs the continuous check for a fixed"));

    Experiment back = back(exported);

    assertThat(back.spec().steps())
        .extracting(Step::id)
        .containsExactlyElementsOf(original.spec().steps().stream().map(Step::id).toList());
    assertThat(StepShape.of(back)).isEqualTo(StepShape.of(original));
    assertThat(StepShape.probes(back)).isEqualTo(StepShape.probes(original));
    assertThat(back.spec().effectiveSafety().maxDuration())
        .isEqualTo(original.spec().effectiveSafety().maxDuration());
    assertThat(back.metadata().name()).isEqualTo("all-carried");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyStepTheExportDidNotWarnAboutComesBackEqual(Path file) throws Exception {
    Experiment original = new ExperimentReader().read(file).experiment().orElseThrow();
    ExportResult exported;
    try {
      exported =
          Exports.standard().export(original, ExportFormat.CHAOS_MESH, ExportOptions.DEFAULTS);
    } catch (ExportException e) {
      return; // nothing Chaos Mesh runs: ChaosMeshExamplesTest checks the refusal
    }
    Experiment back = back(exported);

    assertThat(back.spec().steps())
        .extracting(Step::id)
        .containsExactlyElementsOf(original.spec().steps().stream().map(Step::id).toList());
    Map<String, String> before = StepShape.of(original);
    Map<String, String> after = StepShape.of(back);
    var differing = new TreeSet<String>();
    before.forEach(
        (id, shape) -> {
          if (!shape.equals(after.get(id))) {
            differing.add(id);
          }
        });
    assertThat(differing)
        .as("steps that changed without a warning\n%s\n%s", before, after)
        .isSubsetOf(warned(original, exported.warnings()));
  }

  /** The steps a warning is about: by its path, or by its target's path. */
  private static TreeSet<String> warned(Experiment experiment, List<ConversionWarning> warnings) {
    var ids = new TreeSet<String>();
    List<Step> steps = experiment.spec().steps();
    for (ConversionWarning w : warnings) {
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        String target = step instanceof AttackStep a ? a.target() : null;
        if (w.path().startsWith("spec.steps[" + i + "]")
            || w.path().equals("spec.steps")
            || (target != null && w.path().startsWith("spec.targets." + target + "."))) {
          ids.add(step.id());
        }
      }
    }
    // A stand-in changes the step itself; the steps after it keep their place.
    return ids;
  }

  @Test
  void theStepsOfTheExamplesThatComeBackChangedAreTheOnesDocsExportMdLists() throws Exception {
    var changed = new TreeMap<String, String>();
    for (Path file : examples()) {
      Experiment original = new ExperimentReader().read(file).experiment().orElseThrow();
      ExportResult exported;
      try {
        exported =
            Exports.standard().export(original, ExportFormat.CHAOS_MESH, ExportOptions.DEFAULTS);
      } catch (ExportException e) {
        changed.put(
            file.getFileName().toString(),
            e.getMessage().contains("a Workflow runs in one cluster")
                ? "not exported (no part in the Workflow's cluster)"
                : "not exported (nothing Chaos Mesh runs)");
        continue;
      }
      Map<String, String> before = StepShape.of(original);
      Map<String, String> after = StepShape.of(back(exported));
      var ids = new TreeSet<String>();
      before.forEach(
          (id, shape) -> {
            if (!shape.equals(after.get(id))) {
              ids.add(id);
            }
          });
      if (!ids.isEmpty()) {
        changed.put(file.getFileName().toString(), String.join(", ", ids));
      }
    }
    assertThat(changed).isEqualTo(documented());
  }

  /** The table of docs/export.md that lists the example steps that come back changed. */
  private static Map<String, String> documented() throws Exception {
    String doc = Files.readString(Examples.dir().resolve("../export.md"));
    String table = doc.substring(doc.indexOf("| Example | Steps that come back changed |"));
    // The table ends at the first blank line; other sections have tables of their own.
    table = table.substring(0, table.indexOf("\n\n") < 0 ? table.length() : table.indexOf("\n\n"));
    var rows = new TreeMap<String, String>();
    Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\| (.+?) \\|$").matcher(table);
    while (row.find()) {
      rows.put(row.group(1), row.group(2));
    }
    return rows;
  }
}
