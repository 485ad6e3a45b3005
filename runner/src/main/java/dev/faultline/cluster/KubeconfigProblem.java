package dev.faultline.cluster;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Why a kubeconfig file could not be used, in words for the user.
 *
 * @param file the file at fault
 * @param message what is wrong, without the file name: {@code "not a valid kubeconfig: ..."}
 */
public record KubeconfigProblem(Path file, String message) {

  /** Checks the components. */
  public KubeconfigProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** The file and the message: {@code "/home/me/.kube/config: not a valid kubeconfig: ..."}. */
  @Override
  public String toString() {
    return file + ": " + message;
  }
}
