package dev.faultline.target;

import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which namespaces a cluster snapshot must hold to resolve some targets: the namespaces they list,
 * or all (an empty set) as soon as one of them uses a pattern, names none, or is not a Pod target.
 * The preview and the run ask the same question, so they watch the same pods.
 */
public final class SnapshotScope {
  private SnapshotScope() {}

  public static Set<String> namespaces(Collection<Target> targets) {
    var namespaces = new LinkedHashSet<String>();
    for (Target t : targets) {
      if (t.effectiveKind() != TargetKind.POD
          || t.namespacePattern() != null
          || t.namespaces().isEmpty()) {
        return Set.of();
      }
      namespaces.addAll(t.namespaces());
    }
    return namespaces;
  }
}
