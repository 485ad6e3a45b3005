package dev.faultline.sandbox.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain JDK HTTP client for talking to demo services over real loopback sockets. */
final class Loopback implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance against a plain server
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  HttpResponse<String> get(URI base, String path) {
    return send(request(base, path).GET().build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  CompletableFuture<HttpResponse<String>> getAsync(URI base, String path) {
    return client.sendAsync(
        request(base, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder request(URI base, String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** Milliseconds one GET takes, end to end. */
  long timeGet(URI base, String path) {
    long start = System.nanoTime();
    get(base, path);
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Override
  public void close() {
    client.close();
  }
}
