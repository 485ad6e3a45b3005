package dev.faultline.updates;

/** What a check found: a newer release, or none. Failures are {@link UpdateCheckException}s. */
public sealed interface UpdateStatus {

  /** The running version, as shown to the user. */
  String current();

  /**
   * A newer release exists.
   *
   * @param current the running version
   * @param release the newest release offered
   */
  record Available(String current, Release release) implements UpdateStatus {}

  /**
   * Nothing newer.
   *
   * @param current the running version
   * @param latest the newest release in the feed (older or the same)
   */
  record UpToDate(String current, String latest) implements UpdateStatus {}
}
