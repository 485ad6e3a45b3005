package dev.faultline.attack;

/** Runs a status check so that it never throws: any failure reads as {@code UNKNOWN}. */
public final class SafeStatus {
  private SafeStatus() {}

  /** A status check that may fail. */
  @FunctionalInterface
  public interface Check {
    FaultStatus run() throws Exception;
  }

  /** The check's answer, or {@code UNKNOWN} with the failure's message. */
  public static FaultStatus of(Fault fault, Check check) {
    try {
      return check.run();
    } catch (AttackException e) {
      return new FaultStatus(FaultStatus.State.UNKNOWN, e.getMessage());
    } catch (Exception e) {
      return new FaultStatus(
          FaultStatus.State.UNKNOWN,
          "cannot read the state of " + fault.object().display() + ": " + e.getMessage());
    }
  }
}
