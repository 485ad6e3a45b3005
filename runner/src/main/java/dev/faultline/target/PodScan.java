package dev.faultline.target;

import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.NamespacePolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One pass over the snapshot's pods: the ones a matcher accepts, split into permitted matches and
 * those the safety policy keeps out. Namespace decisions (selector and policy, possibly a regex)
 * are made once per namespace, not once per pod, and matches are collected per namespace, so
 * ordering them only sorts names within each namespace: sorting is most of the cost when a target
 * matches tens of thousands of pods.
 */
final class PodScan {
  private static final Comparator<PodView> BY_NAME = Comparator.comparing(PodView::name);

  /** What a namespace means to the target; {@code matches} is null unless it is permitted. */
  private record Scope(boolean selected, boolean permitted, List<PodView> matches) {}

  private static final Scope OUTSIDE = new Scope(false, false, null);
  private static final Scope DENIED = new Scope(true, false, null);

  final SortedSet<String> deniedNamespaces = new TreeSet<>();
  int denied;

  private final TargetMatcher matcher;
  private final NamespacePolicy safety;
  private final Map<String, Scope> scopes = new HashMap<>();

  private PodScan(TargetMatcher matcher, NamespacePolicy safety) {
    this.matcher = matcher;
    this.safety = safety;
  }

  /** Scans the pods. */
  static PodScan run(TargetMatcher matcher, NamespacePolicy safety, Collection<PodView> pods) {
    var scan = new PodScan(matcher, safety);
    for (PodView pod : pods) {
      scan.accept(pod);
    }
    return scan;
  }

  /** The permitted matches, sorted by namespace and then name. */
  List<PodView> matched() {
    var namespaces = new ArrayList<String>();
    int total = 0;
    for (Map.Entry<String, Scope> entry : scopes.entrySet()) {
      List<PodView> matches = entry.getValue().matches();
      if (matches != null && !matches.isEmpty()) {
        namespaces.add(entry.getKey());
        total += matches.size();
      }
    }
    namespaces.sort(null);
    var matched = new ArrayList<PodView>(total);
    for (String namespace : namespaces) {
      List<PodView> matches = scopes.get(namespace).matches();
      matches.sort(BY_NAME);
      matched.addAll(matches);
    }
    return matched;
  }

  private void accept(PodView pod) {
    Scope scope = scopes.get(pod.namespace());
    if (scope == null) {
      scope = scope(pod.namespace());
      scopes.put(pod.namespace(), scope);
    }
    if (!scope.selected() || !matcher.matchesIgnoringNamespace(pod)) {
      return;
    }
    if (scope.permitted()) {
      scope.matches().add(pod);
    } else {
      denied++;
      deniedNamespaces.add(pod.namespace());
    }
  }

  private Scope scope(String namespace) {
    if (!matcher.selectsNamespace(namespace)) {
      return OUTSIDE;
    }
    return safety.permits(namespace) ? new Scope(true, true, new ArrayList<>()) : DENIED;
  }
}
