package dev.faultline.attack;

import dev.faultline.model.Target;
import dev.faultline.target.SelectedPod;
import java.util.List;
import java.util.TreeSet;

/**
 * The namespaces a step's permissions are checked in: those the target names and those its selected
 * pods live in, that the experiment's namespace policy permits. A target that also picks namespaces
 * by pattern, without a resolution to say which, needs the permission in all of them ({@code ""}).
 */
public final class TargetNamespaces {
  private TargetNamespaces() {}

  /** The namespaces, sorted; {@code ""} stands for all of them. */
  public static List<String> of(AttackRequest request) {
    var namespaces = new TreeSet<String>();
    Target target = request.target();
    if (target != null) {
      target.namespaces().stream().filter(request.namespaces()::permits).forEach(namespaces::add);
    }
    if (request.pods() != null) {
      for (SelectedPod selected : request.pods().selected()) {
        namespaces.add(selected.pod().namespace());
      }
    } else if (target != null && target.namespacePattern() != null) {
      namespaces.add("");
    }
    return namespaces.isEmpty() ? List.of("") : List.copyOf(namespaces);
  }
}
