package dev.faultline.target;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Resolves a Pod target against a cluster snapshot: which pods it matches, which of them the blast
 * radius selects, which containers in them are hit, and what to warn about.
 *
 * <ol>
 *   <li>Matching: a pod matches when it passes every selector of the target ({@link
 *       TargetMatcher}). Matches in namespaces the safety policy does not permit are left out and
 *       counted in a {@link TargetWarning.Type#DENIED_NAMESPACE} warning.
 *   <li>Selection: terminating pods are never selected; among the other matches the blast radius
 *       picks by a seeded ranking ({@link BlastRadiusSampler}), so the same pods and seed always
 *       give the same selection. A blast radius with a topology first chooses zones and nodes among
 *       the nodes hosting those pods ({@link TopologyChoice}); the mode then picks among the pods
 *       on the chosen nodes.
 * </ol>
 *
 * <p>Stateless and thread-safe. A typical target resolves over 30,000 pods in a couple of
 * milliseconds, so a UI may call it (off the FX thread) on every snapshot version; a target that
 * matches nearly all of them takes several times longer, mostly to order and count the matches.
 */
public final class TargetResolver {
  private TargetResolver() {}

  /**
   * Resolves a target.
   *
   * @param safety the experiment's namespace policy ({@code spec.safety.namespaces}, effective)
   * @param seed the blast radius's seed when the target does not fix one; a preview keeps one seed
   *     so its choice does not flicker, and a run reuses the preview's to hit what was shown
   * @throws InvalidTargetException if a selector, regex or blast radius of the target is invalid
   */
  public static TargetResolution resolve(
      Target target, ClusterSnapshot snapshot, NamespacePolicy safety, long seed) {
    BlastRadius radius = target.effectiveBlastRadius();
    long effectiveSeed = radius.seed() != null ? radius.seed() : seed;
    BlastRadiusSampler.count(radius, 0, effectiveSeed); // rejects a bad radius before any work
    if (target.effectiveKind() != TargetKind.POD) {
      return unsupported(target.effectiveKind(), snapshot.version(), effectiveSeed);
    }
    // One consistent view: a live snapshot applies no change while it is read.
    return snapshot.read(
        s -> {
          TargetMatcher matcher = TargetMatcher.compile(target, s.nodes());
          PodScan scan = PodScan.run(matcher, safety, matcher.candidates(s));
          return finish(
              matcher,
              radius,
              effectiveSeed,
              s,
              scan.matched(),
              scan.denied,
              scan.deniedNamespaces,
              tally(s));
        });
  }

  /** Replicas from the snapshot's index when it keeps one, else by a pass over all pods. */
  static WorkloadTally tally(ClusterSnapshot snapshot) {
    return snapshot
        .index()
        .<WorkloadTally>map(
            index ->
                (matched, isSelected) ->
                    Tallies.workloads(matched, isSelected, index::liveReplicas))
        .orElse((matched, isSelected) -> Tallies.workloads(matched, isSelected, snapshot.pods()));
  }

  /** Counts per workload of the matched pods, given which of them are selected. */
  @FunctionalInterface
  interface WorkloadTally {
    List<WorkloadCount> count(List<PodView> matched, boolean[] selected);
  }

  /**
   * Everything after matching, shared with {@link LivePreview}: sampling, containers, counts and
   * warnings.
   *
   * @param matched the permitted matches sorted by namespace and name
   */
  static TargetResolution finish(
      TargetMatcher matcher,
      BlastRadius radius,
      long effectiveSeed,
      ClusterSnapshot snapshot,
      List<PodView> matched,
      int denied,
      Collection<String> deniedNamespaces,
      WorkloadTally tally) {
    // Candidates are the matches that are not terminating; positions map back into matched.
    var eligible = new ArrayList<PodView>(matched.size());
    int[] positions = new int[matched.size()];
    for (int i = 0; i < matched.size(); i++) {
      if (!matched.get(i).terminating()) {
        positions[eligible.size()] = i;
        eligible.add(matched.get(i));
      }
    }
    // A topology first narrows the candidates to the pods on the nodes it chooses.
    TopologyGroups topology = null;
    List<PodView> candidates = eligible;
    int[] candidatePositions = positions;
    if (radius.topology() != null) {
      topology = new TopologyGroups(radius.topology(), eligible, snapshot.nodes(), effectiveSeed);
      candidates = new ArrayList<>();
      candidatePositions = new int[eligible.size()];
      for (int i = 0; i < eligible.size(); i++) {
        if (topology.candidate(eligible.get(i))) {
          candidatePositions[candidates.size()] = positions[i];
          candidates.add(eligible.get(i));
        }
      }
    }
    int count = BlastRadiusSampler.count(radius, candidates.size(), effectiveSeed);
    int[] chosen = BlastRadiusSampler.chooseIndices(candidates, count, effectiveSeed);
    boolean[] isSelected = new boolean[matched.size()];
    var selected = new ArrayList<SelectedPod>(chosen.length);
    var selectedPods = new ArrayList<PodView>(chosen.length);
    for (int index : chosen) {
      PodView pod = candidates.get(index);
      isSelected[candidatePositions[index]] = true;
      selected.add(new SelectedPod(pod, matcher.containers(pod)));
      selectedPods.add(pod);
    }
    List<WorkloadCount> workloads = tally.count(matched, isSelected);

    var warnings = new Warnings();
    warnings.noMatch(matched.size(), eligible.size());
    warnings.roundsToZero(radius, candidates.size(), count);
    warnings.wholeWorkloads(workloads);
    warnings.budgets(BudgetCheck.violations(selectedPods, snapshot));
    warnings.denied(denied, deniedNamespaces);
    warnings.notReady(selectedPods);
    warnings.terminating(matched.size() - eligible.size());
    List<NodeCount> nodes = Tallies.nodes(matched, isSelected);
    List<ZoneGroup> zones = List.of();
    if (topology != null) {
      topology.warn(warnings);
      zones = topology.groups(nodes);
    }
    return new TargetResolution(
        snapshot.version(),
        effectiveSeed,
        matched,
        selected,
        workloads,
        nodes,
        warnings.list(),
        zones);
  }

  private static TargetResolution unsupported(TargetKind kind, long version, long seed) {
    var warnings = new Warnings();
    warnings.add(
        TargetWarning.Type.UNSUPPORTED_KIND,
        kind.keyword()
            + " targets are not previewed as pods; their attack resolves them when it runs");
    return new TargetResolution(
        version, seed, List.of(), List.of(), List.of(), List.of(), warnings.list());
  }
}
