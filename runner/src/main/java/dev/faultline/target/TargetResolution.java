package dev.faultline.target;

import dev.faultline.cluster.snapshot.PodView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a target selects in one snapshot: the preview's content, and what the run hits.
 *
 * @param snapshotVersion the {@link dev.faultline.cluster.snapshot.ClusterSnapshot#version()}
 *     resolved against, so a UI recomputes only when it moves
 * @param seed the seed the blast radius used: the target's own, else the caller's
 * @param matched every pod passing all selectors in a permitted namespace, terminating ones
 *     included; sorted by namespace and name
 * @param selected the pods the blast radius picks among the matched pods that are not terminating,
 *     with their containers; sorted by namespace and name
 * @param workloads matched and selected counts per workload, sorted by namespace, kind and name
 * @param nodes matched and selected counts per node, sorted by node name
 * @param warnings in the order of {@link TargetWarning.Type}, at most one of each type
 * @param zones for a blast radius with a topology, the matches grouped by zone and node (chosen
 *     zones first, the unknown zone last); empty otherwise
 */
public record TargetResolution(
    long snapshotVersion,
    long seed,
    List<PodView> matched,
    List<SelectedPod> selected,
    List<WorkloadCount> workloads,
    List<NodeCount> nodes,
    List<TargetWarning> warnings,
    List<ZoneGroup> zones) {

  public TargetResolution {
    zones = zones == null ? List.of() : List.copyOf(zones);
    matched = List.copyOf(matched);
    selected = List.copyOf(selected);
    workloads = List.copyOf(workloads);
    nodes = List.copyOf(nodes);
    warnings = List.copyOf(warnings);
  }

  /** A resolution without zone grouping. */
  public TargetResolution(
      long snapshotVersion,
      long seed,
      List<PodView> matched,
      List<SelectedPod> selected,
      List<WorkloadCount> workloads,
      List<NodeCount> nodes,
      List<TargetWarning> warnings) {
    this(snapshotVersion, seed, matched, selected, workloads, nodes, warnings, List.of());
  }

  /** The selected pods without their containers. */
  public List<PodView> selectedPods() {
    return selected.stream().map(SelectedPod::pod).toList();
  }

  /** Whether a warning of this type was given. */
  public boolean has(TargetWarning.Type type) {
    return warnings.stream().anyMatch(w -> w.type() == type);
  }

  /**
   * How the selection changed from this resolution to a later one: {@code
   * preview.diff(atStart).added()} are pods the run hits that the preview did not show.
   */
  public SelectionDiff diff(TargetResolution later) {
    return new SelectionDiff(missingFrom(this, later), missingFrom(later, this));
  }

  /** Pods selected in {@code in} but not in {@code from}, by namespace/name. */
  private static List<PodView> missingFrom(TargetResolution from, TargetResolution in) {
    Set<String> known = new HashSet<>();
    from.selected.forEach(s -> known.add(s.pod().key()));
    var missing = new ArrayList<PodView>();
    for (SelectedPod s : in.selected) {
      if (!known.contains(s.pod().key())) {
        missing.add(s.pod());
      }
    }
    return missing;
  }
}
