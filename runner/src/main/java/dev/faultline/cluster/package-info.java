/**
 * Cluster access: kubeconfig contexts discovered the way {@code kubectl} finds them, the targets
 * the app can connect to (a kubeconfig context or the embedded sandbox), one client factory for
 * both, and a quick reachability probe.
 *
 * <p>Kubeconfig files are only read, never written. Exec credential plugins ({@code aws}, {@code
 * gke-gcloud-auth-plugin}, {@code kubelogin}) run with this process's {@code PATH} extended by the
 * user's login-shell {@code PATH} ({@link dev.faultline.cluster.ExecPluginPath}), so they are found
 * when the app was started from a desktop menu.
 *
 * <p>The embedded sandbox is just another kubeconfig here: the connector starts it, then builds the
 * client from the kubeconfig file it wrote, through the same code as for a real cluster.
 */
package dev.faultline.cluster;
