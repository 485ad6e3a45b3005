package dev.faultline.updates;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where the release feed is: {@link #DEFAULT_URL}, unless the system property {@value #PROPERTY} or
 * the environment variable {@value #ENV} names another (tests, companies that mirror releases). The
 * property wins over the variable.
 */
public final class UpdateFeed {

  /** The GitHub Releases API's "latest release" of the project: one JSON object. */
  public static final String DEFAULT_URL =
      "https://api.github.com/repos/faultline-dev/faultline/releases/latest";

  /** System property naming another feed. */
  public static final String PROPERTY = "faultline.updates.url";

  /** Environment variable naming another feed. */
  public static final String ENV = "FAULTLINE_UPDATES_URL";

  private UpdateFeed() {}

  /** The feed's address as configured for this process (not checked; see {@link #uri}). */
  public static String configured() {
    return configured(System.getProperty(PROPERTY), System.getenv(ENV));
  }

  static String configured(String property, String env) {
    if (property != null && !property.isBlank()) {
      return property.strip();
    }
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    return DEFAULT_URL;
  }

  /**
   * The address as a URI: {@code https}, or plain {@code http} to a loopback address only (tests, a
   * local mirror), since the answer decides which page the user is sent to.
   *
   * @throws UpdateCheckException naming the address and what is wrong with it
   */
  public static URI uri(String address) throws UpdateCheckException {
    URI uri;
    try {
      uri = new URI(address);
    } catch (URISyntaxException e) {
      throw new UpdateCheckException(
          "The update feed address " + address + " is not a URL (" + e.getReason() + ").");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new UpdateCheckException(
          "The update feed address " + address + " is not an https:// URL.");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new UpdateCheckException(
          "The update feed address "
              + address
              + " uses plain http; only https is allowed (http only to this machine).");
    }
    return uri;
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: resolving a name here would already be network traffic.
    if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false;
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
