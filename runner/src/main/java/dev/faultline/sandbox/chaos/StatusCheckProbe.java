package dev.faultline.sandbox.chaos;

import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.world.ClusterView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP status check of a workflow's {@code StatusCheck} template, as Chaos Mesh's controller
 * makes it from inside the cluster: a cluster host ({@code checkout.shop}, {@code
 * checkout.shop.svc.cluster.local}) reaches the Service's demo HTTP service; any other host is
 * called as written. Success means an answer within {@code timeoutSeconds} whose status matches
 * {@code criteria.statusCode} ({@code "200"} or a range {@code "200-299"}).
 */
final class StatusCheckProbe {
  private static final Pattern CLUSTER_HOST =
      Pattern.compile("([a-z0-9-]+)\\.([a-z0-9-]+)(\\.svc(\\.cluster\\.local)?)?");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** The result of one check, kept in the StatusCheck's records. */
  record Result(boolean success, String outcome) {}

  private final ClusterView cluster;
  private final URI url;
  private final String method;
  private final String body;
  private final JsonNode headers;
  private final String statusCriteria;
  private final Duration timeout;

  StatusCheckProbe(ClusterView cluster, JsonNode statusCheck) {
    this.cluster = cluster;
    JsonNode http = statusCheck.path("http");
    this.url = URI.create(http.path("url").asString("http://invalid"));
    this.method = http.path("method").asString("GET");
    this.body = http.path("body").asString("");
    this.headers = http.path("headers");
    this.statusCriteria = http.path("criteria").path("statusCode").asString("200");
    this.timeout = Duration.ofSeconds(Math.max(1, statusCheck.path("timeoutSeconds").asInt(1)));
  }

  /** Makes the request; blocks up to the timeout (call it off the controller's loop). */
  Result check() {
    URI target = reachable(url);
    try {
      var request =
          HttpRequest.newBuilder(target)
              .timeout(timeout)
              .method(
                  method,
                  body.isEmpty()
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      headers
          .properties()
          .forEach(
              e ->
                  e.getValue()
                      .forEach(
                          v -> request.header(e.getKey(), v.asString(e.getValue().asString()))));
      int status =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      return new Result(
          matches(statusCriteria, status),
          "status code " + status + " (want " + statusCriteria + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted");
    } catch (java.io.IOException | IllegalArgumentException e) {
      return new Result(false, url + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  /** Whether {@code status} fits {@code "200"} or {@code "200-299"}. */
  static boolean matches(String criteria, int status) {
    String c = criteria.strip();
    int dash = c.indexOf('-');
    try {
      if (dash > 0) {
        return status >= Integer.parseInt(c.substring(0, dash).strip())
            && status <= Integer.parseInt(c.substring(dash + 1).strip());
      }
      return status == Integer.parseInt(c);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The demo service's address for a cluster host; the URL as written otherwise. */
  private URI reachable(URI original) {
    String host = original.getHost() == null ? "" : original.getHost();
    Matcher m = CLUSTER_HOST.matcher(host);
    if (!m.matches()) {
      return original;
    }
    Optional<String> demo =
        cluster
            .get("v1", "services", m.group(2), m.group(1))
            .map(
                s ->
                    s.path("metadata")
                        .path("annotations")
                        .path(Sandbox.DEMO_URL_ANNOTATION)
                        .asString(""))
            .filter(u -> !u.isEmpty());
    if (demo.isEmpty()) {
      return original;
    }
    URI base = URI.create(demo.get());
    return base.resolve(
        (original.getRawPath() == null || original.getRawPath().isEmpty()
                ? "/"
                : original.getRawPath())
            + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery()));
  }
}
