package dev.faultline.cluster;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds kubeconfig contexts the way kubectl does: the files named by {@code KUBECONFIG} (a list
 * separated like {@code PATH}; missing files are skipped) merged in order, the first file to define
 * a name winning; without {@code KUBECONFIG}, {@code ~/.kube/config}. Like {@code kubectl
 * --kubeconfig}, {@link #ofFiles} names the files explicitly instead; then a missing file is a
 * problem, not skipped silently.
 *
 * <p>Only reads: kubeconfig files are never written. Reads files, so call it off the UI thread. The
 * environment and home directory are injected, so tests never touch the real {@code ~/.kube}.
 */
public final class KubeContexts {

  /** The environment variable kubectl reads. */
  public static final String KUBECONFIG = "KUBECONFIG";

  private final Map<String, String> environment;
  private final Path home;

  /** The files named explicitly ({@code --kubeconfig}); {@code null} to follow the environment. */
  private final List<Path> explicitFiles;

  /**
   * Creates a finder for a given environment.
   *
   * @param environment the process environment (only {@code KUBECONFIG} is read)
   * @param home the user's home directory, holding {@code .kube/config}
   */
  public KubeContexts(Map<String, String> environment, Path home) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    this.home = Objects.requireNonNull(home, "home");
    this.explicitFiles = null;
  }

  private KubeContexts(List<Path> explicitFiles) {
    this.environment = Map.of();
    this.home = Path.of(".");
    this.explicitFiles = List.copyOf(new LinkedHashSet<>(explicitFiles));
  }

  /**
   * A finder for explicitly named files, as {@code kubectl --kubeconfig PATH} uses: {@code
   * KUBECONFIG} and {@code ~/.kube/config} are ignored, the files are merged in order (first
   * definition wins), and a file that does not exist is reported as a problem.
   *
   * @param files the kubeconfig files, at least one
   * @throws IllegalArgumentException when {@code files} is empty
   */
  public static KubeContexts ofFiles(List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("name at least one kubeconfig file");
    }
    return new KubeContexts(files);
  }

  /**
   * This finder, or one for {@code kubeconfig} when it is given (a {@code --kubeconfig} option).
   *
   * @param kubeconfig the explicitly named file, if any
   */
  public KubeContexts overriddenBy(Optional<Path> kubeconfig) {
    return kubeconfig.map(file -> ofFiles(List.of(file))).orElse(this);
  }

  /** Whether the files were named explicitly ({@link #ofFiles}) rather than by the environment. */
  public boolean explicit() {
    return explicitFiles != null;
  }

  /** A finder for this process: its environment, and {@code HOME} (else {@code user.home}). */
  public static KubeContexts system() {
    String home = System.getenv("HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("user.home", ".");
    }
    return new KubeContexts(System.getenv(), Path.of(home));
  }

  /**
   * Where kubectl would look, in merge order: the explicit files, else {@code KUBECONFIG}'s entries
   * or the default file.
   */
  public List<Path> files() {
    if (explicitFiles != null) {
      return explicitFiles;
    }
    String list = environment.get(KUBECONFIG);
    if (list == null || list.isBlank()) {
      return List.of(home.resolve(".kube").resolve("config"));
    }
    Set<Path> files = new LinkedHashSet<>();
    for (String entry : list.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        try {
          files.add(Path.of(entry.strip()));
        } catch (InvalidPathException e) {
          // A malformed entry names no file kubectl could read either; skip it like a missing one.
        }
      }
    }
    return List.copyOf(files);
  }

  /**
   * Reads the kubeconfig files and lists their contexts. Never throws for a bad file: it is skipped
   * and reported in {@link ContextDiscovery#problems()}.
   */
  public ContextDiscovery discover() {
    List<Path> files = files();
    List<KubeconfigProblem> problems = new ArrayList<>();
    if (explicitFiles != null) {
      // kubectl --kubeconfig fails on a missing file instead of skipping it: say so.
      files.stream()
          .filter(Files::notExists)
          .forEach(file -> problems.add(new KubeconfigProblem(file, "file not found")));
    }
    List<Path> existing = files.stream().filter(Files::exists).toList();
    if (existing.isEmpty()) {
      return new ContextDiscovery(files, false, List.of(), Optional.empty(), problems);
    }
    List<Loaded> loaded = new ArrayList<>();
    for (Path file : existing) {
      try {
        loaded.add(new Loaded(file, KubeconfigFiles.parse(file)));
      } catch (KubeconfigException e) {
        problems.add(e.problem());
      }
    }

    Merged merged = merge(loaded);
    List<ContextRef> contexts =
        merged.contexts().values().stream()
            .map(named -> ref(named, merged))
            .sorted(Comparator.comparing(ContextRef::name))
            .toList();
    Optional<ContextRef> current = Optional.empty();
    if (merged.current() != null) {
      String name = merged.current().name();
      current = contexts.stream().filter(c -> c.name().equals(name)).findFirst();
      if (current.isEmpty()) {
        problems.add(
            new KubeconfigProblem(
                merged.current().file(), "current-context \"" + name + "\" is not defined"));
      }
    }
    return new ContextDiscovery(files, true, contexts, current, problems);
  }

  private record Loaded(Path file, Config config) {}

  private record Current(String name, Path file) {}

  private record Merged(
      Map<String, NamedContext> contexts,
      Map<String, NamedCluster> clusters,
      Map<String, Path> sources,
      Current current) {}

  /** kubectl's merge: the first file to define a context or cluster name wins. */
  private static Merged merge(List<Loaded> loaded) {
    Map<String, NamedContext> contexts = new LinkedHashMap<>();
    Map<String, NamedCluster> clusters = new LinkedHashMap<>();
    Map<String, Path> sources = new LinkedHashMap<>();
    Current current = null;
    for (Loaded file : loaded) {
      Config config = file.config();
      if (config.getContexts() != null) {
        for (NamedContext context : config.getContexts()) {
          if (context.getName() != null
              && context.getContext() != null
              && contexts.putIfAbsent(context.getName(), context) == null) {
            sources.put(context.getName(), file.file());
          }
        }
      }
      if (config.getClusters() != null) {
        for (NamedCluster cluster : config.getClusters()) {
          if (cluster.getName() != null && cluster.getCluster() != null) {
            clusters.putIfAbsent(cluster.getName(), cluster);
          }
        }
      }
      String named = config.getCurrentContext();
      if (current == null && named != null && !named.isBlank()) {
        current = new Current(named, file.file());
      }
    }
    return new Merged(contexts, clusters, sources, current);
  }

  private static ContextRef ref(NamedContext named, Merged merged) {
    var context = named.getContext();
    NamedCluster cluster =
        context.getCluster() == null ? null : merged.clusters().get(context.getCluster());
    String server =
        cluster == null || cluster.getCluster().getServer() == null
            ? ""
            : cluster.getCluster().getServer();
    String namespace =
        context.getNamespace() == null || context.getNamespace().isBlank()
            ? ContextRef.DEFAULT_NAMESPACE
            : context.getNamespace();
    return new ContextRef(
        named.getName(), server, namespace, merged.sources().get(named.getName()));
  }
}
