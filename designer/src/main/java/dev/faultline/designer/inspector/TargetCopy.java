package dev.faultline.designer.inspector;

import dev.faultline.model.BlastRadius;
import dev.faultline.model.Target;
import java.util.List;

/** Copies of a target with one field changed, for the target editor's edits. */
final class TargetCopy {
  private TargetCopy() {}

  static Target withNamespaces(Target t, List<String> namespaces) {
    return new Target(
        t.kind(),
        namespaces,
        t.namespacePattern(),
        t.labelSelector(),
        t.annotationSelector(),
        t.fieldSelector(),
        t.phases(),
        t.nodeSelector(),
        t.owner(),
        t.podName(),
        t.containers(),
        t.blastRadius(),
        t.extras());
  }

  static Target withLabelSelector(Target t, String labelSelector) {
    return new Target(
        t.kind(),
        t.namespaces(),
        t.namespacePattern(),
        labelSelector,
        t.annotationSelector(),
        t.fieldSelector(),
        t.phases(),
        t.nodeSelector(),
        t.owner(),
        t.podName(),
        t.containers(),
        t.blastRadius(),
        t.extras());
  }

  static Target withPodName(Target t, String podName) {
    return new Target(
        t.kind(),
        t.namespaces(),
        t.namespacePattern(),
        t.labelSelector(),
        t.annotationSelector(),
        t.fieldSelector(),
        t.phases(),
        t.nodeSelector(),
        t.owner(),
        podName,
        t.containers(),
        t.blastRadius(),
        t.extras());
  }

  static Target withContainers(Target t, List<String> containers) {
    return new Target(
        t.kind(),
        t.namespaces(),
        t.namespacePattern(),
        t.labelSelector(),
        t.annotationSelector(),
        t.fieldSelector(),
        t.phases(),
        t.nodeSelector(),
        t.owner(),
        t.podName(),
        containers,
        t.blastRadius(),
        t.extras());
  }

  static Target withBlastRadius(Target t, BlastRadius blastRadius) {
    return new Target(
        t.kind(),
        t.namespaces(),
        t.namespacePattern(),
        t.labelSelector(),
        t.annotationSelector(),
        t.fieldSelector(),
        t.phases(),
        t.nodeSelector(),
        t.owner(),
        t.podName(),
        t.containers(),
        blastRadius,
        t.extras());
  }
}
