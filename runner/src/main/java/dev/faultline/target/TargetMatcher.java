package dev.faultline.target;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.ContainerView;
import dev.faultline.cluster.snapshot.NodeView;
import dev.faultline.cluster.snapshot.PodIndex;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.FieldSelector;
import dev.faultline.model.LabelSelector;
import dev.faultline.model.OwnerKind;
import dev.faultline.model.PodPhase;
import dev.faultline.model.Target;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * A Pod target's selectors, compiled once: regexes, label, annotation, field and node selectors.
 * Testing a pod allocates nothing, so a resolver can run it over tens of thousands of pods per
 * frame. Blast radius and safety are not its business ({@link BlastRadiusSampler}, {@link
 * TargetResolver}).
 *
 * <p>Not thread-safe: it reuses one {@link Matcher} per regex instead of allocating one per pod,
 * and remembers regex answers for names that repeat (namespaces, workloads, containers). Compile
 * one per resolution or thread (compiling costs microseconds).
 */
public final class TargetMatcher implements Predicate<PodView> {
  private final Set<String> namespaces;
  private final NameFilter namespacePattern;
  private final String[] phases;
  private final LabelSelector labels;
  private final LabelSelector annotations;
  private final FieldSelector.Term[] fieldTerms;
  private final PodField[] termFields;
  private final Set<String> selectedNodes;
  private final OwnerKind ownerKind;
  private final NameFilter ownerName;
  private final Matcher podName;
  private final NameFilter containers;

  private TargetMatcher(Target target, Collection<NodeView> nodes) {
    namespaces = Set.copyOf(target.namespaces());
    namespacePattern = filter("namespacePattern", target.namespacePattern());
    phases = target.effectivePhases().stream().map(PodPhase::keyword).toArray(String[]::new);
    labels = labelSelector("labelSelector", target.labelSelector());
    annotations = labelSelector("annotationSelector", target.annotationSelector());
    List<FieldSelector.Term> terms = fieldSelector(target.fieldSelector());
    fieldTerms = terms.toArray(FieldSelector.Term[]::new);
    termFields = terms.stream().map(t -> PodField.of(t.field())).toArray(PodField[]::new);
    selectedNodes = selectedNodes(labelSelector("nodeSelector", target.nodeSelector()), nodes);
    if (target.owner() != null && target.owner().kind() == null) {
      throw new InvalidTargetException("owner", "needs a kind", null);
    }
    ownerKind = target.owner() == null ? null : target.owner().kind();
    ownerName = target.owner() == null ? null : filter("owner.name", target.owner().name());
    podName = target.podName() == null ? null : NameFilter.compile("podName", target.podName());
    containers =
        target.containers().isEmpty() ? null : NameFilter.anyOf("containers", target.containers());
  }

  /**
   * Compiles a target's pod selectors. The target's kind is not checked: every selector is read as
   * a pod selector.
   *
   * @param nodes the cluster's nodes, for the node selector (which pods' nodes it accepts)
   * @throws InvalidTargetException if a regex or selector in the target is invalid
   */
  public static TargetMatcher compile(Target target, Collection<NodeView> nodes) {
    return new TargetMatcher(target, nodes);
  }

  /**
   * The pods that can match, as few as an index allows: those carrying the label of the label
   * selector's most selective {@code key=value} or {@code key in (...)} requirement, else all.
   * Sorted by namespace and name when taken from the index.
   */
  Collection<PodView> candidates(ClusterSnapshot snapshot) {
    Optional<PodIndex> index = snapshot.index();
    if (labels == null || index.isEmpty()) {
      return snapshot.pods();
    }
    List<PodView> fewest = null;
    for (LabelSelector.Requirement r : labels.requirements()) {
      if (r.operator() == LabelSelector.Operator.EQUALS
          || r.operator() == LabelSelector.Operator.IN) {
        List<PodView> pods = index.get().labelled(r.key(), r.values());
        if (fewest == null || pods.size() < fewest.size()) {
          fewest = pods;
        }
      }
    }
    return fewest == null ? snapshot.pods() : fewest;
  }

  /** The names of the nodes the node selector accepts; null without a node selector. */
  Set<String> selectedNodes() {
    return selectedNodes;
  }

  /**
   * Whether the target looks in this namespace ({@code namespaces} or {@code namespacePattern}).
   */
  public boolean selectsNamespace(String namespace) {
    return namespaces.contains(namespace)
        || (namespacePattern != null && namespacePattern.matches(namespace));
  }

  /** Whether a pod passes every selector. */
  @Override
  public boolean test(PodView pod) {
    return selectsNamespace(pod.namespace()) && matchesIgnoringNamespace(pod);
  }

  /**
   * Whether a pod passes every selector except the namespace ones, for callers that decide
   * namespaces once per namespace rather than once per pod.
   */
  public boolean matchesIgnoringNamespace(PodView pod) {
    // Cheapest and most selective checks first; regexes last.
    return phaseMatches(pod.phase())
        && (labels == null || labels.matches(orEmpty(pod.labels())))
        && fieldsMatch(pod)
        && (selectedNodes == null || selectedNodes.contains(pod.node()))
        && ownerMatches(pod)
        && (annotations == null || annotations.matches(orEmpty(pod.annotations())))
        && (podName == null || podName.reset(pod.name()).matches())
        && hasMatchingContainer(pod);
  }

  /**
   * The names of the pod's containers that the target hits, in the pod's order: those matching any
   * {@code containers} regex, or all of them when the target gives none.
   */
  public List<String> containers(PodView pod) {
    List<ContainerView> all = pod.containers();
    String[] names = new String[all.size()];
    int hit = 0;
    for (int i = 0; i < names.length; i++) {
      String name = all.get(i).name();
      if (containers == null || containers.matches(name)) {
        names[hit++] = name;
      }
    }
    return List.of(hit == names.length ? names : Arrays.copyOf(names, hit));
  }

  private boolean phaseMatches(String phase) {
    for (String allowed : phases) {
      if (allowed.equals(phase)) {
        return true;
      }
    }
    return false;
  }

  private boolean fieldsMatch(PodView pod) {
    for (int i = 0; i < fieldTerms.length; i++) {
      if (!fieldTerms[i].matches(orEmpty(termFields[i].of(pod)))) {
        return false;
      }
    }
    return true;
  }

  // Deployment means the workload behind the ReplicaSet; every other kind is the direct owner, so
  // ReplicaSet selects ReplicaSets whether or not a Deployment made them.
  private boolean ownerMatches(PodView pod) {
    if (ownerKind == null) {
      return true;
    }
    boolean viaWorkload = ownerKind == OwnerKind.DEPLOYMENT;
    String kind = viaWorkload ? pod.workloadKind() : pod.ownerKind();
    String name = viaWorkload ? pod.workloadName() : pod.ownerName();
    return ownerKind.keyword().equals(kind)
        && (ownerName == null || ownerName.matches(orEmpty(name)));
  }

  private boolean hasMatchingContainer(PodView pod) {
    if (containers == null) {
      return true;
    }
    List<ContainerView> all = pod.containers();
    for (int i = 0; i < all.size(); i++) {
      if (containers.matches(all.get(i).name())) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> selectedNodes(LabelSelector selector, Collection<NodeView> nodes) {
    if (selector == null) {
      return null;
    }
    var names = new HashSet<String>();
    for (NodeView node : nodes) {
      if (selector.matches(orEmpty(node.labels()))) {
        names.add(node.name());
      }
    }
    return names;
  }

  private static NameFilter filter(String field, String regex) {
    return regex == null ? null : NameFilter.of(field, regex);
  }

  private static LabelSelector labelSelector(String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      LabelSelector selector = LabelSelector.parse(text);
      return selector.isEmpty() ? null : selector;
    } catch (IllegalArgumentException e) {
      throw new InvalidTargetException(field, e.getMessage(), e);
    }
  }

  private static List<FieldSelector.Term> fieldSelector(String text) {
    try {
      return text == null ? List.of() : FieldSelector.parse(text).terms();
    } catch (IllegalArgumentException e) {
      throw new InvalidTargetException("fieldSelector", e.getMessage(), e);
    }
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
