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
    Extras extras) {

  public Target {
    namespaces = PlainData.strings(namespaces);
    phases = phases == null ? List.of() : List.copyOf(phases);
    containers = PlainData.strings(containers);
    extras = extras == null ? Extras.NONE : extras;
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

  /** Changes fields of a copy; the record's constructor checks the result as usual. */
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

    public Builder nodeSelector(String value) {
      nodeSelector = value;
      return this;
    }

    public Builder owner(OwnerSelector value) {
      owner = value;
      return this;
    }

    public Builder podName(String value) {
      podName = value;
      return this;
    }

    public Builder containers(List<String> value) {
      containers = value;
      return this;
    }

    public Builder blastRadius(BlastRadius value) {
      blastRadius = value;
      return this;
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
          extras);
    }
  }
}
