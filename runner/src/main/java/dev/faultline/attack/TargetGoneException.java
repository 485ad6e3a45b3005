package dev.faultline.attack;

/**
 * The object a fault was prepared for is gone (deleted, or replaced by a new object of the same
 * name) by the time the fault is applied, so nothing was changed. Not retryable: the engine may
 * record the fault as {@code gone} instead of failing the step, since the cluster moved on by
 * itself (a pod deleted by a controller or by churn between prepare and apply).
 */
public class TargetGoneException extends AttackException {
  private final ObjectRef object;

  public TargetGoneException(ObjectRef object, String detail) {
    super(
        whole(object)
            + " is gone"
            + (detail.isEmpty() ? "" : " (" + detail + ")")
            + "; nothing was changed",
        false,
        null);
    this.object = object;
  }

  /** The object itself, not a container in it: a pod is gone with all its containers. */
  private static String whole(ObjectRef object) {
    return new ObjectRef(object.apiVersion(), object.kind(), object.namespace(), object.name(), "")
        .display();
  }

  /** The object that is gone. */
  public ObjectRef object() {
    return object;
  }
}
