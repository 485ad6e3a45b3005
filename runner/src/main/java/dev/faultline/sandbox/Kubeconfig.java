package dev.faultline.sandbox;

import dev.faultline.format.AtomicFiles;
import dev.faultline.safety.DataDirectory;
import java.io.IOException;
import java.nio.file.Path;

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
   * One kubeconfig for several sandboxes (a multi-cluster experiment's test or demo): a context,
   * cluster and user per entry, named by its key, default namespace {@code shop}; the first is the
   * current context.
   *
   * @param serverUrls each context's sandbox URL, in order
   */
  public static String text(java.util.SequencedMap<String, String> serverUrls) {
    var text = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
    serverUrls.forEach(
        (name, url) ->
            text.append("  - {name: %s, cluster: {server: \"%s\"}}\n".formatted(name, url)));
    text.append("users:\n");
    serverUrls.forEach(
        (name, url) -> text.append("  - {name: %1$s, user: {token: %1$s}}\n".formatted(name)));
    text.append("contexts:\n");
    serverUrls.forEach(
        (name, url) ->
            text.append(
                "  - {name: %1$s, context: {cluster: %1$s, user: %1$s, namespace: shop}}\n"
                    .formatted(name)));
    return text.append("current-context: ")
        .append(serverUrls.firstEntry().getKey())
        .append('\n')
        .toString();
  }

  public static void write(Path file, String serverUrl) throws IOException {
    AtomicFiles.writePrivate(file, text(serverUrl));
  }

  public static Path defaultPath() {
    return DataDirectory.get().resolve("sandbox").resolve("kubeconfig");
  }
}
