package dev.faultline.designer.run.log;

/** The kinds a person filters the event log by; a line can be in two (a failed step: both). */
public enum LogCategory {
  STEPS("Steps"),
  FAULTS("Faults"),
  PROBES("Probes"),
  GATES("Gates & notes"),
  ERRORS("Errors");

  private final String title;

  LogCategory(String title) {
    this.title = title;
  }

  /** The toggle's text. */
  public String title() {
    return title;
  }
}
