package dev.faultline.cluster.snapshot;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lists pods over the client's own HTTP connection (its TLS, credentials and token refresh) and
 * reads the response with {@link PodJson} as it streams in, instead of through fabric8's {@code
 * list()}, which builds a full {@code Pod} for each item before the snapshot throws most of it
 * away.
 */
final class PodLister {
  private final KubernetesClient client;
  private final PodJson json;

  PodLister(KubernetesClient client, PodJson json) {
    this.client = client;
    this.json = json;
  }

  /**
   * One page of pods.
   *
   * @param namespace the namespace, or {@code null} for all namespaces
   * @param labelSelector a label selector in the API's syntax, or {@code null}
   * @param limit page size; 0 for no limit
   * @param continueToken the previous page's continue token, or {@code null} for the first page
   * @throws KubernetesClientException on an HTTP error, a timeout or a broken response
   */
  PodJson.Page list(String namespace, String labelSelector, long limit, String continueToken) {
    var url = new StringBuilder(base());
    url.append(namespace == null ? "/api/v1/pods" : "/api/v1/namespaces/" + namespace + "/pods");
    char separator = '?';
    if (labelSelector != null && !labelSelector.isBlank()) {
      url.append(separator).append("labelSelector=").append(encode(labelSelector));
      separator = '&';
    }
    if (limit > 0) {
      url.append(separator).append("limit=").append(limit);
      separator = '&';
    }
    if (continueToken != null && !continueToken.isEmpty()) {
      url.append(separator).append("continue=").append(encode(continueToken));
    }
    Integer timeout = client.getConfiguration().getRequestTimeout();
    HttpRequest.Builder request =
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(url.toString())
            .header("Accept", "application/json");
    if (timeout != null && timeout > 0) {
      request.timeout(timeout, TimeUnit.MILLISECONDS);
    }
    HttpResponse<InputStream> response;
    try {
      response = client.getHttpClient().sendAsync(request.build(), InputStream.class).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted while listing pods", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof KubernetesClientException k) {
        throw k;
      }
      String what =
          cause instanceof TimeoutException ? "timed out listing pods" : "cannot list pods";
      throw new KubernetesClientException(what + ": " + cause.getMessage(), cause);
    }
    try (InputStream body = response.body()) {
      if (!response.isSuccessful()) {
        String message =
            body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        throw new KubernetesClientException(
            "listing pods failed with HTTP " + response.code() + ": " + message,
            response.code(),
            null);
      }
      return json.readList(body);
    } catch (IOException e) {
      throw new KubernetesClientException("cannot read the pod list", new UncheckedIOException(e));
    } catch (RuntimeException e) {
      if (e instanceof KubernetesClientException) {
        throw e;
      }
      throw new KubernetesClientException("cannot read the pod list: " + e.getMessage(), e);
    }
  }

  private String base() {
    String master = client.getMasterUrl().toString();
    return master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
