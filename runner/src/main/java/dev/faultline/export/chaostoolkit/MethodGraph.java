package dev.faultline.export.chaostoolkit;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ImportException;
import dev.faultline.format.DocMap;
import dev.faultline.format.DocNode;
import dev.faultline.model.AttackStep;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.StepId;
import dev.faultline.model.Target;
import dev.faultline.model.WaitStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds our step graph from a Chaos Toolkit experiment's hypothesis, method and rollbacks: method
 * order becomes a chain of {@code after}, background activities branches joined at the end of the
 * method, pauses waits, an action followed by its {@code <name>-rollback} undo an attack with a
 * duration.
 */
final class MethodGraph {
  private final List<ConversionWarning> warnings;
  private final ProviderReader providers;
  private final List<Step> steps = new ArrayList<>();
  private final List<ContinuousProbe> continuous = new ArrayList<>();
  private final Map<String, Target> targets = new LinkedHashMap<>();
  private final Set<String> ids = new HashSet<>();
  private final Map<String, DocMap> definitions = new HashMap<>();
  private List<String> frontier = List.of();

  /**
   * @param contextScopes the secret scopes that name a kubeconfig context, see {@link
   *     ContextSecrets}
   */
  MethodGraph(List<ConversionWarning> warnings, Map<String, String> contextScopes) {
    this.warnings = warnings;
    this.providers = new ProviderReader(warnings, contextScopes);
  }

  List<Step> steps() {
    return steps;
  }

  List<ContinuousProbe> continuous() {
    return continuous;
  }

  Map<String, Target> targets() {
    return targets;
  }

  void read(DocMap doc) throws ImportException {
    String strategy = strategy(doc);
    List<DocMap> hypothesis = hypothesisProbes(doc);
    boolean during = strategy.equals("continuous") || strategy.equals("during-method-only");
    if (strategy.equals("skip") && !hypothesis.isEmpty()) {
      warnings.add(
          Nodes.warning(
              doc,
              "runtime.hypothesis.strategy",
              "the hypothesis is skipped, so it is not imported"));
    } else if (during) {
      for (int i = 0; i < hypothesis.size(); i++) {
        continuousProbe(hypothesis.get(i), "steady-state-hypothesis.probes[" + i + "]");
      }
      if (strategy.equals("continuous")) {
        warnings.add(
            Nodes.warning(
                doc,
                "runtime.hypothesis.strategy",
                "the continuous hypothesis is also checked before and after the method; imported"
                    + " as continuous probes, which run during the run only"));
      }
    } else if (!strategy.equals("after-method-only")) {
      sequence(hypothesis, "steady-state-hypothesis.probes", "");
    }
    method(doc);
    if (strategy.equals("default") || strategy.equals("after-method-only")) {
      sequence(hypothesis, "steady-state-hypothesis.probes", "-after");
    }
    rollbacks(doc);
  }

  private static String strategy(DocMap doc) throws ImportException {
    Optional<DocNode> runtime = doc.get("runtime");
    if (runtime.isEmpty()) {
      return "default";
    }
    Optional<DocNode> hypothesis = Nodes.map(runtime.get(), "runtime").get("hypothesis");
    if (hypothesis.isEmpty()) {
      return "default";
    }
    DocMap map = Nodes.map(hypothesis.get(), "runtime.hypothesis");
    String strategy = Nodes.optionalString(map, "strategy", "runtime.hypothesis").orElse("default");
    if (!List.of(
            "default",
            "before-method-only",
            "after-method-only",
            "during-method-only",
            "continuous",
            "skip")
        .contains(strategy)) {
      DocNode at = map.get("strategy").orElseThrow();
      throw new ImportException(
          "unknown hypothesis strategy '" + strategy + "'",
          "runtime.hypothesis.strategy",
          at.line(),
          at.column());
    }
    return strategy;
  }

  private static List<DocMap> hypothesisProbes(DocMap doc) throws ImportException {
    Optional<DocNode> node = doc.get("steady-state-hypothesis");
    if (node.isEmpty()) {
      return List.of();
    }
    DocMap ssh = Nodes.map(node.get(), "steady-state-hypothesis");
    Nodes.requiredString(ssh, "title", "steady-state-hypothesis");
    var probes = new ArrayList<DocMap>();
    if (ssh.get("probes").isPresent()) {
      List<DocNode> items = Nodes.list(ssh.get("probes").get(), "steady-state-hypothesis.probes");
      for (int i = 0; i < items.size(); i++) {
        DocMap probe = Nodes.map(items.get(i), "steady-state-hypothesis.probes[" + i + "]");
        if (!probe.has("tolerance") && !probe.has("ref")) {
          throw new ImportException(
              "a hypothesis probe needs a 'tolerance'",
              "steady-state-hypothesis.probes[" + i + "]",
              probe.line(),
              probe.column());
        }
        probes.add(probe);
      }
    }
    return probes;
  }

  /** Hypothesis probes one after the other, as chaoslib runs them. */
  private void sequence(List<DocMap> probes, String path, String suffix) throws ImportException {
    for (int i = 0; i < probes.size(); i++) {
      Optional<Step> step = step(probes.get(i), path + "[" + i + "]", suffix);
      if (step.isPresent()) {
        steps.add(step.get());
        frontier = List.of(step.get().id());
      }
    }
  }

  private void continuousProbe(DocMap activity, String path) throws ImportException {
    Optional<Step> step = step(activity, path, "");
    if (step.isPresent() && step.get() instanceof ProbeStep probe) {
      continuous.add(
          new ContinuousProbe(
              probe.id(),
              probe.probe(),
              probe.target(),
              probe.with(),
              null,
              null,
              null,
              null,
              null,
              null));
    } else if (step.isPresent()) {
      warnings.add(Nodes.warning(activity, path, "an action in the hypothesis is not imported"));
    }
  }

  private void method(DocMap doc) throws ImportException {
    if (doc.get("method").isEmpty()) {
      return;
    }
    List<DocNode> items = Nodes.list(doc.get("method").get(), "method");
    var background = new ArrayList<String>();
    AttackStep lastAttack = null;
    List<String> beforeLastAttack = frontier;
    Number pendingAfter = null;
    for (int i = 0; i < items.size(); i++) {
      String path = "method[" + i + "]";
      DocMap activity = Nodes.map(items.get(i), path);
      String name = activity.has("ref") ? "" : Nodes.requiredString(activity, "name", path);
      Number before = pause(activity, "before", path);
      boolean inBackground = Boolean.TRUE.equals(Nodes.plain(activity, "background"));
      if (lastAttack != null && name.equals(lastAttack.id() + AttackActions.UNDO_SUFFIX)) {
        Number seconds = pendingAfter != null ? pendingAfter : before;
        if (seconds != null) {
          AttackStep timed =
              lastAttack.toBuilder().duration(Seconds.span(seconds).orElseThrow()).build();
          steps.set(steps.indexOf(lastAttack), timed);
          if (inBackground) {
            frontier = beforeLastAttack;
            background.add(timed.id());
          }
          lastAttack = null;
          // A wait after the fault's end is exported as the undo's pause after.
          pendingAfter = pause(activity, "after", path);
          continue;
        }
      }
      if (pendingAfter != null) {
        addWait(pendingAfter);
        pendingAfter = null;
      }
      if (before != null) {
        addWait(before);
      }
      Optional<Step> step = step(activity, path, "");
      lastAttack = null;
      if (step.isPresent()) {
        List<String> previous = frontier;
        steps.add(step.get());
        if (inBackground) {
          background.add(step.get().id());
        } else {
          frontier = List.of(step.get().id());
        }
        if (step.get() instanceof AttackStep attack) {
          lastAttack = attack;
          beforeLastAttack = previous;
        }
      }
      // The pause passes even after an activity that is not imported.
      pendingAfter = pause(activity, "after", path);
    }
    if (pendingAfter != null) {
      addWait(pendingAfter);
    }
    var joined = new ArrayList<>(frontier);
    background.stream().filter(id -> !joined.contains(id)).forEach(joined::add);
    frontier = List.copyOf(joined);
  }

  private void addWait(Number seconds) {
    String id = unique("pause");
    steps.add(new WaitStep(id, frontier, Seconds.span(seconds).orElseThrow(), null));
    frontier = List.of(id);
  }

  private Number pause(DocMap activity, String when, String path) throws ImportException {
    Optional<DocNode> pauses = activity.get("pauses");
    if (pauses.isEmpty()) {
      return null;
    }
    DocMap map = Nodes.map(pauses.get(), Nodes.join(path, "pauses"));
    Object value = Nodes.plain(map, when);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && Seconds.span(n).isPresent()) {
      return n.doubleValue() > 0 ? n : null;
    }
    DocNode at = map.get(when).orElseThrow();
    warnings.add(
        Nodes.warning(
            at,
            Nodes.join(path, "pauses." + when),
            "the pause '" + value + "' is not a number of seconds and is not imported"));
    return null;
  }

  private void rollbacks(DocMap doc) throws ImportException {
    if (doc.get("rollbacks").isEmpty()) {
      return;
    }
    List<DocNode> items = Nodes.list(doc.get("rollbacks").get(), "rollbacks");
    Set<String> attacks = new HashSet<>();
    steps.stream().filter(AttackStep.class::isInstance).forEach(s -> attacks.add(s.id()));
    for (int i = 0; i < items.size(); i++) {
      String path = "rollbacks[" + i + "]";
      DocMap activity = Nodes.map(items.get(i), path);
      String name = Nodes.optionalString(activity, "name", path).orElse("");
      boolean ours =
          name.endsWith(AttackActions.UNDO_SUFFIX)
              && attacks.contains(
                  name.substring(0, name.length() - AttackActions.UNDO_SUFFIX.length()));
      if (!ours) {
        warnings.add(
            Nodes.warning(
                activity,
                path,
                "the rollback '"
                    + name
                    + "' is not imported: Faultline rolls back the faults of its own attacks"));
      }
    }
  }

  /** One activity as a step after the current frontier, or empty (with a warning). */
  private Optional<Step> step(DocMap activity, String path, String idSuffix)
      throws ImportException {
    DocMap definition = activity;
    if (activity.has("ref")) {
      String ref = Nodes.requiredString(activity, "ref", path);
      definition = definitions.get(ref);
      if (definition == null) {
        warnings.add(
            Nodes.warning(
                activity,
                Nodes.join(path, "ref"),
                "no activity named '" + ref + "' was defined before; not imported"));
        return Optional.empty();
      }
    }
    String type = Nodes.requiredString(definition, "type", path);
    if (!type.equals("probe") && !type.equals("action")) {
      DocNode at = definition.get("type").orElseThrow();
      throw new ImportException(
          "an activity's type must be probe or action, not '" + type + "'",
          Nodes.join(path, "type"),
          at.line(),
          at.column());
    }
    String name = Nodes.requiredString(definition, "name", path);
    definitions.putIfAbsent(name, definition);
    for (String key : List.of("secrets", "controls")) {
      definition
          .entry(key)
          .ifPresent(
              e ->
                  warnings.add(
                      new ConversionWarning(
                          Nodes.join(path, key),
                          e.keyLine(),
                          e.keyColumn(),
                          key + " are not imported")));
    }
    ProviderReader.Reading reading = providers.read(definition, path);
    String id = unique(ChaosToolkitImporter.slug(name) + idSuffix);
    return switch (reading) {
      case ProviderReader.Attack a ->
          Optional.of(
              new AttackStep(id, frontier, a.attack(), target(a.target()), a.with(), null, null));
      case ProviderReader.Probe p ->
          Optional.of(
              new ProbeStep(
                  id,
                  frontier,
                  p.probe(),
                  p.target() == null ? null : target(p.target()),
                  p.with(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null));
      case ProviderReader.Undo u -> {
        warnings.add(
            Nodes.warning(
                definition,
                path,
                "'"
                    + name
                    + "' undoes a fault; Faultline rolls back its own attacks, so it is not imported"));
        yield Optional.empty();
      }
      case ProviderReader.Unknown u -> Optional.empty();
    };
  }

  private String unique(String base) {
    String id = StepId.unique(StepId.isValid(base) ? base : "step", ids);
    ids.add(id);
    return id;
  }

  /** The name of an equal target, or a new one named after its label value or object name. */
  private String target(Target target) {
    for (var entry : targets.entrySet()) {
      if (entry.getValue().equals(target)) {
        return entry.getKey();
      }
    }
    String base = baseName(target);
    String name = base;
    for (int n = 2; targets.containsKey(name); n++) {
      name = base + "-" + n;
    }
    targets.put(name, target);
    return name;
  }

  private static String baseName(Target target) {
    String base = selectionName(target);
    // Two clusters may hold the same selection: the context tells their targets apart.
    return target.context() == null
        ? base
        : base + "-" + ChaosToolkitImporter.slug(target.context());
  }

  private static String selectionName(Target target) {
    if (target.labelSelector() != null) {
      var m =
          java.util.regex.Pattern.compile("[^,=!]*=+([A-Za-z0-9._-]+)")
              .matcher(target.labelSelector());
      if (m.lookingAt()) {
        String slug = ChaosToolkitImporter.slug(m.group(1));
        if (!slug.isEmpty()) {
          return slug;
        }
      }
    }
    if (target.podName() != null) {
      String slug = ChaosToolkitImporter.slug(target.podName().replace("\\.", "."));
      if (!slug.isEmpty()) {
        return slug;
      }
    }
    return target.effectiveKind().keyword().toLowerCase(java.util.Locale.ROOT) + "s";
  }
}
