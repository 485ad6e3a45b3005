package dev.faultline.export.chaostoolkit;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ImportException;
import dev.faultline.format.DocMap;
import dev.faultline.format.DocNode;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.Extras;
import dev.faultline.model.Params;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the provider of one Chaos Toolkit activity to an attack or probe of ours: the
 * chaostoolkit-kubernetes functions the exporter writes, kubectl scale, and http providers.
 * Anything else becomes a warning with its position.
 */
final class ProviderReader {
  private static final Pattern PKILL =
      Pattern.compile("pkill -([A-Z0-9]+) -f (?:'((?:[^']|'\"'\"')*)'|(\\S+))");
  private static final Pattern KUBECTL_SCALE =
      Pattern.compile(
          "scale (deployment|statefulset) (?:-l (?:'([^']*)'|(\\S+))|--all|([a-z0-9.-]+))"
              + " -n (\\S+) --replicas=(\\d+|\\$\\{[A-Za-z0-9_]+})");

  /** What {@link ContextSecrets} puts before a kubectl command: {@code --context NAME}. */
  private static final Pattern KUBECTL_CONTEXT =
      Pattern.compile("--context (?:'((?:[^']|'\"'\"')*)'|(\\S+)) (.*)", Pattern.DOTALL);

  private static final String DEFAULT_STATUS = "200-299";

  /** What an activity's provider is in our terms. */
  sealed interface Reading permits Attack, Probe, Undo, Unknown {}

  record Attack(String attack, Target target, Params with) implements Reading {}

  record Probe(String probe, Target target, Params with) implements Reading {}

  /** The undo of one of our attacks (SIGCONT, uncordon, scale back): the attack rolls back. */
  record Undo() implements Reading {}

  record Unknown() implements Reading {}

  private final List<ConversionWarning> warnings;
  private final Map<String, String> contextScopes;

  /**
   * @param contextScopes the experiment's secret scopes that hold only {@code KUBERNETES_CONTEXT},
   *     to the context each names
   */
  ProviderReader(List<ConversionWarning> warnings, Map<String, String> contextScopes) {
    this.warnings = warnings;
    this.contextScopes = contextScopes;
  }

  Reading read(DocMap activity, String path) throws ImportException {
    String providerPath = Nodes.join(path, "provider");
    DocNode providerNode =
        activity
            .get("provider")
            .orElseThrow(
                () ->
                    new ImportException(
                        "an activity needs a 'provider'",
                        path,
                        activity.line(),
                        activity.column()));
    DocMap provider = Nodes.map(providerNode, providerPath);
    String type = Nodes.requiredString(provider, "type", providerPath);
    return switch (type) {
      case "python" ->
          inContext(
              python(activity, provider, providerPath), secretContext(provider, providerPath));
      case "process" -> process(provider, providerPath);
      case "http" -> http(activity, provider, providerPath);
      default ->
          throw new ImportException(
              "provider type must be python, process or http, not '" + type + "'",
              Nodes.join(providerPath, "type"),
              provider.line(),
              provider.column());
    };
  }

  /**
   * The context of the first secret scope the provider names that {@link ContextSecrets} wrote;
   * {@code null} for none. Other scopes are not imported.
   */
  private String secretContext(DocMap provider, String path) throws ImportException {
    if (!provider.has("secrets")) {
      return null;
    }
    String context = null;
    for (DocNode scope : Nodes.list(provider.get("secrets").get(), Nodes.join(path, "secrets"))) {
      String name = Nodes.string(scope, Nodes.join(path, "secrets"));
      if (contextScopes.containsKey(name) && context == null) {
        context = contextScopes.get(name);
      } else {
        warnings.add(
            Nodes.warning(
                scope,
                Nodes.join(path, "secrets"),
                "the secret scope '" + name + "' is not imported"));
      }
    }
    return context;
  }

  /** {@code reading} acting in {@code context}: its target lives there. */
  private static Reading inContext(Reading reading, String context) {
    if (context == null) {
      return reading;
    }
    return switch (reading) {
      case Attack a when a.target() != null ->
          new Attack(a.attack(), a.target().withContext(context), a.with());
      case Probe p when p.target() != null ->
          new Probe(p.probe(), p.target().withContext(context), p.with());
      default -> reading;
    };
  }

  private Reading python(DocMap activity, DocMap provider, String path) throws ImportException {
    String module = Nodes.requiredString(provider, "module", path);
    String func = Nodes.requiredString(provider, "func", path);
    Map<String, Object> args = arguments(provider);
    String function = module + "." + func;
    if (function.startsWith(ProbeActivities.POD_PROBES)
        || function.startsWith(ProbeActivities.DEPLOYMENT_PROBES)) {
      Object tolerance = Nodes.plain(activity, "tolerance");
      if (tolerance != null && !Boolean.TRUE.equals(tolerance)) {
        return unknown(provider, path, function + " with a tolerance other than true");
      }
    }
    return switch (function) {
      case "chaosk8s.pod.actions.terminate_pods" -> {
        var with = new LinkedHashMap<String, Object>();
        if (args.get("grace_period") instanceof Number grace) {
          // Seconds.span keeps a part second (1.5 → 1500ms) where longValue() would drop it.
          Seconds.span(grace).ifPresent(span -> with.put("gracePeriod", span.toString()));
        }
        yield new Attack("k8s.pod.delete", pods(args, provider, path), Params.of(with));
      }
      case "chaosk8s.pod.actions.exec_in_pods" -> execInPods(args, provider, path);
      case "chaosk8s.deployment.actions.scale_deployment" ->
          scaleByName(TargetKind.DEPLOYMENT, args, provider, path);
      case "chaosk8s.statefulset.actions.scale_statefulset" ->
          scaleByName(TargetKind.STATEFUL_SET, args, provider, path);
      case "chaosk8s.node.actions.drain_nodes" -> drain(args, provider, path);
      case "chaosk8s.node.actions.uncordon_node" -> new Undo();
      case "chaosk8s.pod.probes.pods_in_conditions" -> {
        if (!List.of(ProbeActivities.READY).equals(args.get("conditions"))) {
          yield unknown(provider, path, function + " with conditions other than Ready");
        }
        Target target = namespaced(TargetKind.POD, args).build();
        yield new Probe("k8s.state", target, Params.of(Map.of("condition", "allReady")));
      }
      case "chaosk8s.deployment.probes.deployment_available_and_healthy" -> {
        if (!(args.get("name") instanceof String name)) {
          yield unknown(provider, path, function + " without a name");
        }
        Target target = namespaced(TargetKind.DEPLOYMENT, args).podName(escape(name)).build();
        yield new Probe("k8s.state", target, Params.of(Map.of("condition", "allReady")));
      }
      default -> unknown(provider, path, "the Python function " + function);
    };
  }

  private Reading execInPods(Map<String, Object> args, DocMap provider, String path)
      throws ImportException {
    Matcher m = PKILL.matcher(String.valueOf(args.get("cmd")));
    if (!m.matches()) {
      return unknown(provider, path, "exec_in_pods with the command '" + args.get("cmd") + "'");
    }
    String signal = "SIG" + m.group(1);
    if (signal.equals("SIGCONT") && Boolean.TRUE.equals(args.get("all"))) {
      return new Undo();
    }
    String process = m.group(2) != null ? m.group(2).replace("'\"'\"'", "'") : m.group(3);
    Target target = pods(args, provider, path);
    if (args.get("container_name") instanceof String container) {
      target = target.toBuilder().containers(List.of(escape(container))).build();
    }
    var with = new LinkedHashMap<String, Object>();
    with.put("signal", signal);
    with.put("process", process);
    return new Attack("process.signal", target, Params.of(with));
  }

  private Reading scaleByName(
      TargetKind kind, Map<String, Object> args, DocMap provider, String path) {
    if (!(args.get("name") instanceof String name) || !(args.get("replicas") instanceof Long n)) {
      return unknown(provider, path, "scaling without a name and a number of replicas");
    }
    Target target = namespaced(kind, args).podName(escape(name)).build();
    return new Attack("k8s.deployment.scale", target, Params.of(Map.of("replicas", n)));
  }

  private Reading drain(Map<String, Object> args, DocMap provider, String path)
      throws ImportException {
    var target = Target.pods("", null).toBuilder().kind(TargetKind.NODE).namespaces(List.of());
    if (args.get("label_selector") instanceof String selector) {
      target.labelSelector(selector);
    }
    if (args.get("name") instanceof String name) {
      target.podName(escape(name));
    }
    if (args.get("count") instanceof Long count) {
      target.blastRadius(
          count == 1
              ? BlastRadius.of(BlastRadius.Mode.ONE, null)
              : BlastRadius.of(
                  BlastRadius.Mode.COUNT, intArgument(count, "count", provider, path)));
    }
    var with = new LinkedHashMap<String, Object>();
    if (Boolean.TRUE.equals(args.get("delete_pods_with_local_storage"))) {
      with.put("deleteEmptyDirData", true);
    }
    return new Attack("k8s.node.drain", target.build(), Params.of(with));
  }

  private Reading process(DocMap provider, String path) throws ImportException {
    String executable = Nodes.requiredString(provider, "path", path);
    Object arguments = Nodes.plain(provider, "arguments");
    String command = arguments instanceof String s ? s : "";
    String context = null;
    Matcher inContext = KUBECTL_CONTEXT.matcher(command);
    if (executable.equals("kubectl") && inContext.matches()) {
      context =
          inContext.group(1) != null
              ? inContext.group(1).replace("'\"'\"'", "'")
              : inContext.group(2);
      command = inContext.group(3);
    }
    Matcher m = KUBECTL_SCALE.matcher(command);
    if (!executable.equals("kubectl") || !m.matches()) {
      return unknown(
          provider,
          path,
          "the process '" + executable + (arguments == null ? "" : " " + arguments) + "'");
    }
    if (m.group(6).startsWith("$")) {
      return new Undo();
    }
    var target =
        Target.pods(m.group(5), null).toBuilder()
            .kind(
                m.group(1).equals("deployment") ? TargetKind.DEPLOYMENT : TargetKind.STATEFUL_SET);
    String selector = m.group(2) != null ? m.group(2) : m.group(3);
    target.labelSelector(selector);
    if (m.group(4) != null) {
      target.podName(escape(m.group(4)));
    }
    return inContext(
        new Attack(
            "k8s.deployment.scale",
            target.build(),
            Params.of(Map.of("replicas", replicas(m.group(6), provider, path)))),
        context);
  }

  private Reading http(DocMap activity, DocMap provider, String path) throws ImportException {
    var with = new LinkedHashMap<String, Object>();
    with.put("url", Nodes.requiredString(provider, "url", path));
    Nodes.optionalString(provider, "method", path)
        .map(String::toUpperCase)
        .filter(m -> !m.equals("GET"))
        .ifPresent(m -> with.put("method", m));
    if (Nodes.plain(provider, "headers") instanceof Map<?, ?> headers) {
      with.put("headers", headers);
    }
    if (Nodes.plain(provider, "timeout") instanceof Number seconds) {
      Seconds.span(seconds)
          .filter(t -> !t.text().equals(ProbeActivities.DEFAULT_HTTP_TIMEOUT))
          .ifPresent(t -> with.put("timeout", t.text()));
    }
    if (Boolean.FALSE.equals(Nodes.plain(provider, "verify_tls"))) {
      with.put("insecureSkipVerify", true);
    }
    if (provider.has("arguments")) {
      DocNode at = provider.get("arguments").orElseThrow();
      warnings.add(
          Nodes.warning(
              at, Nodes.join(path, "arguments"), "the request arguments are not imported"));
    }
    activity
        .get("tolerance")
        .ifPresent(
            t ->
                tolerance(t, Nodes.join(path.replaceFirst("\\.provider$", ""), "tolerance"), with));
    // 2xx is the default of http.check: leaving it out keeps round trips equal.
    with.remove("expectStatus", DEFAULT_STATUS);
    return new Probe("http.check", null, Params.of(with));
  }

  /** Status codes or a jsonpath comparison; other tolerances are reported. */
  private void tolerance(DocNode node, String path, Map<String, Object> with) {
    Object tolerance = node.toPlain();
    switch (tolerance) {
      case Long code -> with.put("expectStatus", String.valueOf(code));
      case List<?> codes when !codes.isEmpty() && codes.stream().allMatch(Long.class::isInstance) ->
          with.put("expectStatus", String.join(",", codes.stream().map(String::valueOf).toList()));
      case Map<?, ?> map
          when "range".equals(map.get("type"))
              && "status".equals(map.get("target"))
              && map.get("range") instanceof List<?> r
              && r.size() == 2
              && r.get(0) instanceof Long lo
              && r.get(1) instanceof Long hi ->
          with.put("expectStatus", lo + "-" + hi);
      case Map<?, ?> map
          when "jsonpath".equals(map.get("type"))
              && map.get("path") instanceof String jsonPath
              && JqPaths.fromJsonPath(jsonPath, map.get("expect")).isPresent() ->
          with.put("jq", JqPaths.fromJsonPath(jsonPath, map.get("expect")).get().jq());
      default ->
          warnings.add(
              Nodes.warning(
                  node,
                  path,
                  "this tolerance has no Faultline counterpart; the check expects a 2xx status"));
    }
  }

  private Reading unknown(DocMap provider, String path, String what) {
    warnings.add(
        Nodes.warning(
            provider, path, what + " has no Faultline counterpart; the activity is not imported"));
    return new Unknown();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> arguments(DocMap provider) {
    return Nodes.plain(provider, "arguments") instanceof Map<?, ?> map
        ? (Map<String, Object>) map
        : Map.of();
  }

  private static Target.Builder namespaced(TargetKind kind, Map<String, Object> args) {
    String ns = args.get("ns") instanceof String s ? s : "default";
    var target = Target.pods(ns, null).toBuilder().kind(kind == TargetKind.POD ? null : kind);
    if (args.get("label_selector") instanceof String selector) {
      target.labelSelector(selector);
    }
    return target;
  }

  /** The pods a chaosk8s pod function selects, with how many of them. */
  private Target pods(Map<String, Object> args, DocMap provider, String path)
      throws ImportException {
    var target = namespaced(TargetKind.POD, args);
    if (args.get("name_pattern") instanceof String pattern) {
      Matcher anchored = Pattern.compile("\\^\\(\\?:(.*)\\)\\$").matcher(pattern);
      // chaosk8s finds the pattern anywhere in the name (re.search); ours must match it all.
      target.podName(anchored.matches() ? anchored.group(1) : ".*(?:" + pattern + ").*");
    }
    boolean all = Boolean.TRUE.equals(args.get("all"));
    int qty = args.get("qty") instanceof Long q ? intArgument(q, "qty", provider, path) : 1;
    boolean percentage = "percentage".equals(args.get("mode"));
    if (!all) {
      if (!Boolean.TRUE.equals(args.get("rand"))) {
        warnings.add(
            Nodes.warning(
                provider,
                Nodes.join(path, "arguments"),
                "chaosk8s takes the first pods in "
                    + (args.get("order") == null ? "alphabetic" : args.get("order"))
                    + " order without rand; Faultline picks them at random"));
      }
      target.blastRadius(
          percentage
              ? BlastRadius.percent(qty)
              : qty == 1
                  ? BlastRadius.of(BlastRadius.Mode.ONE, null)
                  : BlastRadius.of(BlastRadius.Mode.COUNT, qty));
    }
    return target.extras(Extras.NONE).build();
  }

  /** A count argument as an int; an ImportException at the arguments when it does not fit. */
  private static int intArgument(long value, String key, DocMap provider, String path)
      throws ImportException {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw tooLarge(
          String.valueOf(value), Nodes.join(Nodes.join(path, "arguments"), key), provider);
    }
    return (int) value;
  }

  /** The replica count of a kubectl scale command line. */
  private static long replicas(String digits, DocMap provider, String path) throws ImportException {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw tooLarge(digits, Nodes.join(path, "arguments"), provider);
    }
  }

  private static ImportException tooLarge(String number, String at, DocMap provider) {
    DocNode node = provider.get("arguments").orElse(provider);
    return new ImportException(
        "'" + at + "': the number " + number + " is too large", at, node.line(), node.column());
  }

  /** A regex that matches exactly this name. */
  static String escape(String name) {
    return name.replace(".", "\\.");
  }
}
