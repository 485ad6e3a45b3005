package dev.faultline.model;

/** What a probe step waits for: it repeats the probe until the result is reached or times out. */
public enum Until implements Keyword {
  FAILING("failing"),
  PASSING("passing");

  private final String keyword;

  Until(String keyword) {
    this.keyword = keyword;
  }

  @Override
  public String keyword() {
    return keyword;
  }
}
