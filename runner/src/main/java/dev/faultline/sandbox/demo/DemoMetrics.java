package dev.faultline.sandbox.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The traffic metrics of one demo service and their Prometheus text exposition (format 0.0.4), so a
 * Prometheus-style probe in an experiment can scrape a sandbox service like a real one.
 */
final class DemoMetrics {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final String labels;
  private final Map<Integer, LongAdder> requestsByCode = new ConcurrentSkipListMap<>();
  private final Histogram durations = new Histogram();

  DemoMetrics(ServiceKey key) {
    this.labels =
        "service=\"" + escape(key.name()) + "\",namespace=\"" + escape(key.namespace()) + "\"";
  }

  /** Records one served request: its status and the time from arrival to the response. */
  void record(int status, double seconds) {
    requestsByCode.computeIfAbsent(status, s -> new LongAdder()).increment();
    durations.observe(seconds);
  }

  /** The whole exposition, with the pod gauges taken from {@code pods}. */
  String render(BackendState pods) {
    StringBuilder out = new StringBuilder(2048);
    family(out, "demo_http_requests_total", "counter", "HTTP requests served, by status code.");
    requestsByCode.forEach(
        (code, count) ->
            sample(
                out, "demo_http_requests_total", labels + ",code=\"" + code + "\"", count.sum()));

    String histogram = "demo_http_request_duration_seconds";
    family(out, histogram, "histogram", "Time from request arrival to response, in seconds.");
    Histogram.Snapshot snap = durations.snapshot();
    for (int i = 0; i < Histogram.BOUNDS.length; i++) {
      String le = ",le=\"" + Double.toString(Histogram.BOUNDS[i]) + "\"";
      sample(out, histogram + "_bucket", labels + le, snap.cumulative()[i]);
    }
    sample(out, histogram + "_bucket", labels + ",le=\"+Inf\"", snap.count());
    out.append(histogram).append("_sum{").append(labels).append("} ");
    out.append(Double.toString(snap.sum())).append('\n');
    sample(out, histogram + "_count", labels, snap.count());

    family(out, "demo_ready_pods", "gauge", "Ready pods behind the Service.");
    sample(out, "demo_ready_pods", labels, pods.ready());
    family(out, "demo_total_pods", "gauge", "Pods behind the Service, ready or not.");
    sample(out, "demo_total_pods", labels, pods.total());
    return out.toString();
  }

  private static void family(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder out, String name, String labels, long value) {
    out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
  }

  /** Label values escape backslash, double quote and newline (exposition format rules). */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
