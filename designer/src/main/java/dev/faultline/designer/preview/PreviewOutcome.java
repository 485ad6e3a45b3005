package dev.faultline.designer.preview;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.SnapshotState;
import dev.faultline.target.TargetResolution;
import java.util.Map;

/**
 * One background computation's result, handed to the FX thread whole: every planned target resolved
 * against one snapshot state.
 *
 * @param plan what was resolved; an outcome for an older plan is dropped
 * @param snapshot what it was resolved against; an outcome for another snapshot is dropped
 * @param version the snapshot's version read before resolving (the resolutions may be newer)
 * @param state the snapshot's state read before resolving; targets are not resolved while syncing
 * @param byTarget each target's resolution or error, by target name; a target whose cluster is not
 *     open or still syncing has none
 * @param others the other contexts' snapshots it was resolved against; an outcome for others is
 *     dropped
 */
record PreviewOutcome(
    PreviewPlan plan,
    ClusterSnapshot snapshot,
    long version,
    SnapshotState state,
    Map<String, Resolved> byTarget,
    Map<String, ClusterSnapshot> others) {

  /** A target's resolution, or why there is none ({@code error}, for the status line). */
  record Resolved(TargetResolution resolution, String error) {}
}
