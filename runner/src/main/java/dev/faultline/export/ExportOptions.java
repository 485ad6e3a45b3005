package dev.faultline.export;

/**
 * Choices an export may need beyond the experiment.
 *
 * @param namespace the namespace of exported cluster objects (the Chaos Mesh Workflow); {@code
 *     null}: the first namespace the experiment's safety policy allows, else {@code default}
 * @param javaPackage the package of a generated Java class; {@code null} or empty: none
 * @param javaClassName the name of a generated Java class; {@code null}: derived from the
 *     experiment's name ({@code checkout-freeze} → {@code CheckoutFreezeChaosTest})
 * @param k3s the generated Java test starts this disposable K3s cluster with Testcontainers and
 *     runs there; {@code null}: it runs against the cluster kubectl would use
 */
public record ExportOptions(
    String namespace, String javaPackage, String javaClassName, K3sCluster k3s) {
  public static final ExportOptions DEFAULTS = new ExportOptions(null, null, null, null);

  public ExportOptions(String namespace, String javaPackage, String javaClassName) {
    this(namespace, javaPackage, javaClassName, null);
  }

  public ExportOptions withNamespace(String value) {
    return new ExportOptions(value, javaPackage, javaClassName, k3s);
  }

  public ExportOptions withJavaClass(String packageName, String className) {
    return new ExportOptions(namespace, packageName, className, k3s);
  }

  public ExportOptions withK3s(K3sCluster cluster) {
    return new ExportOptions(namespace, javaPackage, javaClassName, cluster);
  }
}
