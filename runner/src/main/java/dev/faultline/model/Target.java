package dev.faultline.model;

import java.util.List;

/**
 * A named selection of objects that attacks (and some probes) act on.
 *
 * @param kind what is selected; {@code null} in a file means {@link TargetKind#POD}
 * @param namespaces namespaces to look in (namespaced kinds must name at least one)
 * @param labelSelector Kubernetes label selector syntax ({@code app=checkout,tier in (web,api)})
 * @param podName regex that the whole object name must match ({@code null}: any name)
 * @param containers regexes; a container is hit when its name matches any of them (empty: all)
 * @param blastRadius how many of the matches are hit; {@code null} means all
 */
public record Target(
    TargetKind kind,
    List<String> namespaces,
    String labelSelector,
    String podName,
    List<String> containers,
    BlastRadius blastRadius,
    Extras extras) {

  public Target {
    namespaces = PlainData.strings(namespaces);
    containers = PlainData.strings(containers);
    extras = extras == null ? Extras.NONE : extras;
  }

  public static Target pods(String namespace, String labelSelector) {
    return new Target(null, List.of(namespace), labelSelector, null, List.of(), null, Extras.NONE);
  }

  public TargetKind effectiveKind() {
    return kind == null ? TargetKind.POD : kind;
  }

  public BlastRadius effectiveBlastRadius() {
    return blastRadius == null ? BlastRadius.ALL : blastRadius;
  }
}
