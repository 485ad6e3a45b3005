package dev.faultline.export.chaostoolkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kubeconfig context of each activity of a multi-cluster experiment, as the Chaos Toolkit can
 * say it. chaostoolkit-kubernetes functions read {@code KUBERNETES_CONTEXT} from the secrets their
 * provider names, before the environment: so a Python activity names a secret scope {@code
 * kubernetes-CONTEXT} holding just that key. A {@code kubectl} process gets {@code --context}. An
 * HTTP provider fetches its URL from wherever {@code chaos run} runs, so its context cannot be kept
 * and is a warning. {@link ProviderReader} reads all of it back.
 */
final class ContextSecrets {
  /** The key chaostoolkit-kubernetes looks up in its secrets for the context to use. */
  static final String KEY = "KUBERNETES_CONTEXT";

  /** The start of the secret scopes this writes, one per context. */
  static final String SCOPE_PREFIX = "kubernetes-";

  private final Map<String, Object> secrets = new LinkedHashMap<>();
  private final ExportLog log;

  ContextSecrets(ExportLog log) {
    this.log = log;
  }

  /**
   * Points {@code activity} at {@code context}; {@code null} (the run's context) leaves it as it
   * is, on the current context of {@code chaos run}.
   */
  @SuppressWarnings("unchecked")
  void apply(Map<String, Object> activity, String context, String path) {
    if (context == null) {
      return;
    }
    var provider = (Map<String, Object>) activity.get("provider");
    switch (String.valueOf(provider.get("type"))) {
      case "python" -> {
        String scope = SCOPE_PREFIX + context;
        secrets.putIfAbsent(scope, Map.of(KEY, context));
        provider.put("secrets", List.of(scope));
      }
      case "process" ->
          provider.put(
              "arguments",
              "--context " + Activities.quote(context) + " " + provider.get("arguments"));
      default ->
          log.warn(
              path,
              activity.get("name")
                  + ": chaoslib's http provider fetches the URL from the machine that runs chaos,"
                  + " not through context '"
                  + context
                  + "'; the context is not kept");
    }
  }

  /** The experiment's {@code secrets}: a scope per context used; empty when none is. */
  Map<String, Object> secrets() {
    return secrets;
  }
}
