package dev.faultline.export.chaostoolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a Chaos Toolkit experiment (as plain data) for the keys and shapes chaoslib requires
 * before it runs anything (external-formats.md §4.2): title, description, a method list, a
 * hypothesis title and a tolerance of a known form on each of its probes, activities with type,
 * name and a python, process or http provider with its required fields; secret scopes of inline
 * strings, and providers that name only scopes the experiment declares. Returns the problems, each
 * naming where it is; empty means the document has the required structure.
 */
final class ChaosToolkitStructure {
  private final List<String> problems = new ArrayList<>();
  private final java.util.Set<Object> scopes = new java.util.HashSet<>();

  private ChaosToolkitStructure() {}

  static List<String> check(Object document) {
    var checker = new ChaosToolkitStructure();
    checker.experiment(document);
    return checker.problems;
  }

  private void experiment(Object document) {
    if (!(document instanceof Map<?, ?> doc)) {
      problems.add("the experiment must be a mapping");
      return;
    }
    nonEmptyString(doc, "title", "");
    nonEmptyString(doc, "description", "");
    if (doc.containsKey("secrets")) {
      secrets(doc.get("secrets"));
    }
    if (!(doc.get("method") instanceof List<?> method)) {
      problems.add("method: required list");
    } else {
      activities(method, "method", false);
    }
    if (doc.containsKey("rollbacks")) {
      if (doc.get("rollbacks") instanceof List<?> rollbacks) {
        activities(rollbacks, "rollbacks", false);
      } else {
        problems.add("rollbacks: must be a list");
      }
    }
    if (doc.get("tags") instanceof List<?> tags) {
      tags.stream()
          .filter(t -> !(t instanceof String s) || s.isEmpty())
          .forEach(t -> problems.add("tags: '" + t + "' is not a non-empty string"));
    }
    Object ssh = doc.get("steady-state-hypothesis");
    if (ssh != null) {
      if (!(ssh instanceof Map<?, ?> hypothesis)) {
        problems.add("steady-state-hypothesis: must be a mapping");
      } else {
        nonEmptyString(hypothesis, "title", "steady-state-hypothesis.");
        if (hypothesis.get("probes") instanceof List<?> probes) {
          activities(probes, "steady-state-hypothesis.probes", true);
        } else if (hypothesis.containsKey("probes")) {
          problems.add("steady-state-hypothesis.probes: must be a list");
        }
      }
    }
    if (doc.get("runtime") instanceof Map<?, ?> runtime
        && runtime.get("hypothesis") instanceof Map<?, ?> h
        && h.containsKey("strategy")
        && !List.of(
                "default",
                "before-method-only",
                "after-method-only",
                "during-method-only",
                "continuous",
                "skip")
            .contains(h.get("strategy"))) {
      problems.add("runtime.hypothesis.strategy: unknown '" + h.get("strategy") + "'");
    }
  }

  private void activities(List<?> list, String path, boolean needTolerance) {
    for (int i = 0; i < list.size(); i++) {
      String at = path + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> activity)) {
        problems.add(at + ": an activity must be a mapping");
        continue;
      }
      if (activity.containsKey("ref")) {
        continue;
      }
      if (!List.of("probe", "action").contains(activity.get("type"))) {
        problems.add(at + ".type: must be probe or action, not " + activity.get("type"));
      }
      nonEmptyString(activity, "name", at + ".");
      if (activity.containsKey("background") && !(activity.get("background") instanceof Boolean)) {
        problems.add(at + ".background: must be a boolean");
      }
      if (activity.get("pauses") instanceof Map<?, ?> pauses) {
        pauses.forEach(
            (k, v) -> {
              if (!List.of("before", "after").contains(k)
                  || !(v instanceof Number n)
                  || n.doubleValue() < 0) {
                problems.add(at + ".pauses." + k + ": must be before/after with seconds ≥ 0");
              }
            });
      }
      provider(activity.get("provider"), at + ".provider");
      if (needTolerance) {
        if (!activity.containsKey("tolerance")) {
          problems.add(at + ": a hypothesis probe needs a tolerance");
        } else {
          tolerance(activity.get("tolerance"), at + ".tolerance");
        }
      } else if (activity.containsKey("tolerance")) {
        tolerance(activity.get("tolerance"), at + ".tolerance");
      }
    }
  }

  private void secrets(Object secrets) {
    if (!(secrets instanceof Map<?, ?> all)) {
      problems.add("secrets: must be a mapping");
      return;
    }
    all.forEach(
        (scope, keys) -> {
          scopes.add(scope);
          if (!(keys instanceof Map<?, ?> map)
              || !map.values().stream().allMatch(v -> v instanceof String)) {
            problems.add("secrets." + scope + ": must map names to strings");
          }
        });
  }

  private void provider(Object value, String at) {
    if (!(value instanceof Map<?, ?> provider)) {
      problems.add(at + ": required mapping");
      return;
    }
    switch (String.valueOf(provider.get("type"))) {
      case "python" -> {
        nonEmptyString(provider, "module", at + ".");
        nonEmptyString(provider, "func", at + ".");
        if (provider.containsKey("arguments") && !(provider.get("arguments") instanceof Map)) {
          problems.add(at + ".arguments: must be a mapping for python providers");
        }
        if (provider.containsKey("secrets")
            && !(provider.get("secrets") instanceof List<?> named && scopes.containsAll(named))) {
          problems.add(at + ".secrets: must list secret scopes the experiment declares");
        }
      }
      case "process" -> {
        nonEmptyString(provider, "path", at + ".");
        Object args = provider.get("arguments");
        if (args != null && !(args instanceof String) && !(args instanceof List)) {
          problems.add(at + ".arguments: must be a string or a list");
        }
      }
      case "http" -> {
        nonEmptyString(provider, "url", at + ".");
        if (provider.containsKey("headers") && !(provider.get("headers") instanceof Map)) {
          problems.add(at + ".headers: must be a mapping");
        }
        if (provider.containsKey("timeout") && !(provider.get("timeout") instanceof Number)) {
          problems.add(at + ".timeout: must be a number of seconds");
        }
      }
      default -> problems.add(at + ".type: must be python, process or http");
    }
  }

  private void tolerance(Object tolerance, String at) {
    switch (tolerance) {
      case Boolean b -> {}
      case Long l -> {}
      case String s -> {}
      case List<?> list -> {
        if (list.isEmpty()) {
          problems.add(at + ": an empty list tolerates nothing");
        }
      }
      case Map<?, ?> map -> typedTolerance(map, at);
      case null, default -> problems.add(at + ": not a tolerance form: " + tolerance);
    }
  }

  private void typedTolerance(Map<?, ?> map, String at) {
    switch (String.valueOf(map.get("type"))) {
      case "range" -> {
        if (!(map.get("range") instanceof List<?> r)
            || r.size() != 2
            || !(r.get(0) instanceof Number lo)
            || !(r.get(1) instanceof Number hi)
            || lo.doubleValue() > hi.doubleValue()) {
          problems.add(at + ".range: must be [low, high] numbers");
        }
      }
      case "regex" -> nonEmptyString(map, "pattern", at + ".");
      case "jsonpath" -> {
        if (!(map.get("path") instanceof String p) || !p.startsWith("$")) {
          problems.add(at + ".path: must be a JSONPath starting with $");
        }
      }
      case "probe" -> provider(map.get("provider"), at + ".provider");
      default -> problems.add(at + ".type: must be range, regex, jsonpath or probe");
    }
  }

  private void nonEmptyString(Map<?, ?> map, String key, String prefix) {
    if (!(map.get(key) instanceof String s) || s.isBlank()) {
      problems.add(prefix + key + ": required non-empty string");
    }
  }
}
