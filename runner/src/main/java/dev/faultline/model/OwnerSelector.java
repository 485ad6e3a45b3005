package dev.faultline.model;

/**
 * Selects pods by the workload that owns them: {@code owner: {kind: Deployment, name: "checkout"}}.
 *
 * @param kind the workload kind; required in files, {@code null} only while a file has an error
 * @param name regex that the whole workload name must match; {@code null}: any workload of the kind
 */
public record OwnerSelector(OwnerKind kind, String name, Extras extras) {
  public OwnerSelector {
    extras = extras == null ? Extras.NONE : extras;
  }

  public static OwnerSelector of(OwnerKind kind, String name) {
    return new OwnerSelector(kind, name, Extras.NONE);
  }
}
