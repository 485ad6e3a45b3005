package dev.faultline.export.chaostoolkit;

import static dev.faultline.export.chaostoolkit.Activities.PROBE;

import dev.faultline.catalog.EnvPlaceholders;
import dev.faultline.catalog.StatusCodes;
import dev.faultline.model.Params;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.model.TimeSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our probes as Chaos Toolkit probes with a {@code tolerance}: HTTP checks as {@code http}
 * providers, readiness as chaostoolkit-kubernetes probes. Probes with no counterpart (Prometheus,
 * TCP, load) are left out with a warning.
 */
final class ProbeActivities {
  static final String POD_PROBES = "chaosk8s.pod.probes";
  static final String DEPLOYMENT_PROBES = "chaosk8s.deployment.probes";
  static final Map<String, Object> READY = ready();
  static final String DEFAULT_HTTP_TIMEOUT = "2s";

  private static Map<String, Object> ready() {
    var condition = new LinkedHashMap<String, Object>();
    condition.put("type", "Ready");
    condition.put("status", "True");
    return java.util.Collections.unmodifiableMap(condition);
  }

  private ProbeActivities() {}

  /**
   * @param target the probe's target, {@code null} for probes without one
   * @param path where the probe is in our experiment, for warnings
   */
  static Optional<Map<String, Object>> map(
      String id, String probe, Target target, Params with, String path, ExportLog log) {
    return switch (probe) {
      case "http.check" -> Optional.of(http(id, with, path, log));
      case "k8s.state", "k8s.ready" -> kubernetes(id, probe, target, with, path, log);
      default -> {
        log.warn(
            path,
            probe
                + " is left out: neither chaoslib nor chaostoolkit-kubernetes has a probe that"
                + " does what it does");
        yield Optional.empty();
      }
    };
  }

  private static Map<String, Object> http(String id, Params with, String path, ExportLog log) {
    var provider = new LinkedHashMap<String, Object>();
    provider.put("type", "http");
    provider.put("url", with.values().get("url"));
    with.get("method").filter(m -> !m.equals("GET")).ifPresent(m -> provider.put("method", m));
    with.get("headers").ifPresent(h -> provider.put("headers", h));
    // Without a timeout, requests waits for ever; our default is the descriptor's 2s.
    String timeout = with.get("timeout").map(String::valueOf).orElse(DEFAULT_HTTP_TIMEOUT);
    provider.put("timeout", Seconds.of(TimeSpan.of(timeout)));
    if (Boolean.TRUE.equals(with.values().get("insecureSkipVerify"))) {
      provider.put("verify_tls", false);
    }
    if (EnvPlaceholders.in(String.valueOf(with.values().get("url")))
        || EnvPlaceholders.in(String.valueOf(with.values().get("headers")))) {
      log.warn(
          path + ".with",
          "${env:NAME} is not substituted by chaoslib: declare a secret or configuration entry"
              + " of type env and refer to it as ${name}");
    }
    if (with.has("body")) {
      log.warn(
          path + ".with.body",
          "the request body is not kept: chaoslib's http provider sends its arguments as form"
              + " fields");
    }
    if (with.has("maxLatency")) {
      log.warn(
          path + ".with.maxLatency",
          "maxLatency "
              + with.values().get("maxLatency")
              + " is not checked: a tolerance sees"
              + " the status, headers and body, not the time");
    }
    var activity = Activities.activity(PROBE, id, provider);
    String codes = with.get("expectStatus").map(String::valueOf).orElse("200-299");
    Optional<String> jq = with.get("jq").map(String::valueOf);
    if (jq.isPresent()) {
      Optional<JqPaths.Comparison> comparison = JqPaths.fromJq(jq.get());
      if (comparison.isPresent()) {
        var tolerance = new LinkedHashMap<String, Object>();
        tolerance.put("type", "jsonpath");
        tolerance.put("path", comparison.get().jsonPath());
        tolerance.put("expect", comparison.get().expected());
        tolerance.put("target", "body");
        activity.put("tolerance", tolerance);
        log.warn(
            path + ".with.expectStatus",
            "a probe has one tolerance, here the jq condition as jsonpath; the status ("
                + codes
                + ") is not checked");
        return activity;
      }
      log.warn(
          path + ".with.jq",
          "the jq filter '"
              + jq.get()
              + "' has no jsonpath counterpart (only .field.path == literal has); only the"
              + " status is checked");
    }
    activity.put("tolerance", statusTolerance(StatusCodes.parse(codes)));
    return activity;
  }

  /** One code: the number; one wider range: a range tolerance on the status; else a list. */
  static Object statusTolerance(StatusCodes codes) {
    List<StatusCodes.Range> ranges = codes.ranges();
    if (ranges.size() == 1 && ranges.getFirst().low() == ranges.getFirst().high()) {
      return (long) ranges.getFirst().low();
    }
    if (ranges.size() == 1) {
      var tolerance = new LinkedHashMap<String, Object>();
      tolerance.put("type", "range");
      tolerance.put(
          "range", List.of((long) ranges.getFirst().low(), (long) ranges.getFirst().high()));
      tolerance.put("target", "status");
      return tolerance;
    }
    var all = new ArrayList<Long>();
    for (StatusCodes.Range range : ranges) {
      for (int code = range.low(); code <= range.high(); code++) {
        all.add((long) code);
      }
    }
    return all;
  }

  private static Optional<Map<String, Object>> kubernetes(
      String id, String probe, Target target, Params with, String path, ExportLog log) {
    String condition = String.valueOf(with.values().getOrDefault("condition", "allReady"));
    Object percent = with.values().get("minReadyPercent");
    boolean everyPercent = percent == null || ((Number) percent).intValue() == 100;
    boolean allReady =
        probe.equals("k8s.ready")
            ? everyPercent
            : condition.equals("allReady")
                || condition.equals("minReadyPercent") && percent != null && everyPercent;
    if (!allReady || with.has("jq")) {
      log.warn(
          path,
          probe
              + " is left out: chaostoolkit-kubernetes probes check that all selected objects are"
              + " ready, not "
              + (with.has("jq")
                  ? "a jq condition"
                  : condition + " " + (percent == null ? "" : percent + "%")));
      return Optional.empty();
    }
    Optional<String> ns = TargetArgs.namespace(target, path, log);
    if (ns.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> activity;
    if (target.effectiveKind() == TargetKind.POD) {
      var args = new LinkedHashMap<String, Object>();
      args.put("label_selector", target.labelSelector());
      args.put("conditions", List.of(READY));
      args.put("ns", ns.get());
      args.put("raise_on_invalid_conditions", false);
      if (target.podName() != null) {
        log.warn(path, "pods_in_conditions selects by label only: the name regex is not kept");
      }
      activity = Activities.python(PROBE, id, POD_PROBES, "pods_in_conditions", args);
    } else if (target.effectiveKind() == TargetKind.DEPLOYMENT
        && TargetArgs.literalName(target.podName()).isPresent()) {
      var args = new LinkedHashMap<String, Object>();
      args.put("name", TargetArgs.literalName(target.podName()).get());
      args.put("ns", ns.get());
      if (target.labelSelector() != null) {
        args.put("label_selector", target.labelSelector());
      }
      args.put("raise_on_unavailable", false);
      activity =
          Activities.python(PROBE, id, DEPLOYMENT_PROBES, "deployment_available_and_healthy", args);
    } else {
      log.warn(
          path,
          probe
              + " is left out: chaostoolkit-kubernetes checks "
              + target.effectiveKind().keyword()
              + " readiness only for one deployment named exactly (podName without regex)");
      return Optional.empty();
    }
    if (probe.equals("k8s.ready")) {
      log.warn(
          path,
          "k8s.ready waits up to its timeout for readiness; the Chaos Toolkit probe checks once");
    }
    activity.put("tolerance", true);
    return Optional.of(activity);
  }
}
