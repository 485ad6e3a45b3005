package dev.faultline.validate;

import dev.faultline.catalog.EnvPlaceholders;
import dev.faultline.model.Experiment;
import dev.faultline.model.Notification;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Webhook URLs are http(s) URLs, log files have a path, and every {@code ${env:NAME}} a
 * notification names is set here. A missing variable is a warning, not an error: the machine that
 * runs the experiment (CI) may have it when this one does not.
 */
public final class NotificationRule implements Rule {
  private final UnaryOperator<String> environment;

  /**
   * @param environment variable name to value ({@code System::getenv}); values are only tested for
   *     presence and never copied into a message
   */
  NotificationRule(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  @Override
  public void check(Experiment experiment, ProblemSink sink) {
    List<Notification> notifications = experiment.spec().notifications();
    for (int i = 0; i < notifications.size(); i++) {
      String at = Paths.index("spec.notifications", i);
      switch (notifications.get(i)) {
        case Notification.Webhook hook -> webhook(hook, Paths.child(at, "webhook"), sink);
        case Notification.LogFile log -> {
          if (log.path().isBlank()) {
            sink.error(
                Paths.child(Paths.child(at, "logFile"), "path"), "the log file path is empty");
          }
        }
      }
    }
  }

  private void webhook(Notification.Webhook hook, String at, ProblemSink sink) {
    String urlPath = Paths.child(at, "url");
    if (hook.url() != null) {
      String problem = urlProblem(hook.url());
      if (problem != null) {
        sink.error(urlPath, problem);
      }
      missing(hook.url(), urlPath, sink);
    }
    for (Map.Entry<String, String> header : hook.headers().entrySet()) {
      String headerPath = Paths.child(Paths.child(at, "headers"), header.getKey());
      if (header.getValue() == null) {
        sink.error(headerPath, "header '" + header.getKey() + "' has no value");
      } else {
        missing(header.getValue(), headerPath, sink);
      }
    }
  }

  /** Why the URL cannot be posted to, or {@code null}; placeholders count as plain text. */
  public static String urlProblem(String url) {
    String shape = EnvPlaceholders.PATTERN.matcher(url).replaceAll("x");
    try {
      URI uri = new URI(shape);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
        return "'" + url + "' is not a webhook URL: it must start with http:// or https://";
      }
      if (uri.getHost() == null) {
        return "'" + url + "' is not a webhook URL: it names no host";
      }
      return null;
    } catch (URISyntaxException e) {
      return "'" + url + "' is not a webhook URL: " + e.getReason();
    }
  }

  private void missing(String text, String path, ProblemSink sink) {
    for (String name : EnvPlaceholders.names(text)) {
      if (environment.apply(name) == null) {
        sink.warning(
            path,
            "environment variable "
                + name
                + " is not set here; a run without it skips this notification");
      }
    }
  }
}
