package dev.faultline.model;

import java.util.List;

/**
 * The phases a pod reports in {@code status.phase}. A target's {@code phases} picks among them;
 * when it names none, only {@link #RUNNING} pods are targeted, because faults against pods that are
 * not running (yet or any more) test nothing.
 */
public enum PodPhase implements Keyword {
  PENDING("Pending"),
  RUNNING("Running"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  UNKNOWN("Unknown");

  /** The phases targeted when a target names none. */
  public static final List<PodPhase> DEFAULT = List.of(RUNNING);

  private final String keyword;

  PodPhase(String keyword) {
    this.keyword = keyword;
  }

  @Override
  public String keyword() {
    return keyword;
  }
}
