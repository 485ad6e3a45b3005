package dev.faultline.designer.inspector;

import dev.faultline.model.BlastRadius;
import dev.faultline.model.Target;
import java.util.List;

/** Copies of a target with one field changed, for the target editor's edits. */
final class TargetCopy {
  private TargetCopy() {}

  static Target withNamespaces(Target t, List<String> namespaces) {
    return t.toBuilder().namespaces(namespaces).build();
  }

  static Target withLabelSelector(Target t, String labelSelector) {
    return t.toBuilder().labelSelector(labelSelector).build();
  }

  static Target withPodName(Target t, String podName) {
    return t.toBuilder().podName(podName).build();
  }

  static Target withContainers(Target t, List<String> containers) {
    return t.toBuilder().containers(containers).build();
  }

  static Target withBlastRadius(Target t, BlastRadius blastRadius) {
    return t.toBuilder().blastRadius(blastRadius).build();
  }
}
