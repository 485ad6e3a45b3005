package dev.faultline.export.chaosmesh;

import dev.faultline.attack.chaosmesh.ChaosKind;
import dev.faultline.catalog.Catalog;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportException;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exporter;
import dev.faultline.format.YamlText;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Step;
import dev.faultline.model.TimeSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an experiment as one Chaos Mesh {@code Workflow} (inside a {@code Schedule} when it has
 * {@code spec.schedule}, see {@link ScheduleWriter}): the step graph as {@code Serial} and {@code
 * Parallel} templates ({@link StepOrder}), each step as one template ({@link TemplateWriter}),
 * continuous HTTP probes as {@code Continuous} status checks running beside the steps. The result
 * is checked with {@link WorkflowAdmission}; a violation there is a bug of this exporter and fails
 * the export with the rule.
 */
public final class ChaosMeshExporter implements Exporter {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final java.util.regex.Pattern DNS_LABEL =
      java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private final Catalog catalog;

  public ChaosMeshExporter() {
    this(Catalog.builtIn());
  }

  public ChaosMeshExporter(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public ExportFormat format() {
    return ExportFormat.CHAOS_MESH;
  }

  @Override
  public ExportResult export(Experiment experiment, ExportOptions options) throws ExportException {
    List<ConversionWarning> warnings = new ArrayList<>();
    ObjectNode workflow = workflow(experiment, options, warnings);
    ScheduleWriter.loopWarning(experiment, warnings);
    ObjectNode document =
        experiment.spec().schedule() == null
            ? workflow
            : ScheduleWriter.wrap(workflow, experiment, warnings);
    return new ExportResult(
        YamlText.write(JSON.treeToValue(document, Object.class)),
        List.copyOf(new LinkedHashSet<>(warnings)));
  }

  /** The Workflow as a tree, checked by {@link WorkflowAdmission}. */
  ObjectNode workflow(
      Experiment experiment, ExportOptions options, List<ConversionWarning> warnings)
      throws ExportException {
    String namespace = namespace(experiment, options);
    var names = new TemplateNames();
    var writer = new TemplateWriter(experiment, namespace, catalog, warnings);
    var templates = new ArrayList<ObjectNode>();
    var nameOf = new HashMap<String, String>();
    var deadlines = new HashMap<String, Duration>();
    boolean anyCarried = false;
    List<Step> steps = experiment.spec().steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String name = names.claim(step.id(), "step-" + (i + 1));
      nameOf.put(step.id(), name);
      if (!name.equals(step.id())) {
        warnings.add(
            ConversionWarning.at(
                "spec.steps[" + i + "].id",
                "template names are lower-case DNS names: step '"
                    + step.id()
                    + "' is written as '"
                    + name
                    + "', the id an import gives it"));
      }
      ObjectNode template = writer.write(step, name, "spec.steps[" + i + "]");
      anyCarried |= writer.lastCarried();
      deadlines.put(
          name, TimeSpan.parse(template.path("deadline").asString("0s")).orElse(Duration.ZERO));
      templates.add(template);
    }
    if (!anyCarried) {
      throw new ExportException(
          "nothing in '"
              + experiment.metadata().name()
              + "' has a Chaos Mesh counterpart"
              + (writer.otherContexts().isEmpty() ? "" : " in " + TemplateWriter.home(experiment))
              + ", so the workflow would do nothing; Chaos Mesh"
              + " runs the chaosmesh.* attacks, k8s.pod.delete, k8s.container.kill and http.check"
              + " probes"
              + otherClusters(experiment, writer.otherContexts()));
    }
    var afterById = new LinkedHashMap<String, List<String>>();
    steps.forEach(s -> afterById.put(s.id(), s.after()));
    var order = new StepOrder(afterById);
    if (!order.tightened().isEmpty()) {
      warnings.add(
          ConversionWarning.at(
              "spec.steps",
              "the step graph is not series-parallel, so it runs level by level: "
                  + String.join(", ", order.tightened())
                  + " also wait for steps of earlier levels they do not come after"));
    }
    var composites = new ArrayList<ObjectNode>();
    String main = composite(order.plan(), nameOf, names, composites, deadlines);
    String entry = main;
    List<ObjectNode> continuous =
        continuous(experiment, names, critical(order.plan(), nameOf, deadlines), warnings);
    ObjectNode entryTemplate =
        composites.stream()
            .filter(t -> t.path("name").asString().equals(main))
            .findFirst()
            .orElse(null);
    if (!continuous.isEmpty() || entryTemplate == null) {
      entry = names.claim("entry", "entry");
      ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
      wrapper.put("name", entry);
      wrapper.put("templateType", continuous.isEmpty() ? "Serial" : "Parallel");
      ArrayNode children = wrapper.putArray("children").add(main);
      continuous.forEach(c -> children.add(c.path("name").asString()));
      composites.addFirst(wrapper);
      entryTemplate = wrapper;
    }
    TimeSpan max = experiment.spec().effectiveSafety().maxDuration();
    if (max != null) {
      entryTemplate.put("deadline", max.text());
    }
    ObjectNode workflow = JsonNodeFactory.instance.objectNode();
    workflow.put("apiVersion", ChaosKind.API_VERSION);
    workflow.put("kind", "Workflow");
    ObjectNode metadata = workflow.putObject("metadata");
    String original = experiment.metadata().name() == null ? "" : experiment.metadata().name();
    String name = workflowName(original);
    metadata.put("name", name);
    if (!name.equals(original)) {
      warnings.add(
          ConversionWarning.at(
              "metadata.name",
              "a Workflow name is a lower-case DNS name of at most 63 characters: '"
                  + original
                  + "' is written as '"
                  + name
                  + "'"));
    }
    metadata.put("namespace", namespace);
    ObjectNode spec = workflow.putObject("spec");
    spec.put("entry", entry);
    ArrayNode all = spec.putArray("templates");
    composites.forEach(all::add);
    templates.forEach(all::add);
    continuous.forEach(all::add);
    List<WorkflowAdmission.Violation> violations = WorkflowAdmission.check(workflow);
    if (!violations.isEmpty()) {
      throw new ExportException(
          "bug: the exported workflow breaks Chaos Mesh's admission rules: " + violations);
    }
    return workflow;
  }

  /**
   * For the refusal of a multi-cluster experiment: which targets and steps live in the other
   * contexts, and how to export one cluster's part.
   */
  private static String otherClusters(Experiment experiment, Map<String, List<String>> steps) {
    if (steps.isEmpty()) {
      return "";
    }
    var parts = new ArrayList<String>();
    steps.forEach(
        (context, ids) -> {
          List<String> targets =
              experiment.spec().targets().entrySet().stream()
                  .filter(t -> context.equals(t.getValue().context()))
                  .map(Map.Entry::getKey)
                  .toList();
          parts.add(
              "context '"
                  + context
                  + "': "
                  + (targets.isEmpty() ? "" : "targets " + String.join(", ", targets) + ", ")
                  + "steps "
                  + String.join(", ", ids));
        });
    return "; a Workflow runs in one cluster, and these act on others ("
        + String.join("; ", parts)
        + "): set spec.context to the context whose part to export";
  }

  /** The template name of a plan node; composites are added to {@code composites} in tree order. */
  private static String composite(
      StepOrder.Plan plan,
      Map<String, String> nameOf,
      TemplateNames names,
      List<ObjectNode> composites,
      Map<String, Duration> deadlines) {
    return switch (plan) {
      case StepOrder.Leaf(String id) -> nameOf.get(id);
      case StepOrder.Sequence(List<StepOrder.Plan> parts) ->
          group("Serial", "serial", parts, nameOf, names, composites, deadlines);
      case StepOrder.Branches(List<StepOrder.Plan> parts) ->
          group("Parallel", "parallel", parts, nameOf, names, composites, deadlines);
    };
  }

  private static String group(
      String type,
      String prefix,
      List<StepOrder.Plan> parts,
      Map<String, String> nameOf,
      TemplateNames names,
      List<ObjectNode> composites,
      Map<String, Duration> deadlines) {
    ObjectNode template = JsonNodeFactory.instance.objectNode();
    String name = names.claim(prefix, prefix);
    template.put("name", name);
    template.put("templateType", type);
    ArrayNode children = template.putArray("children");
    composites.add(template);
    for (StepOrder.Plan part : parts) {
      children.add(composite(part, nameOf, names, composites, deadlines));
    }
    return name;
  }

  /** How long the steps take at most: sums along sequences, the longest of branches. */
  private static Duration critical(
      StepOrder.Plan plan, Map<String, String> nameOf, Map<String, Duration> deadlines) {
    return switch (plan) {
      case StepOrder.Leaf(String id) -> deadlines.get(nameOf.get(id));
      case StepOrder.Sequence(List<StepOrder.Plan> parts) ->
          parts.stream()
              .map(p -> critical(p, nameOf, deadlines))
              .reduce(Duration.ZERO, Duration::plus);
      case StepOrder.Branches(List<StepOrder.Plan> parts) ->
          parts.stream()
              .map(p -> critical(p, nameOf, deadlines))
              .max(Duration::compareTo)
              .orElse(Duration.ZERO);
    };
  }

  /** Continuous HTTP probes as Continuous status checks; others are warnings. */
  private List<ObjectNode> continuous(
      Experiment experiment,
      TemplateNames names,
      Duration steps,
      List<ConversionWarning> warnings) {
    var templates = new ArrayList<ObjectNode>();
    List<ContinuousProbe> probes = experiment.spec().probes();
    TimeSpan max = experiment.spec().effectiveSafety().maxDuration();
    var checks = new StatusCheckWriter(warnings);
    for (int i = 0; i < probes.size(); i++) {
      ContinuousProbe probe = probes.get(i);
      String at = "spec.probes[" + i + "]";
      String elsewhere =
          TemplateWriter.elsewhere(experiment, ClusterContexts.ofProbe(experiment.spec(), probe));
      if (elsewhere != null) {
        warnings.add(
            ConversionWarning.at(
                at,
                probe.id()
                    + ": reads context '"
                    + elsewhere
                    + "', and a Workflow runs in one cluster, "
                    + TemplateWriter.home(experiment)
                    + "; it is left out"
                    + (probe.haltAfter() == null ? "" : ", so it cannot halt the workflow")));
        continue;
      }
      if (!probe.probe().equals("http.check")) {
        warnings.add(
            ConversionWarning.at(
                at,
                probe.id()
                    + ": Chaos Mesh has no counterpart of the continuous probe "
                    + probe.probe()
                    + "; it is left out"
                    + (probe.haltAfter() == null ? "" : ", so it cannot halt the workflow")));
        continue;
      }
      ObjectNode template = JsonNodeFactory.instance.objectNode();
      String name = names.claim(probe.id(), "check-" + (i + 1));
      template.put("name", name);
      template.put("templateType", "StatusCheck");
      // The check must end for the workflow to end: it lasts as long as the steps can take,
      // capped by maxDuration, where Faultline stops it when the steps are done.
      Duration lasts =
          max == null || steps.compareTo(max.toDuration()) < 0 ? steps : max.toDuration();
      template.put("deadline", TimeSpan.of(lasts).text());
      ObjectNode check = template.putObject("statusCheck");
      check.put("mode", "Continuous");
      try {
        checks.write(
            dev.faultline.catalog.ParamValues.of(
                catalog.find(probe.probe()).orElseThrow(), probe.with()),
            check,
            at,
            probe.id());
      } catch (Refused e) {
        warnings.add(
            ConversionWarning.at(
                at,
                probe.id()
                    + ": cannot be written for Chaos Mesh ("
                    + e.getMessage()
                    + "); it is left out"
                    + (probe.haltAfter() == null ? "" : ", so it cannot halt the workflow")));
        continue;
      }
      if (!name.equals(probe.id())) {
        warnings.add(
            ConversionWarning.at(
                at + ".id",
                "template names are lower-case DNS names, unique in the workflow: probe '"
                    + probe.id()
                    + "' is written as '"
                    + name
                    + "', the id an import gives it"));
      }
      warnings.add(
          ConversionWarning.at(
              at,
              probe.id()
                  + ": Chaos Mesh runs the continuous check for a fixed "
                  + TimeSpan.of(lasts).text()
                  + " (the longest the steps can take"
                  + (max == null ? "" : ", at most spec.safety.maxDuration")
                  + "), not until the steps are done"));
      check.put(
          "intervalSeconds", StatusCheckWriter.seconds(probe.effectiveInterval().toDuration()));
      check.put("successThreshold", 1);
      if (probe.haltAfter() != null) {
        check.put("failureThreshold", probe.haltAfter());
        template.put("abortWithStatusCheck", true);
      } else {
        // Observe only: no abort, and a threshold it never needs to reach.
        check.put("failureThreshold", 3);
        template.put("abortWithStatusCheck", false);
      }
      if (probe.from() != null || probe.to() != null || probe.initialDelay() != null) {
        warnings.add(
            ConversionWarning.at(
                at,
                probe.id()
                    + ": Chaos Mesh runs the check for the whole workflow from its start; from, to"
                    + " and initialDelay are left out"));
      }
      templates.add(template);
    }
    return templates;
  }

  /** {@code ExportOptions.namespace()}, else the first namespace allowed, else {@code default}. */
  static String namespace(Experiment experiment, ExportOptions options) throws ExportException {
    if (options.namespace() != null && !options.namespace().isBlank()) {
      String asked = options.namespace();
      if (!DNS_LABEL.matcher(asked).matches()) {
        throw new ExportException(
            "export namespace '"
                + asked
                + "' is not a Kubernetes namespace name (a DNS-1123 label: at most 63 lower-case"
                + " letters, digits and '-', starting and ending with a letter or digit)");
      }
      return asked;
    }
    NamespacePolicy policy = experiment.spec().effectiveSafety().effectiveNamespaces();
    return policy.allow().isEmpty() ? "default" : policy.allow().getFirst();
  }

  /** The DNS-1123 name nearest to an experiment's name, {@code faultline-experiment} for none. */
  static String workflowName(String experimentName) {
    String name = TemplateNames.sanitise(experimentName);
    return name.isEmpty() ? "faultline-experiment" : name;
  }
}
