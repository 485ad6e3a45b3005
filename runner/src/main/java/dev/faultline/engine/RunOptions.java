package dev.faultline.engine;

import dev.faultline.model.Notification;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run an experiment.
 *
 * @param runId unique id, written into faults, annotations and reports; see {@link #newRunId}
 * @param dryRun resolve targets, check permissions and run each probe once, but apply no fault
 * @param gates what a gate step does
 * @param rollbackDeadline how long rollback keeps retrying when the cluster cannot be reached
 *     before it leaves faults open in the journal for {@code faultline cleanup}
 * @param statusInterval how often applied faults are checked while an attack lasts
 * @param syncTimeout how long to wait for the cluster snapshot at the start
 * @param notifications sinks told about the run besides the experiment's own {@code
 *     spec.notifications} ({@code faultline run --notify-webhook}, the app's preferences)
 */
public record RunOptions(
    String runId,
    boolean dryRun,
    GatePolicy gates,
    Duration rollbackDeadline,
    Duration statusInterval,
    Duration syncTimeout,
    List<Notification> notifications) {

  public RunOptions {
    Objects.requireNonNull(runId, "runId");
    gates = gates == null ? GatePolicy.ASK : gates;
    rollbackDeadline = rollbackDeadline == null ? Duration.ofMinutes(2) : rollbackDeadline;
    statusInterval = statusInterval == null ? Duration.ofSeconds(1) : statusInterval;
    syncTimeout = syncTimeout == null ? Duration.ofSeconds(30) : syncTimeout;
    notifications = notifications == null ? List.of() : List.copyOf(notifications);
  }

  /** Options without extra notifications. */
  public RunOptions(
      String runId,
      boolean dryRun,
      GatePolicy gates,
      Duration rollbackDeadline,
      Duration statusInterval,
      Duration syncTimeout) {
    this(runId, dryRun, gates, rollbackDeadline, statusInterval, syncTimeout, null);
  }

  public static RunOptions defaults(String runId) {
    return new RunOptions(runId, false, GatePolicy.ASK, null, null, null);
  }

  public RunOptions withDryRun(boolean dry) {
    return new RunOptions(
        runId, dry, gates, rollbackDeadline, statusInterval, syncTimeout, notifications);
  }

  public RunOptions withGates(GatePolicy policy) {
    return new RunOptions(
        runId, dryRun, policy, rollbackDeadline, statusInterval, syncTimeout, notifications);
  }

  public RunOptions withRollbackDeadline(Duration deadline) {
    return new RunOptions(
        runId, dryRun, gates, deadline, statusInterval, syncTimeout, notifications);
  }

  /** A copy that also notifies these sinks. */
  public RunOptions withNotifications(List<Notification> extra) {
    return new RunOptions(
        runId, dryRun, gates, rollbackDeadline, statusInterval, syncTimeout, extra);
  }

  /**
   * {@code checkout-freeze-20261202-051500-a3f9}: readable, sortable, unique enough per machine.
   */
  public static String newRunId(String experimentName, java.time.Instant now) {
    String stamp =
        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(java.time.ZoneOffset.UTC)
            .format(now);
    String name = experimentName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    if (name.length() > 30) {
      name = name.substring(0, 30);
    }
    String suffix =
        Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000));
    return name + "-" + stamp + "-" + "0".repeat(4 - suffix.length()) + suffix;
  }

  /** What gate steps do. */
  public enum GatePolicy {
    /** Wait for {@link RunHandle#approve} or {@link RunHandle#reject} (app, interactive CLI). */
    ASK,
    /** Approve every gate at once ({@code --approve-gates}). */
    APPROVE,
    /** Nobody can answer (headless): apply the gate's {@code onTimeout} at once. */
    ON_TIMEOUT
  }
}
