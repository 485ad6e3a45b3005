package dev.faultline.cluster.snapshot;

import java.time.Instant;

/**
 * Whether the snapshot can be trusted, for the UI's status: syncing its first list, live, or stale
 * since a watch failed (while it relists or reconnects).
 *
 * @param since when the state began
 * @param message why it is stale, for the status bar; empty otherwise
 */
public record SnapshotState(Phase phase, Instant since, String message) {
  /** The phases of a snapshot's life. */
  public enum Phase {
    SYNCING,
    LIVE,
    STALE
  }
}
