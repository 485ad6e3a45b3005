package dev.faultline.sandbox;

import dev.faultline.sandbox.demo.ServiceKey;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A Prometheus configuration file that scrapes the {@code /metrics} of a sandbox's demo services,
 * so a real Prometheus can stand behind {@code prometheus.query} probes on the sandbox. The demo
 * services listen on ports chosen at start, so the file fits one sandbox run only.
 */
public final class PrometheusScrapeConfig {
  /** The job label of every scraped series. */
  public static final String JOB = "faultline-sandbox";

  private PrometheusScrapeConfig() {}

  /**
   * The configuration, in Prometheus's YAML.
   *
   * @param demoUrls the demo services by Service ({@link Sandbox#demoUrls()})
   * @param interval how often to scrape; whole seconds or milliseconds
   */
  public static String render(Map<ServiceKey, URI> demoUrls, Duration interval) {
    String every = prometheusDuration(interval);
    var out = new StringBuilder(256 + demoUrls.size() * 64);
    out.append(
        "# Scrapes the demo services of one Faultline sandbox run (written by faultline).\n");
    out.append("global:\n");
    out.append("  scrape_interval: ").append(every).append('\n');
    out.append("  evaluation_interval: ").append(every).append('\n');
    out.append("scrape_configs:\n");
    out.append("  - job_name: ").append(JOB).append('\n');
    out.append("    static_configs:\n");
    out.append("      - targets:\n");
    // No target labels: the demo metrics carry namespace and service themselves, and target labels
    // of the same names would push theirs aside as exported_namespace and exported_service.
    demoUrls.forEach(
        (key, url) ->
            out.append("          - '")
                .append(url.getAuthority())
                .append("'  # ")
                .append(key.namespace())
                .append('/')
                .append(key.name())
                .append('\n'));
    return out.toString();
  }

  /** {@code 1s}, {@code 500ms}: the units Prometheus's duration syntax shares with ours. */
  private static String prometheusDuration(Duration interval) {
    if (!interval.isPositive()) {
      throw new IllegalArgumentException("scrape interval must be more than 0: " + interval);
    }
    long millis = interval.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
