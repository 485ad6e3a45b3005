package dev.faultline.sandbox;

import dev.faultline.format.AtomicFiles;
import dev.faultline.safety.DataDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SequencedMap;

/**
 * The kubeconfig of a running sandbox: one cluster, user and context named {@code
 * faultline-sandbox}, default namespace {@code shop}. Written to its own file, never merged into
 * {@code ~/.kube/config}.
 */
public final class Kubeconfig {
  public static final String CONTEXT = "faultline-sandbox";

  private Kubeconfig() {}

  public static String text(String serverUrl) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
          - name: %1$s
            cluster:
              server: %2$s
        users:
          - name: %1$s
            user:
              token: %1$s
        contexts:
          - name: %1$s
            context:
              cluster: %1$s
              user: %1$s
              namespace: shop
        current-context: %1$s
        preferences: {}
        """
        .formatted(CONTEXT, serverUrl);
  }

  /**
   * One kubeconfig over several clusters (sandboxes, for multi-cluster tests and demos): a cluster,
   * user and context per entry, named by its key, default namespace {@code shop}; the first entry's
   * context is the current one.
   *
   * @param servers each context's name and API server URL, in order
   */
  public static String text(SequencedMap<String, String> servers) {
    var clusters = new StringBuilder();
    var users = new StringBuilder();
    var contexts = new StringBuilder();
    servers.forEach(
        (name, url) -> {
          clusters.append("  - {name: %s, cluster: {server: \"%s\"}}\n".formatted(name, url));
          users.append("  - {name: %1$s, user: {token: %1$s}}\n".formatted(name));
          contexts.append(
              "  - {name: %1$s, context: {cluster: %1$s, user: %1$s, namespace: shop}}\n"
                  .formatted(name));
        });
    return "apiVersion: v1\nkind: Config\nclusters:\n"
        + clusters
        + "users:\n"
        + users
        + "contexts:\n"
        + contexts
        + "current-context: "
        + servers.firstEntry().getKey()
        + "\n";
  }

  public static void write(Path file, String serverUrl) throws IOException {
    AtomicFiles.writePrivate(file, text(serverUrl));
  }

  public static Path defaultPath() {
    return DataDirectory.get().resolve("sandbox").resolve("kubeconfig");
  }
}
