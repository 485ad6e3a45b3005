package dev.faultline.workflow;

/** A workflow that cannot be read, checked, applied or deleted; the message says what and where. */
public final class WorkflowException extends Exception {
  public WorkflowException(String message) {
    super(message);
  }

  public WorkflowException(String message, Throwable cause) {
    super(message, cause);
  }
}
