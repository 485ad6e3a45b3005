package dev.faultline.model;

/** Whether a scheduled firing may start while the previous run is still going. */
public enum ScheduleConcurrency implements Keyword {
  /** Skip the firing (and say so): never two runs of the experiment at once. */
  FORBID("forbid"),
  /** Start another run next to the one still going. */
  ALLOW("allow");

  private final String keyword;

  ScheduleConcurrency(String keyword) {
    this.keyword = keyword;
  }

  @Override
  public String keyword() {
    return keyword;
  }
}
