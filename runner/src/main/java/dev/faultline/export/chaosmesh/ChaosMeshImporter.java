package dev.faultline.export.chaosmesh;

import dev.faultline.attack.chaosmesh.ChaosKind;
import dev.faultline.catalog.Catalog;
import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ImportException;
import dev.faultline.export.ImportResult;
import dev.faultline.export.Importer;
import dev.faultline.format.DocMap;
import dev.faultline.format.DocNode;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.Extras;
import dev.faultline.model.TimeSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a Chaos Mesh {@code Workflow}, or a single chaos object (a PodChaos, NetworkChaos...), as
 * an experiment. {@code Serial} children become a chain of steps, {@code Parallel} children
 * branches that the next step joins, {@code Suspend} a wait, chaos templates attack steps, HTTP
 * status checks {@code http.check} probes (continuous ones spec-level probes). Schedules, tasks,
 * branches and kinds Faultline has no attack for become waits of their deadline with a warning at
 * their line. A workflow Chaos Mesh would refuse ({@link WorkflowAdmission}) is refused too.
 */
public final class ChaosMeshImporter implements Importer {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Catalog catalog;

  public ChaosMeshImporter() {
    this(Catalog.builtIn());
  }

  public ChaosMeshImporter(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String formatName() {
    return "Chaos Mesh Workflow or chaos object";
  }

  @Override
  public boolean accepts(DocNode root) {
    return root instanceof DocMap map
        && map.get("apiVersion")
            .map(DocNode::toPlain)
            .map(String::valueOf)
            .orElse("")
            .startsWith(ChaosKind.GROUP + "/");
  }

  @Override
  public ImportResult read(DocNode root, String sourceName) throws ImportException {
    Doc doc = new Doc(root, "", new HashSet<>());
    doc.map();
    String kind = doc.required("kind").string();
    Optional<Doc> metadata = doc.get("metadata");
    String name = name(metadata, sourceName);
    String namespace =
        metadata.isPresent() && metadata.get().get("namespace").isPresent()
            ? metadata.get().required("namespace").string()
            : "default";
    var warnings = new ArrayList<ConversionWarning>();
    var builder = new ImportedSteps(catalog, namespace, warnings);
    Experiment experiment;
    if (kind.equals("Workflow")) {
      experiment = workflow(doc, doc.required("spec"), "spec", name, builder);
    } else if (kind.equals("Schedule")) {
      experiment =
          ScheduleReader.read(
              doc, warnings, (spec, path) -> workflow(doc, spec, path, name, builder));
    } else if (kind.equals("PodChaos") || ChaosKind.byKind(kind).isPresent()) {
      experiment = single(doc, kind, name, builder);
    } else {
      throw doc.required("kind")
          .error(
              "kind "
                  + kind
                  + " cannot be imported; Faultline reads Workflows and the chaos kinds it has"
                  + " attacks for: Schedule (of a Workflow), PodChaos, NetworkChaos, StressChaos, HTTPChaos, IOChaos,"
                  + " DNSChaos, TimeChaos");
    }
    return new ImportResult(experiment, formatName(), warnings);
  }

  private static String name(Optional<Doc> metadata, String sourceName) throws ImportException {
    if (metadata.isPresent() && metadata.get().get("name").isPresent()) {
      return metadata.get().required("name").string();
    }
    String file = sourceName == null ? "imported" : sourceName.replaceAll(".*[/\\\\]", "");
    return file.replaceAll("\\.(ya?ml|json)$", "");
  }

  /** One chaos object: one attack step, lasting the object's {@code duration}. */
  private Experiment single(Doc doc, String kind, String name, ImportedSteps builder)
      throws ImportException {
    Doc spec = doc.required("spec");
    Optional<Doc> duration = spec.get("duration");
    TimeSpan lasts = duration.isPresent() ? duration(duration.get()) : null;
    var step = builder.chaos(builder.id(name), List.of(), kind, spec, lasts, doc);
    if (step.isEmpty()) {
      throw doc.required("kind").error(kind + " " + "has no Faultline attack to import it as");
    }
    builder.add(step.get());
    return builder.build(name, null);
  }

  /**
   * A workflow's spec, at {@code specPath} of {@code doc}: {@code spec} of a Workflow, {@code
   * spec.workflow} of a Schedule.
   */
  Experiment workflow(Doc doc, Doc spec, String specPath, String name, ImportedSteps builder)
      throws ImportException {
    // The admission rules read a Workflow, so a Schedule's workflow is checked as one.
    ObjectNode plain = JSON.createObjectNode();
    plain.put("kind", "Workflow");
    plain.set("spec", JSON.valueToTree(spec.node().toPlain()));
    List<WorkflowAdmission.Violation> violations = WorkflowAdmission.check(plain);
    if (!violations.isEmpty()) {
      WorkflowAdmission.Violation first = violations.getFirst();
      throw doc.at(first.path().replaceFirst("^spec", specPath))
          .error(
              first.rule()
                  + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
    }
    var templates = new LinkedHashMap<String, Doc>();
    for (Doc template : spec.required("templates").list()) {
      templates.put(template.required("name").string(), template);
    }
    String entry = spec.required("entry").string();
    Doc entryTemplate = templates.get(entry);
    Optional<Doc> deadline = entryTemplate.get("deadline");
    new Walk(templates, builder, entry).visit(entry, List.of());
    return builder.build(name, deadline.isPresent() ? duration(deadline.get()) : null);
  }

  static TimeSpan duration(Doc value) throws ImportException {
    String text = value.string();
    return GoDurations.timeSpan(text)
        .orElseThrow(() -> value.error("'" + text + "' is not a duration such as 30s or 1m30s"));
  }

  /** Walks the template tree from the entry, adding steps in order. */
  private static final class Walk {
    private final Map<String, Doc> templates;
    private final ImportedSteps builder;
    private final String entry;

    /**
     * Templates already walked. A Faultline step happens once, so a template that two parents share
     * (which Chaos Mesh would run twice) is refused; walking it again for each parent would also
     * take exponential time on deeply shared children.
     */
    private final Set<String> visited = new HashSet<>();

    Walk(Map<String, Doc> templates, ImportedSteps builder, String entry) {
      this.templates = templates;
      this.builder = builder;
      this.entry = entry;
    }

    /** The child's name, when no template walked so far has used it. */
    private String firstUse(Doc child) throws ImportException {
      String name = child.string();
      if (visited.contains(name)) {
        throw child.error(
            "template '"
                + name
                + "' is used a second time here; Chaos Mesh would run it again, but a Faultline"
                + " step happens once, so give each use its own template");
      }
      return name;
    }

    /**
     * Adds the template's steps after {@code before} and returns the steps that end it: what the
     * next template must come after.
     */
    List<String> visit(String name, List<String> before) throws ImportException {
      visited.add(name);
      Doc template = templates.get(name);
      String type = template.required("templateType").string();
      Optional<Doc> deadlineDoc = template.get("deadline");
      TimeSpan deadline = deadlineDoc.isPresent() ? duration(deadlineDoc.get()) : null;
      if (!name.equals(entry)
          && deadline != null
          && (type.equals("Serial") || type.equals("Parallel"))) {
        builder
            .warnings()
            .add(
                deadlineDoc
                    .get()
                    .warning(
                        "the deadline of a "
                            + type
                            + " has no Faultline counterpart below the entry (whose deadline is spec.safety.maxDuration); left out"));
      }
      switch (type) {
        case "Serial" -> {
          List<String> last = before;
          for (Doc child : template.required("children").list()) {
            last = visit(firstUse(child), last);
          }
          return last;
        }
        case "Parallel" -> {
          var ends = new LinkedHashSet<String>();
          for (Doc child : template.required("children").list()) {
            ends.addAll(visit(firstUse(child), before));
          }
          return ends.isEmpty() ? before : List.copyOf(ends);
        }
        case "Suspend" -> {
          String id = builder.id(name);
          builder.add(builder.standIn(id, before, deadline));
          return List.of(id);
        }
        case "StatusCheck" -> {
          Doc check = template.required("statusCheck");
          String mode =
              check.get("mode").isPresent() ? check.required("mode").string() : "Synchronous";
          if (mode.equals("Continuous")) {
            continuous(name, template, check);
            return before;
          }
          String id = builder.id(name);
          builder.add(builder.statusCheck(id, before, template, deadline));
          return List.of(id);
        }
        default -> {
          String id = builder.id(name);
          String key = WorkflowAdmission.CHAOS_KEYS.get(type);
          if (key != null) {
            var step =
                builder.chaos(
                    id,
                    before,
                    type,
                    template.required(key),
                    deadline,
                    template.required("templateType"));
            if (step.isPresent()) {
              builder.add(step.get());
              return List.of(id);
            }
          } else {
            builder
                .warnings()
                .add(
                    template
                        .required("templateType")
                        .warning(
                            what(type)
                                + " has no Faultline counterpart; a wait of its deadline ("
                                + (deadline == null ? "0s" : deadline.text())
                                + ") stands in its place"));
          }
          template
              .get("conditionalBranches")
              .ifPresent(
                  b ->
                      builder
                          .warnings()
                          .add(
                              b.warning(
                                  "conditional branches have no Faultline counterpart; every branch is left out")));
          builder.add(builder.standIn(id, before, deadline));
          return List.of(id);
        }
      }
    }

    private static String what(String type) {
      return switch (type) {
        case "Task" -> "a Task (a container run by the workflow)";
        case "Schedule" -> "a Schedule (chaos repeated on a cron)";
        default -> "template type " + type;
      };
    }

    private void continuous(String name, Doc template, Doc check) throws ImportException {
      var params = builder.httpCheck(check);
      long interval = ImportedSteps.intOr(check, "intervalSeconds", 10);
      long failures = ImportedSteps.intOr(check, "failureThreshold", 3);
      boolean abort =
          template.get("abortWithStatusCheck").isPresent()
              && template.required("abortWithStatusCheck").bool();
      check.get("mode");
      check.get("successThreshold");
      check.get("duration");
      check.get("recordsHistoryLimit");
      check.unread("StatusCheck", builder.warnings());
      TimeSpan every = TimeSpan.of(interval + "s");
      builder.addProbe(
          new ContinuousProbe(
              builder.id(name),
              "http.check",
              null,
              params,
              every.equals(ContinuousProbe.DEFAULT_INTERVAL) ? null : every,
              null,
              abort ? (int) failures : null,
              null,
              null,
              Extras.NONE));
    }
  }
}
