package dev.faultline.designer.run.pods;

import dev.faultline.engine.RunEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The pod strip's state without the toolkit: a row per pod an attack targeted (from {@link
 * RunEvent.TargetsResolved}), plus rows for replacement pods that appear in the same workloads,
 * each with its state over run time. Pods of a multi-cluster run are kept apart by the context they
 * live in: two clusters may each have a {@code shop/checkout-1}.
 */
public final class PodStripModel {

  /** Rows by context, then by {@code namespace/name}, in order of appearance. */
  private final Map<String, Map<String, PodRow>> rows = new LinkedHashMap<>();

  /** Tracked workloads ({@code namespace/Kind/name}) by context. */
  private final Map<String, Set<String>> workloads = new LinkedHashMap<>();

  private String runContext = "";
  private long lastSample = -1;

  /** Adds rows for the pods the batch's attacks targeted; returns whether rows were added. */
  public boolean accept(List<? extends RunEvent> batch) {
    boolean added = false;
    for (RunEvent event : batch) {
      if (event instanceof RunEvent.RunStarted started) {
        runContext = started.context() == null ? "" : started.context();
        // The run's own cluster's pods come first, whichever attack resolves first.
        rows.computeIfAbsent(runContext, c -> new LinkedHashMap<>());
      } else if (event instanceof RunEvent.TargetsResolved resolved) {
        var inContext = rows.computeIfAbsent(resolved.context(), c -> new LinkedHashMap<>());
        for (String key : resolved.selected()) {
          if (key.contains("/") && !inContext.containsKey(key)) {
            inContext.put(key, new PodRow(resolved.context(), key, false));
            added = true;
          }
        }
      }
    }
    return added;
  }

  /**
   * Folds in a sample taken at run time {@code t} of every context's pods: tracked pods missing
   * from {@code seen} are gone; new pods of a tracked workload become rows. Returns whether
   * anything changed visibly.
   */
  public boolean observe(long t, Map<String, PodObservation> seen) {
    return observe(t, context -> seen);
  }

  /**
   * Folds in a sample taken at run time {@code t}: {@code seenIn} gives the pods seen in each
   * context, or null for a context that could not be read (its rows keep their state rather than
   * turn gone).
   */
  public boolean observe(long t, Function<String, Map<String, PodObservation>> seenIn) {
    boolean changed = false;
    for (var inContext : rows.entrySet()) {
      Map<String, PodObservation> seen = seenIn.apply(inContext.getKey());
      if (seen == null) {
        continue;
      }
      Set<String> tracked =
          workloads.computeIfAbsent(inContext.getKey(), c -> new LinkedHashSet<>());
      for (PodRow row : inContext.getValue().values()) {
        PodObservation observation = seen.get(row.key());
        if (observation != null && !observation.workload().isEmpty() && !row.replacement()) {
          tracked.add(observation.workload());
        }
        changed |= row.observe(t, observation);
      }
      for (PodObservation observation : seen.values()) {
        if (!inContext.getValue().containsKey(observation.key())
            && tracked.contains(observation.workload())) {
          PodRow row = new PodRow(inContext.getKey(), observation.key(), true);
          row.observe(t, observation);
          inContext.getValue().put(observation.key(), row);
          changed = true;
        }
      }
    }
    lastSample = Math.max(lastSample, t);
    return changed || !rows.isEmpty();
  }

  /**
   * Rows grouped by context in order of appearance, and within one: targeted pods first as
   * resolved, replacements as they came.
   */
  public List<PodRow> rows() {
    var all = new ArrayList<PodRow>();
    rows.values().forEach(inContext -> all.addAll(inContext.values()));
    return all;
  }

  /** The contexts with rows: the run's own first, the others in order of appearance. */
  public List<String> contexts() {
    return rows.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * Whether rows are shown under their context: the pods live in more than one cluster, or in
   * another cluster than the run's own. A single-cluster run looks as it always did.
   */
  public boolean grouped() {
    List<String> contexts = contexts();
    return contexts.size() > 1
        || (contexts.size() == 1
            && !contexts.getFirst().isEmpty()
            && !runContext.isEmpty()
            && !contexts.getFirst().equals(runContext));
  }

  /** The pods to sample, of every context. */
  public Set<String> trackedKeys() {
    var keys = new LinkedHashSet<String>();
    rows.values().forEach(inContext -> keys.addAll(inContext.keySet()));
    return Set.copyOf(keys);
  }

  /** The pods to sample, by context (the run's own first). */
  public Map<String, Set<String>> trackedKeysByContext() {
    var keys = new LinkedHashMap<String, Set<String>>();
    rows.forEach(
        (context, inContext) -> {
          if (!inContext.isEmpty()) {
            keys.put(context, Set.copyOf(inContext.keySet()));
          }
        });
    return keys;
  }

  /** The workloads ({@code namespace/Kind/name}) of targeted pods, whose new pods become rows. */
  public Set<String> trackedWorkloads() {
    var all = new LinkedHashSet<String>();
    workloads.values().forEach(all::addAll);
    return Set.copyOf(all);
  }

  /** The tracked workloads of one context. */
  public Set<String> trackedWorkloads(String context) {
    return Set.copyOf(workloads.getOrDefault(context, Set.of()));
  }

  /** Run time of the latest sample, or -1 before the first. */
  public long lastSample() {
    return lastSample;
  }

  /** How many rows are in each latest state. */
  public Map<PodState, Integer> counts() {
    Map<PodState, Integer> counts = new EnumMap<>(PodState.class);
    for (PodRow row : rows()) {
      counts.merge(row.state(), 1, Integer::sum);
    }
    return counts;
  }
}
