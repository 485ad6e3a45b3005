package dev.faultline.model;

/**
 * Limits that hold for the whole run, whatever the steps say.
 *
 * @param namespaces which namespaces may be targeted; {@code null} means {@link
 *     NamespacePolicy#DEFAULT}
 * @param maxDuration the run is stopped and rolled back when it lasts longer; {@code null}: no
 *     limit
 */
public record Safety(NamespacePolicy namespaces, TimeSpan maxDuration, Extras extras) {
  public static final Safety DEFAULT = new Safety(null, null, Extras.NONE);

  public Safety {
    extras = extras == null ? Extras.NONE : extras;
  }

  public NamespacePolicy effectiveNamespaces() {
    return namespaces == null ? NamespacePolicy.DEFAULT : namespaces;
  }
}
