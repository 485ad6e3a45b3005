package dev.faultline.designer.run.timeline;

/** The timeline's horizontal bands, top to bottom. */
public enum Lane {
  STEPS("Steps"),
  FAULTS("Faults"),
  GATES("Gates & notes");

  private final String title;

  Lane(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
