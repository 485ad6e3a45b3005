package dev.faultline.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link KubeContexts#discover()} found.
 *
 * @param files where kubectl would look, in merge order, whether they exist or not
 * @param kubeconfigExists whether at least one of {@code files} exists; when none does, the app
 *     connects to the embedded sandbox
 * @param contexts every context of the merged files, sorted by name
 * @param current the {@code current-context}, when it is set and defined
 * @param problems files that could not be used (the others still count) and a {@code
 *     current-context} that names no context
 */
public record ContextDiscovery(
    List<Path> files,
    boolean kubeconfigExists,
    List<ContextRef> contexts,
    Optional<ContextRef> current,
    List<KubeconfigProblem> problems) {

  /** Copies the lists. */
  public ContextDiscovery {
    files = List.copyOf(files);
    contexts = List.copyOf(contexts);
    Objects.requireNonNull(current, "current");
    problems = List.copyOf(problems);
  }

  /** A discovery that found no kubeconfig at all. */
  public static ContextDiscovery none(List<Path> files) {
    return new ContextDiscovery(files, false, List.of(), Optional.empty(), List.of());
  }
}
