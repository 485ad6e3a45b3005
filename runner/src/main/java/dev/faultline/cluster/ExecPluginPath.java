package dev.faultline.cluster;

import java.io.File;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code PATH} that kubeconfig exec credential plugins ({@code aws}, {@code
 * gke-gcloud-auth-plugin}, {@code kubelogin}) run with: this process's {@code PATH}, then the
 * entries of the user's {@linkplain LoginShellPath login-shell PATH} it lacks. The process's own
 * entries come first, so whatever it already finds stays what runs; the login shell only adds the
 * directories a desktop launch leaves out.
 *
 * <p>The login shell is asked at most once, and only when a plugin is about to run. Thread-safe.
 */
public final class ExecPluginPath {

  private final String processPath;
  private final Supplier<Optional<String>> loginShellPath;
  private String merged;

  /**
   * Creates the path.
   *
   * @param processPath this process's {@code PATH}; {@code null} or empty when it has none
   * @param loginShellPath the login shell's {@code PATH}, asked lazily (tests inject their own)
   */
  public ExecPluginPath(String processPath, Supplier<Optional<String>> loginShellPath) {
    this.processPath = processPath == null ? "" : processPath;
    this.loginShellPath = Objects.requireNonNull(loginShellPath, "loginShellPath");
  }

  /** This process's {@code PATH} and the {@linkplain LoginShellPath#system() login shell's}. */
  public static ExecPluginPath system() {
    return new ExecPluginPath(System.getenv("PATH"), LoginShellPath.system());
  }

  /** This process's {@code PATH}, as inherited. */
  public String processPath() {
    return processPath;
  }

  /** The merged {@code PATH}; asks the login shell on the first call. */
  public synchronized String get() {
    if (merged == null) {
      merged = merge(processPath, loginShellPath.get().orElse(""));
    }
    return merged;
  }

  /** Whether the login shell adds directories this process's {@code PATH} lacks. */
  public boolean extendsProcessPath() {
    return !get().equals(processPath);
  }

  /**
   * {@code first}'s entries, then {@code second}'s that are not in {@code first}; empty entries are
   * dropped, and the result is {@code first} itself when {@code second} adds nothing.
   */
  static String merge(String first, String second) {
    Set<String> entries = new LinkedHashSet<>();
    for (String entry : first.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(entry);
      }
    }
    boolean added = false;
    for (String entry : second.split(File.pathSeparator)) {
      if (!entry.isEmpty() && entries.add(entry)) {
        added = true;
      }
    }
    return added ? String.join(File.pathSeparator, entries) : first;
  }
}
