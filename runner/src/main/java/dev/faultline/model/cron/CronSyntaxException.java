package dev.faultline.model.cron;

/**
 * A cron expression that does not parse.
 *
 * @see #offset()
 */
public final class CronSyntaxException extends IllegalArgumentException {
  private final int offset;

  CronSyntaxException(int offset, String message) {
    super(message);
    this.offset = offset;
  }

  /** Characters into the expression where the problem starts, so editors can point at it. */
  public int offset() {
    return offset;
  }
}
