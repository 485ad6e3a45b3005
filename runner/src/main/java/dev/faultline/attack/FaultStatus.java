package dev.faultline.attack;

/**
 * What an applied fault is doing now, as its executor observes it.
 *
 * @param message detail for people, e.g. "2 of 2 processes stopped" or "pod is gone"
 */
public record FaultStatus(State state, String message) {
  public enum State {
    /** The fault is in place. */
    ACTIVE,
    /** Something else undid it already (e.g. the process restarted); rollback is a no-op. */
    RECOVERED,
    /** The object is gone (a vanished pod); nothing is left to roll back. */
    GONE,
    /** The status could not be read (API error); the fault is assumed to be in place. */
    UNKNOWN
  }

  public static FaultStatus active(String message) {
    return new FaultStatus(State.ACTIVE, message);
  }

  public static FaultStatus gone(String message) {
    return new FaultStatus(State.GONE, message);
  }
}
