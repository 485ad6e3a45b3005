package dev.faultline.target;

import dev.faultline.cluster.snapshot.PodView;
import java.util.List;

/**
 * A pod the attack would hit, with the containers it would hit in it.
 *
 * @param containers names of the pod's containers the target's {@code containers} regexes match
 *     (all of them when it gives none), in the pod's order; at least one whenever the pod has
 *     containers
 */
public record SelectedPod(PodView pod, List<String> containers) {
  public SelectedPod {
    containers = List.copyOf(containers);
  }
}
