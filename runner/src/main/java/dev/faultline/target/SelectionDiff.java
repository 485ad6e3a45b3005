package dev.faultline.target;

import dev.faultline.cluster.snapshot.PodView;
import java.util.List;

/**
 * How the selected pods changed between two resolutions of a target, e.g. the preview and the
 * re-resolution when the run starts. Pods are compared by {@code namespace/name}, so a StatefulSet
 * pod recreated under the same name counts as the same pod.
 *
 * @param added selected now, not before; sorted by namespace and name
 * @param removed selected before, not now; sorted by namespace and name
 */
public record SelectionDiff(List<PodView> added, List<PodView> removed) {
  public SelectionDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }

  /** Whether the same pods are selected. */
  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty();
  }
}
