package dev.faultline.cluster.catalog;

import dev.faultline.cluster.ClusterErrors;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.validate.Suggestions;
import dev.faultline.validate.Validator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The experiments saved in one namespace of a cluster, one ConfigMap per version (layout in {@link
 * CatalogLabels}). Needs {@code get}, {@code list} and {@code create} on ConfigMaps there; nothing
 * is ever updated in place, so versions are immutable and concurrent saves cannot overwrite each
 * other: a save creates the next version's name, and when someone else created it first (409
 * Conflict) it reads the versions again and tries the next number. Blocking; call it off the UI
 * thread.
 */
public final class ExperimentCatalog {
  /** The API server refuses ConfigMaps whose data exceeds 1 MiB. */
  public static final int MAX_DATA_BYTES = 1024 * 1024;

  /** Annotations share a 256 KiB budget; descriptions and messages are cut to this many chars. */
  static final int MAX_NOTE_CHARS = 2000;

  private static final int MAX_ATTEMPTS = 20;
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private final KubernetesClient client;
  private final String namespace;
  private final String savedBy;
  private final Clock clock;

  /**
   * @param client the cluster
   * @param namespace where the catalog lives
   * @param savedBy who saves, for the {@link CatalogLabels#SAVED_BY} annotation
   * @param clock for {@link CatalogLabels#SAVED_AT}
   */
  public ExperimentCatalog(KubernetesClient client, String namespace, String savedBy, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.savedBy = Objects.requireNonNull(savedBy, "savedBy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A catalog that records this machine's user (and the kubeconfig user) as who saved. */
  public static ExperimentCatalog of(KubernetesClient client, String namespace) {
    return new ExperimentCatalog(client, namespace, Saver.describe(client), Clock.systemUTC());
  }

  public String namespace() {
    return namespace;
  }

  /**
   * Every experiment with its latest version, and the ConfigMaps that carry the catalog's label but
   * cannot be read.
   *
   * @throws CatalogException when the namespace cannot be read (missing, forbidden, unreachable)
   */
  public CatalogListing list() throws CatalogException {
    StoredVersions stored = StoredVersions.of(configMaps(null));
    if (stored.versions().isEmpty() && stored.problems().isEmpty()) {
      requireNamespace();
    }
    Map<String, List<CatalogVersion>> byName =
        stored.versions().stream()
            .collect(
                Collectors.groupingBy(CatalogVersion::name, TreeMap::new, Collectors.toList()));
    List<CatalogEntry> entries = new ArrayList<>();
    byName.forEach(
        (name, versions) -> entries.add(new CatalogEntry(versions.getLast(), versions.size())));
    return new CatalogListing(namespace, entries, stored.problems());
  }

  /**
   * Every version of one experiment, oldest first.
   *
   * @throws CatalogException when there is none, or the namespace cannot be read
   */
  public List<CatalogVersion> history(String name) throws CatalogException {
    List<CatalogVersion> versions = versionsOf(name);
    if (versions.isEmpty()) {
      throw noSuchExperiment(name);
    }
    return versions;
  }

  /** The latest version of {@code name}. */
  public OpenedExperiment open(String name) throws CatalogException {
    return read(history(name).getLast());
  }

  /** Version {@code version} of {@code name}. */
  public OpenedExperiment open(String name, int version) throws CatalogException {
    ConfigMap configMap;
    String configMapName = CatalogLabels.configMapName(name, version);
    try {
      configMap = client.configMaps().inNamespace(namespace).withName(configMapName).get();
    } catch (KubernetesClientException e) {
      throw failure("get", "experiment \"" + name + "\"", e);
    }
    if (configMap == null) {
      List<CatalogVersion> versions = history(name);
      throw new CatalogException(
          "experiment \""
              + name
              + "\" has no version "
              + version
              + " in namespace \""
              + namespace
              + "\" (versions: "
              + versions.stream()
                  .map(v -> String.valueOf(v.version()))
                  .collect(Collectors.joining(", "))
              + ")");
    }
    return read(configMap);
  }

  private OpenedExperiment read(CatalogVersion version) throws CatalogException {
    ConfigMap configMap;
    try {
      configMap = client.configMaps().inNamespace(namespace).withName(version.configMap()).get();
    } catch (KubernetesClientException e) {
      throw failure("get", "experiment \"" + version.name() + "\"", e);
    }
    if (configMap == null) {
      throw new CatalogException(
          "version "
              + version.version()
              + " of experiment \""
              + version.name()
              + "\" was deleted from namespace \""
              + namespace
              + "\" while it was being opened");
    }
    return read(configMap);
  }

  private OpenedExperiment read(ConfigMap configMap) throws CatalogException {
    CatalogVersion version = StoredVersions.single(configMap);
    String text = configMap.getData().get(CatalogLabels.DATA_KEY);
    var read = new ExperimentReader().read(text, Syntax.YAML).validated(Validator.standard());
    return new OpenedExperiment(namespace, version, text, read);
  }

  /**
   * Saves {@code experiment} as its next version. When the latest version holds the same content,
   * nothing is written and that version is returned.
   *
   * @param message why, shown in the history ({@code ""} for none)
   * @throws CatalogException for an experiment without a usable name or too big for a ConfigMap,
   *     and when the namespace cannot be written
   */
  public SaveResult save(Experiment experiment, String message) throws CatalogException {
    String name = experiment.metadata().name();
    checkName(name);
    String yaml = ExperimentFormat.write(experiment, Syntax.YAML);
    checkSize(name, yaml);
    String sha = CatalogLabels.sha256(yaml);
    int next = 0;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      List<CatalogVersion> versions = versionsOf(name);
      Optional<CatalogVersion> latest =
          versions.stream().max(Comparator.comparingInt(CatalogVersion::version));
      if (latest.isPresent() && latest.get().contentSha256().equals(sha)) {
        return new SaveResult(latest.get(), false);
      }
      next = Math.max(next + 1, latest.map(v -> v.version() + 1).orElse(1));
      ConfigMap configMap = configMap(experiment, yaml, sha, next, message);
      try {
        client.configMaps().inNamespace(namespace).resource(configMap).create();
        return new SaveResult(StoredVersions.single(configMap), true);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw failure("create", "experiment \"" + name + "\"", e);
        }
        // Someone saved version `next` first: read again and take the one after theirs.
      }
    }
    throw new CatalogException(
        "cannot save experiment \""
            + name
            + "\" in namespace \""
            + namespace
            + "\": "
            + MAX_ATTEMPTS
            + " versions in a row were taken by other saves; try again");
  }

  private ConfigMap configMap(
      Experiment experiment, String yaml, String sha, int version, String message) {
    String name = experiment.metadata().name();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(CatalogLabels.MANAGED_BY, CatalogLabels.FAULTLINE);
    labels.put(CatalogLabels.EXPERIMENT, CatalogLabels.key(name));
    labels.put(CatalogLabels.VERSION, String.valueOf(version));
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put(CatalogLabels.NAME, name);
    notes.put(CatalogLabels.SAVED_BY, savedBy);
    notes.put(CatalogLabels.SAVED_AT, clock.instant().toString());
    notes.put(CatalogLabels.MESSAGE, cut(message));
    notes.put(CatalogLabels.DESCRIPTION, cut(experiment.metadata().description()));
    notes.put(
        CatalogLabels.TAGS,
        experiment.metadata().labels().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(",")));
    notes.put(CatalogLabels.CONTENT_SHA256, sha);
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(CatalogLabels.configMapName(name, version))
        .withNamespace(namespace)
        .withLabels(labels)
        .withAnnotations(notes)
        .endMetadata()
        .withData(Map.of(CatalogLabels.DATA_KEY, yaml))
        .build();
  }

  private List<CatalogVersion> versionsOf(String name) throws CatalogException {
    return StoredVersions.of(configMaps(CatalogLabels.key(name))).versions().stream()
        .filter(v -> v.name().equals(name))
        .toList();
  }

  private List<ConfigMap> configMaps(String key) throws CatalogException {
    try {
      var configMaps = client.configMaps().inNamespace(namespace);
      return (key == null
              ? configMaps.withLabel(CatalogLabels.EXPERIMENT)
              : configMaps.withLabel(CatalogLabels.EXPERIMENT, key))
          .list()
          .getItems();
    } catch (KubernetesClientException e) {
      throw failure("list", "experiments", e);
    }
  }

  /**
   * A list in a namespace that does not exist is empty, not an error, on a real API server: ask for
   * the namespace so that a typo is not shown as an empty catalog. Users who may not read
   * namespaces get the empty list.
   */
  private void requireNamespace() throws CatalogException {
    try {
      if (client.namespaces().withName(namespace).get() == null) {
        throw new CatalogException("namespace \"" + namespace + "\" does not exist");
      }
    } catch (KubernetesClientException e) {
      // Forbidden or unsupported: the empty list stands.
    }
  }

  private CatalogException noSuchExperiment(String name) throws CatalogException {
    List<String> names = list().entries().stream().map(CatalogEntry::name).toList();
    return new CatalogException(
        "no experiment \""
            + name
            + "\" in namespace \""
            + namespace
            + "\""
            + Suggestions.closest(name, names)
                .map(n -> "; did you mean \"" + n + "\"?")
                .orElse(""));
  }

  private void checkName(String name) throws CatalogException {
    if (name == null || name.isBlank()) {
      throw new CatalogException(
          "the experiment has no metadata.name; the catalog stores experiments by name");
    }
    if (!DNS_SUBDOMAIN.matcher(name).matches()) {
      throw new CatalogException(
          "metadata.name \""
              + name
              + "\" cannot name a catalog entry: use lower-case letters, digits, '-' and '.',"
              + " starting and ending with a letter or digit");
    }
  }

  private void checkSize(String name, String yaml) throws CatalogException {
    int bytes = yaml.getBytes(StandardCharsets.UTF_8).length + CatalogLabels.DATA_KEY.length();
    if (bytes > MAX_DATA_BYTES) {
      throw new CatalogException(
          String.format(
              java.util.Locale.ROOT,
              "experiment \"%s\" is %,d bytes as YAML; a ConfigMap holds at most 1 MiB (%,d bytes),"
                  + " so it cannot be saved to namespace \"%s\": keep it in a file or split it",
              name,
              bytes,
              MAX_DATA_BYTES,
              namespace));
    }
  }

  private static String cut(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= MAX_NOTE_CHARS ? text : text.substring(0, MAX_NOTE_CHARS - 1) + "…";
  }

  private CatalogException failure(String verb, String what, KubernetesClientException e) {
    String server = String.valueOf(client.getMasterUrl());
    if (e.getCode() == 404 && verb.equals("create")) {
      return new CatalogException(
          "cannot create "
              + what
              + " in namespace \""
              + namespace
              + "\": the namespace does not"
              + " exist",
          e);
    }
    return new CatalogException(
        "cannot "
            + verb
            + " "
            + what
            + " in namespace \""
            + namespace
            + "\": "
            + ClusterErrors.explain("", server, e).message(),
        e);
  }
}
