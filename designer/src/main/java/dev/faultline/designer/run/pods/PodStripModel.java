package dev.faultline.designer.run.pods;

import dev.faultline.engine.RunEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pod strip's state without the toolkit: a row per pod an attack targeted (from {@link
 * RunEvent.TargetsResolved}), plus rows for replacement pods that appear in the same workloads,
 * each with its state over run time.
 */
public final class PodStripModel {

  private final Map<String, PodRow> rows = new LinkedHashMap<>();
  private final Set<String> workloads = new LinkedHashSet<>();
  private long lastSample = -1;

  /** Adds rows for the pods the batch's attacks targeted; returns whether rows were added. */
  public boolean accept(List<? extends RunEvent> batch) {
    boolean added = false;
    for (RunEvent event : batch) {
      if (event instanceof RunEvent.TargetsResolved resolved) {
        for (String key : resolved.selected()) {
          if (key.contains("/") && !rows.containsKey(key)) {
            rows.put(key, new PodRow(key, false));
            added = true;
          }
        }
      }
    }
    return added;
  }

  /**
   * Folds in a sample taken at run time {@code t}: tracked pods missing from {@code seen} are gone;
   * new pods of a tracked workload become rows. Returns whether anything changed visibly.
   */
  public boolean observe(long t, Map<String, PodObservation> seen) {
    boolean changed = false;
    for (PodRow row : rows.values()) {
      PodObservation observation = seen.get(row.key());
      if (observation != null && !observation.workload().isEmpty() && !row.replacement()) {
        workloads.add(observation.workload());
      }
      changed |= row.observe(t, observation);
    }
    for (PodObservation observation : seen.values()) {
      if (!rows.containsKey(observation.key()) && workloads.contains(observation.workload())) {
        PodRow row = new PodRow(observation.key(), true);
        row.observe(t, observation);
        rows.put(observation.key(), row);
        changed = true;
      }
    }
    lastSample = Math.max(lastSample, t);
    return changed || !rows.isEmpty();
  }

  /** Rows in order of appearance: targeted pods first as resolved, replacements as they came. */
  public List<PodRow> rows() {
    return new ArrayList<>(rows.values());
  }

  /** The pods to sample. */
  public Set<String> trackedKeys() {
    return Set.copyOf(rows.keySet());
  }

  /** The workloads ({@code namespace/Kind/name}) of targeted pods, whose new pods become rows. */
  public Set<String> trackedWorkloads() {
    return Set.copyOf(workloads);
  }

  /** Run time of the latest sample, or -1 before the first. */
  public long lastSample() {
    return lastSample;
  }

  /** How many rows are in each latest state. */
  public Map<PodState, Integer> counts() {
    Map<PodState, Integer> counts = new EnumMap<>(PodState.class);
    for (PodRow row : rows.values()) {
      counts.merge(row.state(), 1, Integer::sum);
    }
    return counts;
  }
}
