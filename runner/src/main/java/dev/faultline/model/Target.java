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
}
