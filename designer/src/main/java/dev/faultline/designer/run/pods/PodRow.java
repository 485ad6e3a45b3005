package dev.faultline.designer.run.pods;

import java.util.ArrayList;
import java.util.List;

/**
 * One pod's history on the strip: its state over run time as segments, and the moments its restart
 * count rose. Mutable, owned by {@link PodStripModel}.
 */
public final class PodRow {

  /** A stretch of run time {@code [start, end]} in one state. */
  public record Segment(long start, long end, PodState state) {}

  private final String context;
  private final String namespace;
  private final String name;
  private final boolean replacement;
  private final List<Segment> segments = new ArrayList<>();
  private final List<Long> restarts = new ArrayList<>();
  private int restartCount = -1;
  private PodObservation last;

  PodRow(String context, String key, boolean replacement) {
    this.context = context == null ? "" : context;
    int slash = key.indexOf('/');
    this.namespace = slash < 0 ? "" : key.substring(0, slash);
    this.name = key.substring(slash + 1);
    this.replacement = replacement;
  }

  public String key() {
    return namespace + "/" + name;
  }

  /** The kubeconfig context the pod lives in, as the run's events name it. */
  public String context() {
    return context;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** Whether it was not targeted but appeared later in a targeted pod's workload. */
  public boolean replacement() {
    return replacement;
  }

  /** The states over time, oldest first; adjacent segments differ. */
  public List<Segment> segments() {
    return List.copyOf(segments);
  }

  /** When the restart count was seen to rise. */
  public List<Long> restarts() {
    return List.copyOf(restarts);
  }

  /** The latest state, {@link PodState#UNKNOWN} before the first sample. */
  public PodState state() {
    return segments.isEmpty() ? PodState.UNKNOWN : segments.getLast().state();
  }

  /** The latest observation, or null before the first sample or once gone. */
  public PodObservation last() {
    return last;
  }

  /**
   * Folds in one sample at {@code t}; {@code seen} is null if the pod is gone. Returns whether it
   * changed.
   */
  boolean observe(long t, PodObservation seen) {
    PodState state = seen == null ? PodState.GONE : seen.state();
    boolean changed = false;
    if (segments.isEmpty()) {
      segments.add(new Segment(t, t, state));
      changed = true;
    } else {
      Segment tail = segments.getLast();
      if (tail.state() == state) {
        segments.set(
            segments.size() - 1, new Segment(tail.start(), Math.max(tail.end(), t), state));
      } else {
        segments.set(
            segments.size() - 1, new Segment(tail.start(), Math.max(tail.end(), t), tail.state()));
        segments.add(new Segment(t, t, state));
        changed = true;
      }
    }
    if (seen != null) {
      if (restartCount >= 0 && seen.restarts() > restartCount) {
        restarts.add(t);
        changed = true;
      }
      restartCount = seen.restarts();
    }
    last = seen;
    return changed;
  }
}
