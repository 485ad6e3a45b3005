package dev.faultline.model;

import java.util.List;

/**
 * A named selection of objects that attacks (and some probes) act on. For Pod targets every given
 * selector must hold; {@code dev.faultline.target.TargetResolver} applies them to a cluster.
 *
 * @param kind what is selected; {@code null} in a file means {@link TargetKind#POD}
 * @param namespaces exact namespace names to look in
 * @param namespacePattern regex that a whole namespace name must match, to look in namespaces not
 *     listed in {@code namespaces} as well ({@code null}: none); namespaced kinds need one of the
 *     two
 * @param labelSelector Kubernetes label selector syntax ({@code app=checkout,tier in (web,api)})
 * @param annotationSelector label selector syntax applied to the annotations
 * @param fieldSelector Kubernetes field selector over {@link FieldSelector#FIELDS}
 * @param phases pod phases to select; empty means {@link PodPhase#DEFAULT} (Running only)
 * @param nodeSelector label selector over the labels of the node a pod runs on
 * @param owner the workload the pods belong to ({@code null}: any, including bare pods)
 * @param podName regex that the whole object name must match ({@code null}: any name)
 * @param containers regexes; a container is hit when its name matches any of them (empty: all)
 * @param blastRadius how many of the matches are hit; {@code null} means all
 * @param context the kubeconfig context whose cluster the target lives in, so one experiment can
 *     freeze a service in one cluster and watch it from another; {@code null}: the run's context
 */
public record Target(
    TargetKind kind,
    List<String> namespaces,
    String namespacePattern,
    String labelSelector,
    String annotationSelector,
    String fieldSelector,
    List<PodPhase> phases,
    String nodeSelector,
    OwnerSelector owner,
    String podName,
    List<String> containers,
    BlastRadius blastRadius,
    Extras extras,
    String context) {

  private static final Target EMPTY =
      new Target(
          null, null, null, null, null, null, null, null, null, null, null, null, Extras.NONE);

  public Target {
    namespaces = PlainData.strings(namespaces);
    phases = phases == null ? List.of() : List.copyOf(phases);
    containers = PlainData.strings(containers);
    extras = extras == null ? Extras.NONE : extras;
    context = context == null || context.isBlank() ? null : context;
  }

  /** A target in the run's own context (no {@code context} field). */
  public Target(
      TargetKind kind,
      List<String> namespaces,
      String namespacePattern,
      String labelSelector,
      String annotationSelector,
      String fieldSelector,
      List<PodPhase> phases,
      String nodeSelector,
      OwnerSelector owner,
      String podName,
      List<String> containers,
      BlastRadius blastRadius,
      Extras extras) {
    this(
        kind,
        namespaces,
        namespacePattern,
        labelSelector,
        annotationSelector,
        fieldSelector,
        phases,
        nodeSelector,
        owner,
        podName,
        containers,
        blastRadius,
        extras,
        null);
  }

  /** This target with its cluster named by kubeconfig context ({@code null}: the run's). */
  public Target withContext(String value) {
    return toBuilder().context(value).build();
  }

  public static Target pods(String namespace, String labelSelector) {
    return new Target(
        null,
        List.of(namespace),
        null,
        labelSelector,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        List.of(),
        null,
        Extras.NONE);
  }

  /**
   * Starts a fluent Pod target for {@code Experiment.named(...).target(name, ...)}. The kind stays
   * unset (Pod is the default), as in a file that writes no {@code kind}.
   */
  public static Builder pods() {
    return new Builder(EMPTY);
  }

  /** Starts a fluent target of the given kind ({@code kind: Deployment} in a file). */
  public static Builder of(TargetKind kind) {
    return new Builder(EMPTY).kind(kind);
  }

  /** Starts a fluent Deployment target. */
  public static Builder deployments() {
    return of(TargetKind.DEPLOYMENT);
  }

  /** Starts a fluent StatefulSet target. */
  public static Builder statefulSets() {
    return of(TargetKind.STATEFUL_SET);
  }

  /** Starts a fluent Node target. */
  public static Builder nodes() {
    return of(TargetKind.NODE);
  }

  public TargetKind effectiveKind() {
    return kind == null ? TargetKind.POD : kind;
  }

  public BlastRadius effectiveBlastRadius() {
    return blastRadius == null ? BlastRadius.ALL : blastRadius;
  }

  /** The phases selected: the given ones, or Running only when none are given. */
  public List<PodPhase> effectivePhases() {
    return phases.isEmpty() ? PodPhase.DEFAULT : phases;
  }

  /** A copy to change a few fields of: {@code target.toBuilder().podName(regex).build()}. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Changes fields of a copy, or builds a target fluently from {@link #pods()} and friends. Each
   * method is named after the field it sets in a file; the record's constructor checks the result
   * as usual, and {@code ExperimentBuilder.build()} validates it with the rest of the experiment.
   */
  public static final class Builder {
    private TargetKind kind;
    private List<String> namespaces;
    private String namespacePattern;
    private String labelSelector;
    private String annotationSelector;
    private String fieldSelector;
    private List<PodPhase> phases;
    private String nodeSelector;
    private OwnerSelector owner;
    private String podName;
    private List<String> containers;
    private BlastRadius blastRadius;
    private Extras extras;
    private String context;

    private Builder(Target from) {
      kind = from.kind();
      namespaces = from.namespaces();
      namespacePattern = from.namespacePattern();
      labelSelector = from.labelSelector();
      annotationSelector = from.annotationSelector();
      fieldSelector = from.fieldSelector();
      phases = from.phases();
      nodeSelector = from.nodeSelector();
      owner = from.owner();
      podName = from.podName();
      containers = from.containers();
      blastRadius = from.blastRadius();
      extras = from.extras();
      context = from.context();
    }

    /**
     * The kubeconfig context of the cluster the target lives in ({@code context: prod-eu}); {@code
     * null}: the run's own.
     */
    public Builder context(String value) {
      context = value;
      return this;
    }

    public Builder kind(TargetKind value) {
      kind = value;
      return this;
    }

    public Builder namespaces(List<String> value) {
      namespaces = value;
      return this;
    }

    public Builder namespacePattern(String value) {
      namespacePattern = value;
      return this;
    }

    public Builder labelSelector(String value) {
      labelSelector = value;
      return this;
    }

    /** Exact namespace names to look in ({@code namespaces: [shop]}). */
    public Builder namespaces(String... value) {
      return namespaces(List.of(value));
    }

    public Builder annotationSelector(String value) {
      annotationSelector = value;
      return this;
    }

    public Builder fieldSelector(String value) {
      fieldSelector = value;
      return this;
    }

    public Builder phases(List<PodPhase> value) {
      phases = value;
      return this;
    }

    /** Pod phases to select ({@code phases: [Running, Pending]}); none given: Running only. */
    public Builder phases(PodPhase... value) {
      return phases(List.of(value));
    }

    public Builder nodeSelector(String value) {
      nodeSelector = value;
      return this;
    }

    public Builder owner(OwnerSelector value) {
      owner = value;
      return this;
    }

    /**
     * The workload the pods belong to ({@code owner: {kind: Deployment, name: checkout}}).
     *
     * @param name regex the whole workload name must match; {@code null}: any of the kind
     */
    public Builder owner(OwnerKind ownerKind, String name) {
      return owner(OwnerSelector.of(ownerKind, name));
    }

    public Builder podName(String value) {
      podName = value;
      return this;
    }

    public Builder containers(List<String> value) {
      containers = value;
      return this;
    }

    /** Container name regexes; a container is hit when any matches ({@code containers: [app]}). */
    public Builder containers(String... value) {
      return containers(List.of(value));
    }

    public Builder blastRadius(BlastRadius value) {
      blastRadius = value;
      return this;
    }

    /** Hits every match, said explicitly ({@code blastRadius: {mode: all}}). */
    public Builder all() {
      return blastRadius(BlastRadius.of(BlastRadius.Mode.ALL, null));
    }

    /** Hits one match chosen at random ({@code blastRadius: {mode: one}}). */
    public Builder one() {
      return blastRadius(BlastRadius.of(BlastRadius.Mode.ONE, null));
    }

    /** Hits exactly {@code count} matches, fewer if fewer match. */
    public Builder count(int count) {
      return blastRadius(BlastRadius.of(BlastRadius.Mode.COUNT, count));
    }

    /** Hits {@code percent}% of the matches, rounded up so at least one is hit. */
    public Builder percent(int percent) {
      return blastRadius(BlastRadius.of(BlastRadius.Mode.PERCENT, percent));
    }

    /** Hits a random number of matches, at least one, at most {@code percent}% rounded down. */
    public Builder maxPercent(int percent) {
      return blastRadius(BlastRadius.of(BlastRadius.Mode.MAX_PERCENT, percent));
    }

    /**
     * Fixes the random choices of the blast radius set before, so runs hit the same objects.
     *
     * @throws IllegalStateException when no blast radius was set before
     */
    public Builder seed(long seed) {
      if (blastRadius == null) {
        throw new IllegalStateException(
            "seed("
                + seed
                + ") needs a blast radius first: one(), count(n), percent(n) or"
                + " maxPercent(n)");
      }
      return blastRadius(
          new BlastRadius(
              blastRadius.mode(),
              blastRadius.value(),
              seed,
              blastRadius.extras(),
              blastRadius.topology()));
    }

    /**
     * Hits only pods on the zones and nodes {@code topology} chooses ({@code blastRadius: {mode:
     * all, topology: {zones: 2, nodesPerZone: 1}}}); the blast radius set before (all when none)
     * applies to the pods on them.
     */
    public Builder topology(Topology value) {
      BlastRadius radius = blastRadius == null ? BlastRadius.ALL : blastRadius;
      return blastRadius(radius.withTopology(value));
    }

    public Builder extras(Extras value) {
      extras = value;
      return this;
    }

    public Target build() {
      return new Target(
          kind,
          namespaces,
          namespacePattern,
          labelSelector,
          annotationSelector,
          fieldSelector,
          phases,
          nodeSelector,
          owner,
          podName,
          containers,
          blastRadius,
          extras,
          context);
    }
  }
}
