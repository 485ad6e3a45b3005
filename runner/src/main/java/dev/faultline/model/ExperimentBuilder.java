package dev.faultline.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Builds an experiment in Java, "chaos as code": the same immutable records the file reader builds,
 * so an experiment written here equals the one read from the equivalent YAML file. Methods are
 * named after the fields they set in a file.
 *
 * <pre>{@code
 * Experiment experiment =
 *     Experiment.named("checkout-freeze")
 *         .allowNamespaces("shop")
 *         .target("checkout", Target.pods().namespaces("shop").labelSelector("app=checkout").percent(50))
 *         .attack("freeze", Attacks.PROCESS_SIGNAL, a -> a.target("checkout").with("signal", "SIGSTOP"))
 *         .probe("recovered", Probes.HTTP_CHECK, p -> p.after("freeze").untilPassing("2m")
 *             .with("url", "http://checkout.shop/health"))
 *         .build();
 * }</pre>
 *
 * <p>{@link #build()} validates like {@code faultline validate} and fails fast with every problem
 * and its field path, so a mistyped attack id or a dangling {@code after} never reaches a cluster.
 * Not thread-safe; build on one thread.
 */
public final class ExperimentBuilder {
  private final String name;
  private String description;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private String context;
  private List<String> allowNamespaces;
  private List<String> denyNamespaces;
  private TimeSpan maxDuration;
  private final Map<String, Target> targets = new LinkedHashMap<>();
  private final List<Step> steps = new ArrayList<>();
  private final List<ContinuousProbe> probes = new ArrayList<>();

  ExperimentBuilder(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** What the experiment tests, in a sentence or two ({@code metadata.description}). */
  public ExperimentBuilder description(String value) {
    description = value;
    return this;
  }

  /** Adds a label ({@code metadata.labels}), in order. */
  public ExperimentBuilder label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /**
   * The kubeconfig context the experiment is meant for ({@code spec.context}); a run uses it unless
   * told another.
   */
  public ExperimentBuilder context(String value) {
    context = value;
    return this;
  }

  /** The only namespaces the run may touch ({@code spec.safety.namespaces.allow}). */
  public ExperimentBuilder allowNamespaces(String... namespaces) {
    allowNamespaces = List.of(namespaces);
    return this;
  }

  /**
   * Namespaces the run must never touch ({@code spec.safety.namespaces.deny}). Replaces the default
   * list (kube-system, kube-public, kube-node-lease): name them again to keep them denied.
   */
  public ExperimentBuilder denyNamespaces(String... namespaces) {
    denyNamespaces = List.of(namespaces);
    return this;
  }

  /** The run is stopped and rolled back when it lasts longer: {@code "10m"}. */
  public ExperimentBuilder maxDuration(String value) {
    maxDuration = TimeSpan.of(value);
    return this;
  }

  /** Adds a named target that attacks and probes refer to by {@code name}. */
  public ExperimentBuilder target(String targetName, Target.Builder target) {
    return target(targetName, target.build());
  }

  /** Adds a named target that attacks and probes refer to by {@code name}. */
  public ExperimentBuilder target(String targetName, Target target) {
    targets.put(Objects.requireNonNull(targetName, "targetName"), target);
    return this;
  }

  /**
   * Adds an attack step.
   *
   * @param id the step id, unique in the experiment
   * @param attack the attack's descriptor id, such as {@link Attacks#POD_DELETE}
   * @param details sets the target, parameters, {@code after}, duration and {@code stopWhen}
   */
  public ExperimentBuilder attack(String id, String attack, Consumer<AttackStep.Builder> details) {
    var step = new AttackStep(id, null, attack, null, null, null, null).toBuilder();
    details.accept(step);
    return step(step.build());
  }

  /**
   * Adds a probe step: once, or repeated {@code untilPassing}/{@code untilFailing}.
   *
   * @param probe the probe's descriptor id, such as {@link Probes#HTTP_CHECK}
   * @param details sets the parameters, {@code after}, {@code until} and timings
   */
  public ExperimentBuilder probe(String id, String probe, Consumer<ProbeStep.Builder> details) {
    var step =
        new ProbeStep(id, null, probe, null, null, null, null, null, null, null, null).toBuilder();
    details.accept(step);
    return step(step.build());
  }

  /** Adds a step that pauses its branch for {@code duration} ({@code wait: 1m}). */
  public ExperimentBuilder waitFor(String id, String duration, String... after) {
    return step(new WaitStep(id, List.of(after), TimeSpan.of(duration), null));
  }

  /** Adds a gate that asks a person {@code question} and waits for the answer. */
  public ExperimentBuilder gate(String id, String question) {
    return gate(id, question, gate -> {});
  }

  /**
   * Adds a gate.
   *
   * @param details sets {@code after}, the timeout and what an unanswered gate does
   */
  public ExperimentBuilder gate(String id, String question, Consumer<GateStep.Builder> details) {
    var step = new GateStep(id, null, question, null, null, null).toBuilder();
    details.accept(step);
    return step(step.build());
  }

  /** Adds a step built elsewhere. */
  public ExperimentBuilder step(Step step) {
    steps.add(Objects.requireNonNull(step, "step"));
    return this;
  }

  /**
   * Adds a probe that runs alongside the steps ({@code spec.probes}), for charts, halt conditions
   * and {@code stopWhen}.
   *
   * @param details sets the parameters, interval, {@code haltAfter} and span
   */
  public ExperimentBuilder continuousProbe(
      String id, String probe, Consumer<ContinuousProbe.Builder> details) {
    var continuous =
        new ContinuousProbe(id, probe, null, null, null, null, null, null, null, null).toBuilder();
    details.accept(continuous);
    probes.add(continuous.build());
    return this;
  }

  /**
   * The experiment, checked like {@code faultline validate} checks a file.
   *
   * @throws InvalidExperimentException listing every error with its field path (such as {@code
   *     spec.steps[1].attack: unknown attack 'k8s.pod.delet'; did you mean 'k8s.pod.delete'?})
   */
  public Experiment build() {
    Experiment experiment = buildUnchecked();
    List<String> errors = new ArrayList<>();
    for (ExperimentCheck check : Checks.ALL) {
      errors.addAll(check.errors(experiment));
    }
    if (!errors.isEmpty()) {
      throw new InvalidExperimentException(name, errors);
    }
    return experiment;
  }

  /** The experiment as given, without validation: for tools that show problems themselves. */
  public Experiment buildUnchecked() {
    Safety safety = null;
    if (allowNamespaces != null || denyNamespaces != null || maxDuration != null) {
      NamespacePolicy namespaces =
          allowNamespaces == null && denyNamespaces == null
              ? null
              : new NamespacePolicy(allowNamespaces, denyNamespaces, null);
      safety = new Safety(namespaces, maxDuration, null);
    }
    return new Experiment(
        new Metadata(name, description, labels, null),
        new Spec(safety, context, targets, steps, probes, null),
        null,
        null);
  }

  /**
   * The checks {@link #build()} runs, found once with {@link ServiceLoader}: the validator provides
   * them, and the model does not depend on validation (ARCHITECTURE.md), only on this interface.
   */
  private static final class Checks {
    static final List<ExperimentCheck> ALL = load();

    private static List<ExperimentCheck> load() {
      List<ExperimentCheck> checks =
          ServiceLoader.load(ExperimentCheck.class, ExperimentCheck.class.getClassLoader()).stream()
              .map(ServiceLoader.Provider::get)
              .toList();
      if (checks.isEmpty()) {
        // Without the runner's validation on the class path build() would check nothing, silently.
        throw new IllegalStateException(
            "no "
                + ExperimentCheck.class.getName()
                + " found: put the Faultline runner jar (with its META-INF/services) on the class"
                + " path");
      }
      return checks;
    }
  }
}
