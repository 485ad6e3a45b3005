package dev.faultline.cluster.catalog;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads ConfigMaps that carry the catalog's label as versions, sorting out those that cannot be
 * read (missing or bad labels, no experiment data) as problems instead of failing the whole list.
 */
final class StoredVersions {
  private final List<CatalogVersion> versions = new ArrayList<>();
  private final List<CatalogProblem> problems = new ArrayList<>();

  private StoredVersions() {}

  static StoredVersions of(List<ConfigMap> configMaps) {
    var stored = new StoredVersions();
    configMaps.forEach(stored::add);
    stored.versions.sort(
        java.util.Comparator.comparing(CatalogVersion::name)
            .thenComparingInt(CatalogVersion::version));
    return stored;
  }

  List<CatalogVersion> versions() {
    return versions;
  }

  List<CatalogProblem> problems() {
    return problems;
  }

  private void add(ConfigMap configMap) {
    ObjectMeta meta = configMap.getMetadata();
    String name = meta.getName();
    Map<String, String> labels = orEmpty(meta.getLabels());
    Map<String, String> notes = orEmpty(meta.getAnnotations());
    String key = labels.get(CatalogLabels.EXPERIMENT);
    if (!CatalogLabels.FAULTLINE.equals(labels.get(CatalogLabels.MANAGED_BY))) {
      problems.add(
          new CatalogProblem(
              name,
              "has the label "
                  + CatalogLabels.EXPERIMENT
                  + " but is not managed by Faultline ("
                  + CatalogLabels.MANAGED_BY
                  + " is not \"faultline\"); left alone"));
      return;
    }
    String versionText = labels.get(CatalogLabels.VERSION);
    int version = parseVersion(versionText);
    if (version < 1) {
      problems.add(
          new CatalogProblem(
              name,
              "label "
                  + CatalogLabels.VERSION
                  + " is "
                  + (versionText == null ? "missing" : "\"" + versionText + "\"")
                  + "; expected a version number 1, 2, …"));
      return;
    }
    String experimentName = notes.getOrDefault(CatalogLabels.NAME, key);
    if (!CatalogLabels.key(experimentName).equals(key)) {
      problems.add(
          new CatalogProblem(
              name,
              "annotation "
                  + CatalogLabels.NAME
                  + " \""
                  + experimentName
                  + "\" does not match label "
                  + CatalogLabels.EXPERIMENT
                  + " \""
                  + key
                  + "\""));
      return;
    }
    if (configMap.getData() == null || !configMap.getData().containsKey(CatalogLabels.DATA_KEY)) {
      problems.add(new CatalogProblem(name, "has no data key \"" + CatalogLabels.DATA_KEY + "\""));
      return;
    }
    versions.add(
        new CatalogVersion(
            experimentName,
            version,
            name,
            notes.get(CatalogLabels.DESCRIPTION),
            notes.get(CatalogLabels.SAVED_BY),
            parseInstant(notes.get(CatalogLabels.SAVED_AT), meta.getCreationTimestamp()),
            notes.get(CatalogLabels.MESSAGE),
            tags(notes.get(CatalogLabels.TAGS)),
            notes.get(CatalogLabels.CONTENT_SHA256)));
  }

  /** The version of one ConfigMap read on its own (open), or the reason it cannot be read. */
  static CatalogVersion single(ConfigMap configMap) throws CatalogException {
    StoredVersions stored = of(List.of(configMap));
    if (!stored.problems.isEmpty()) {
      throw new CatalogException(stored.problems.getFirst().toString());
    }
    return stored.versions.getFirst();
  }

  private static int parseVersion(String text) {
    if (text == null || !text.matches("[1-9][0-9]{0,8}")) {
      return -1;
    }
    return Integer.parseInt(text);
  }

  private static Instant parseInstant(String text, String fallback) {
    for (String candidate : new String[] {text, fallback}) {
      if (candidate != null) {
        try {
          return Instant.parse(candidate);
        } catch (DateTimeParseException e) {
          // try the creation timestamp next
        }
      }
    }
    return null;
  }

  private static List<String> tags(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
