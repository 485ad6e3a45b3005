package dev.faultline.sandbox.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API groups the sandbox acts as if they were never installed (a cluster without Chaos Mesh):
 * discovery leaves them out and their paths answer 404, as kube-apiserver does for a group no CRD
 * defines. Thread-safe; empty by default.
 */
public final class AbsentGroups {
  private final Set<String> groups = ConcurrentHashMap.newKeySet();

  /** From now on, {@code group} is not served. */
  public void hide(String group) {
    groups.add(group);
  }

  /** Whether {@code group} is not served. */
  public boolean hides(String group) {
    return group != null && groups.contains(group);
  }
}
