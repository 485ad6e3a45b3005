package dev.faultline.cluster;

import java.util.Objects;

/**
 * A kubeconfig that cannot be used: unreadable, malformed, or lacking the context asked for. The
 * message names the file and says what is wrong.
 */
public final class KubeconfigException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient KubeconfigProblem problem;

  /**
   * Creates the exception for a problem with one file.
   *
   * @param problem the file and what is wrong with it
   */
  public KubeconfigException(KubeconfigProblem problem) {
    super(problem.toString());
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /**
   * Creates the exception for a problem that concerns no single file.
   *
   * @param message what is wrong
   */
  public KubeconfigException(String message) {
    super(message);
    this.problem = null;
  }

  /** The file and message, when the problem lies in one file; {@code null} otherwise. */
  public KubeconfigProblem problem() {
    return problem;
  }
}
