package dev.faultline.export;

/**
 * Choices an export may need beyond the experiment.
 *
 * @param namespace the namespace of exported cluster objects (the Chaos Mesh Workflow); {@code
 *     null}: the first namespace the experiment's safety policy allows, else {@code default}
 * @param javaPackage the package of a generated Java class; {@code null} or empty: none
 * @param javaClassName the name of a generated Java class; {@code null}: derived from the
 *     experiment's name ({@code checkout-freeze} → {@code CheckoutFreezeChaosTest})
 */
public record ExportOptions(String namespace, String javaPackage, String javaClassName) {
  public static final ExportOptions DEFAULTS = new ExportOptions(null, null, null);

  public ExportOptions withNamespace(String value) {
    return new ExportOptions(value, javaPackage, javaClassName);
  }

  public ExportOptions withJavaClass(String packageName, String className) {
    return new ExportOptions(namespace, packageName, className);
  }
}
