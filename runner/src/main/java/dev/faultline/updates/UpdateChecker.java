package dev.faultline.updates;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the release feed whether a release newer than the running one exists.
 *
 * <p>One plain {@code GET} of the feed with {@code User-Agent: Faultline/<version>} and {@code
 * Accept: application/json} and nothing else: no cookies (the client keeps none), no query, no
 * identifiers. The feed is a GitHub Releases API answer: one release object ({@code
 * .../releases/latest}) or a list of them ({@code .../releases}); drafts are never offered,
 * pre-releases only when asked for. Blocks: call it off the FX thread.
 */
public final class UpdateChecker {

  /** How long the whole check may take, connecting included. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** A release feed is a few kilobytes; more is not a feed. */
  static final int MAX_BYTES = 1 << 20;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String address;
  private final String currentVersion;
  private final Duration timeout;
  private final boolean includePreReleases;

  /**
   * @param address the feed's URL ({@link UpdateFeed#configured()})
   * @param currentVersion the running version; text that is not a version ({@code dev}) is a
   *     development build, older than every release
   * @param timeout how long the check may take
   * @param includePreReleases whether pre-releases are offered too
   */
  public UpdateChecker(
      String address, String currentVersion, Duration timeout, boolean includePreReleases) {
    this.address = address;
    this.currentVersion = currentVersion;
    this.timeout = timeout;
    this.includePreReleases = includePreReleases;
  }

  /** The feed's URL as configured. */
  public String address() {
    return address;
  }

  /** The header sent with the request: the product and version, nothing else. */
  public static String userAgent(String version) {
    return "Faultline/" + version;
  }

  /**
   * Fetches the feed and compares.
   *
   * @throws UpdateCheckException with a message naming the URL and the cause
   */
  public UpdateStatus check() throws UpdateCheckException {
    URI uri = UpdateFeed.uri(address);
    return compare(parse(fetch(uri)));
  }

  private byte[] fetch(URI uri) throws UpdateCheckException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(timeout)
            .header("User-Agent", userAgent(currentVersion))
            .header("Accept", "application/json")
            .build();
    // A new client per check: no cookie handler, no authenticator, no proxy credentials; it
    // follows redirects except from https to http.
    try (HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()) {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new UpdateCheckException(
              address + " answered HTTP " + response.statusCode() + reason(response.statusCode()));
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new UpdateCheckException(
              address + " did not return a release feed: the answer is over 1 MiB.");
        }
        return bytes;
      }
    } catch (HttpTimeoutException e) {
      throw new UpdateCheckException(
          "No answer from " + address + " within " + timeout.toSeconds() + " s.", e);
    } catch (ConnectException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof UnknownHostException) {
        throw new UpdateCheckException(
            "Cannot reach " + address + ": unknown host " + uri.getHost() + " (offline?).", e);
      }
      throw new UpdateCheckException(
          "Cannot reach " + address + ": " + message(cause, "connection refused") + " (offline?).",
          e);
    } catch (UnknownHostException e) {
      throw new UpdateCheckException(
          "Cannot reach " + address + ": unknown host " + uri.getHost() + " (offline?).", e);
    } catch (SSLException e) {
      throw new UpdateCheckException(
          "Cannot reach " + address + ": secure connection failed (" + e.getMessage() + ").", e);
    } catch (IOException e) {
      throw new UpdateCheckException(
          "Cannot read " + address + ": " + message(e, e.getClass().getSimpleName()) + ".", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpdateCheckException("The check of " + address + " was interrupted.", e);
    }
  }

  private static String message(Throwable e, String fallback) {
    return e.getMessage() == null || e.getMessage().isBlank() ? fallback : e.getMessage();
  }

  private static String reason(int status) {
    return switch (status) {
      case 403 -> " (Forbidden; the GitHub API also says this when its rate limit is reached).";
      case 404 -> " (Not Found).";
      case 429 -> " (Too Many Requests).";
      default -> status >= 500 ? " (server error)." : ".";
    };
  }

  /** The releases in the feed that may be offered: no drafts, pre-releases only if asked for. */
  List<Release> parse(byte[] bytes) throws UpdateCheckException {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JacksonException e) {
      throw malformed("not valid JSON (" + e.getOriginalMessage() + ")");
    }
    List<JsonNode> objects = new ArrayList<>();
    if (root != null && root.isObject()) {
      objects.add(root);
    } else if (root != null && root.isArray()) {
      root.forEach(objects::add);
    } else {
      throw malformed("expected a release object or a list of releases");
    }
    List<Release> releases = new ArrayList<>();
    for (JsonNode node : objects) {
      releases.add(release(node));
    }
    return releases.stream()
        .filter(r -> !r.draft())
        .filter(r -> includePreReleases || !r.preRelease())
        .toList();
  }

  private Release release(JsonNode node) throws UpdateCheckException {
    if (!node.isObject()) {
      throw malformed("a release is not a JSON object");
    }
    String tag = text(node, "tag_name").orElseThrow(() -> malformed("a release has no tag_name"));
    ReleaseVersion version =
        ReleaseVersion.parse(tag)
            .orElseThrow(() -> malformed("tag_name \"" + tag + "\" is not a version"));
    Optional<URI> page = text(node, "html_url").flatMap(UpdateChecker::webPage);
    return new Release(
        tag,
        version,
        text(node, "name").filter(s -> !s.isBlank()).orElse(tag),
        page,
        text(node, "body").orElse(""),
        flag(node, "draft"),
        flag(node, "prerelease") || version.isPreRelease());
  }

  /** Only web pages are opened in the browser, never {@code file:} or other schemes. */
  private static Optional<URI> webPage(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return uri.getHost() != null
              && scheme != null
              && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
          ? Optional.of(uri)
          : Optional.empty();
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  private UpdateStatus compare(List<Release> releases) throws UpdateCheckException {
    Optional<Release> newest = releases.stream().max(Comparator.comparing(Release::version));
    if (newest.isEmpty()) {
      throw malformed("it lists no published release");
    }
    Release latest = newest.get();
    Optional<ReleaseVersion> running = ReleaseVersion.parse(currentVersion);
    if (running.isEmpty() || latest.version().isNewerThan(running.get())) {
      return new UpdateStatus.Available(currentVersion, latest);
    }
    return new UpdateStatus.UpToDate(currentVersion, latest.version().toString());
  }

  private UpdateCheckException malformed(String what) {
    return new UpdateCheckException(address + " did not return a release feed: " + what + ".");
  }

  private static Optional<String> text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
  }

  private static boolean flag(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isBoolean() && value.booleanValue();
  }
}
