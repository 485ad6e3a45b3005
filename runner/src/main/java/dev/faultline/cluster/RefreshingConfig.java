package dev.faultline.cluster;

import io.fabric8.kubernetes.client.Config;
import java.util.concurrent.Callable;

/**
 * A client configuration whose {@link #refresh()} builds the configuration again through {@link
 * ClusterConnector}: every kubeconfig file merged, and exec plugins run with the merged {@code
 * PATH}.
 *
 * <p>fabric8's {@code TokenRefreshInterceptor} calls {@code refresh()} about once a minute and
 * after a 401, and takes the new token from the result. The inherited {@code refresh()} would
 * re-read only the one file that defines the context and run the plugin with this process's {@code
 * PATH}: the user or the plugin may then be missing, and a plugin that fails to run is retried on
 * every request. Here a user without an exec plugin keeps its configuration (its token cannot
 * change without a new connect), and a failed reload keeps the current token.
 */
final class RefreshingConfig extends Config {

  private static final long serialVersionUID = 1L;

  private final transient Callable<Config> reload;

  /**
   * Creates an empty configuration, like {@link Config#empty()}.
   *
   * @param reload builds a fresh configuration with a new plugin credential; {@code null} when the
   *     user has no exec plugin
   */
  RefreshingConfig(Callable<Config> reload) {
    super(false);
    this.reload = reload;
  }

  @Override
  public Config refresh() {
    String explicitToken = getOauthToken();
    if (reload == null || (explicitToken != null && !explicitToken.isEmpty())) {
      return this;
    }
    try {
      return reload.call();
    } catch (Exception e) {
      return this;
    }
  }
}
