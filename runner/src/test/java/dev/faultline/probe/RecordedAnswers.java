package dev.faultline.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Prometheus 2.42 answers recorded in test resources (see the README there). */
final class RecordedAnswers {
  private RecordedAnswers() {}

  /** The body of {@code prometheus/NAME.json}. */
  static String body(String name) {
    String path = "prometheus/" + name + ".json";
    try (InputStream in = RecordedAnswers.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded answer " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded answer as the probe reads it; errors came with their recorded HTTP status. */
  static PrometheusAnswer parsed(String name) {
    int status =
        switch (name) {
          case "error-parse", "error-resolution" -> 400;
          case "error-execution" -> 422;
          case "error-timeout" -> 503;
          default -> 200;
        };
    return PrometheusAnswer.parse(status, body(name), "http://prometheus.test/api/v1/query");
  }
}
