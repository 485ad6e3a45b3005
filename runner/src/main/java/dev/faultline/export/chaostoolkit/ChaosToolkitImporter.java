package dev.faultline.export.chaostoolkit;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ImportException;
import dev.faultline.export.ImportResult;
import dev.faultline.export.Importer;
import dev.faultline.format.DocMap;
import dev.faultline.format.DocNode;
import dev.faultline.layout.LayeredLayout;
import dev.faultline.layout.NodeSize;
import dev.faultline.model.Experiment;
import dev.faultline.model.Layout;
import dev.faultline.model.Metadata;
import dev.faultline.model.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Chaos Toolkit experiment (JSON or YAML): the activities the exporter writes come back as
 * our attacks and probes, the method order as a chain of {@code after}, background activities as
 * parallel branches, pauses as waits, and the steady-state hypothesis as probes before and after
 * the method (as chaoslib checks it) or as continuous probes when the runtime strategy checks it
 * during the method. What has no counterpart is a warning with its line and column.
 */
public final class ChaosToolkitImporter implements Importer {
  @Override
  public String formatName() {
    return "Chaos Toolkit experiment";
  }

  @Override
  public boolean accepts(DocNode root) {
    return root instanceof DocMap map
        && (map.has("title") && map.has("method") || map.has("steady-state-hypothesis"));
  }

  @Override
  public ImportResult read(DocNode root, String sourceName) throws ImportException {
    DocMap doc = Nodes.map(root, "");
    var warnings = new ArrayList<ConversionWarning>();
    String title = Nodes.requiredString(doc, "title", "");
    String description = Nodes.optionalString(doc, "description", "").orElse(null);
    Map<String, String> contextScopes = contextScopes(doc, warnings);
    for (String key : List.of("controls", "extensions", "contributions")) {
      doc.entry(key)
          .ifPresent(
              e ->
                  warnings.add(
                      new ConversionWarning(
                          key,
                          e.keyLine(),
                          e.keyColumn(),
                          key + " are not imported; Faultline has no counterpart")));
    }
    var graph = new MethodGraph(warnings, contextScopes);
    graph.read(doc);
    configuration(doc, graph, warnings);
    var spec = new Spec(null, null, graph.targets(), graph.steps(), graph.continuous(), null);
    var experiment =
        new Experiment(
            new Metadata(name(title, sourceName), description, labels(doc, warnings), null),
            spec,
            null,
            null);
    var positions = new LayeredLayout().layout(experiment, NodeSize.STANDARD);
    return new ImportResult(experiment.withLayout(new Layout(positions)), formatName(), warnings);
  }

  /**
   * The secret scopes that hold only a {@code KUBERNETES_CONTEXT} (as {@link ContextSecrets} writes
   * them), to that context: the activities naming one act in that cluster. Other secrets are not
   * imported.
   */
  private static Map<String, String> contextScopes(DocMap doc, List<ConversionWarning> warnings)
      throws ImportException {
    var scopes = new LinkedHashMap<String, String>();
    if (doc.entry("secrets").isEmpty()) {
      return scopes;
    }
    DocMap.Entry secrets = doc.entry("secrets").get();
    boolean others = false;
    for (DocMap.Entry scope : Nodes.map(secrets.value(), "secrets").entries()) {
      if (scope.value() instanceof DocMap keys
          && keys.entries().size() == 1
          && Nodes.plain(keys, ContextSecrets.KEY) instanceof String context
          && !context.isBlank()) {
        scopes.put(scope.key(), context);
      } else {
        others = true;
      }
    }
    if (others) {
      warnings.add(
          new ConversionWarning(
              "secrets",
              secrets.keyLine(),
              secrets.keyColumn(),
              (scopes.isEmpty() ? "secrets are" : "secrets other than kubeconfig contexts are")
                  + " not imported; Faultline has no counterpart"));
    }
    return scopes;
  }

  /**
   * Configuration is not imported; only the replica counts our own scale rollbacks read (which
   * Faultline records itself when it scales) go without a warning.
   */
  private static void configuration(DocMap doc, MethodGraph graph, List<ConversionWarning> warnings)
      throws ImportException {
    if (doc.get("configuration").isEmpty()) {
      return;
    }
    var ours = new java.util.HashSet<String>();
    graph.steps().stream()
        .filter(
            s ->
                s instanceof dev.faultline.model.AttackStep a
                    && a.attack().equals("k8s.deployment.scale"))
        .forEach(s -> ours.add(s.id().replaceAll("[^A-Za-z0-9]", "_") + "_replicas"));
    for (DocMap.Entry entry :
        Nodes.map(doc.get("configuration").get(), "configuration").entries()) {
      if (!ours.contains(entry.key())) {
        warnings.add(
            new ConversionWarning(
                "configuration." + entry.key(),
                entry.keyLine(),
                entry.keyColumn(),
                "configuration is not imported; activities that refer to ${"
                    + entry.key()
                    + "} keep the reference as text"));
      }
    }
  }

  /** The title as a DNS name ({@code Check file is there} → {@code check-file-is-there}). */
  static String name(String title, String sourceName) {
    String slug = slug(title);
    if (slug.isEmpty()) {
      slug = slug(sourceName.replaceFirst("\\.[^.]*$", ""));
    }
    return slug.isEmpty() ? "imported" : slug;
  }

  static String slug(String text) {
    String slug =
        text.toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9.]+", "-")
            .replaceAll("^[-.]+|[-.]+$", "");
    return slug.length() > 63 ? slug.substring(0, 63).replaceAll("[-.]+$", "") : slug;
  }

  private static Map<String, String> labels(DocMap doc, List<ConversionWarning> warnings)
      throws ImportException {
    var labels = new LinkedHashMap<String, String>();
    if (doc.get("tags").isEmpty()) {
      return labels;
    }
    for (DocNode tag : Nodes.list(doc.get("tags").get(), "tags")) {
      String text = Nodes.string(tag, "tags");
      int eq = text.indexOf('=');
      if (eq > 0) {
        labels.put(text.substring(0, eq), text.substring(eq + 1));
      } else {
        labels.put("tag-" + slug(text), "true");
        warnings.add(
            Nodes.warning(
                tag,
                "tags",
                "the tag '" + text + "' becomes the label tag-" + slug(text) + ": true"));
      }
    }
    return labels;
  }
}
