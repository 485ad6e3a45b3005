package dev.faultline.cluster;

import java.util.Objects;
import java.util.OptionalInt;

/** What {@link ClusterProbe#probe} learned about a cluster: its size, or why it is unavailable. */
public sealed interface ClusterSummary {

  /** The API server URL probed, without a trailing slash. */
  String server();

  /** One line for a status bar. */
  String describe();

  /**
   * The API server answered.
   *
   * @param server the API server URL
   * @param version the server's git version, such as {@code "v1.35.0"}
   * @param namespaces how many namespaces there are; empty when the user may not list them
   * @param pods how many pods there are in all namespaces; empty when the user may not list them
   */
  record Reachable(String server, String version, OptionalInt namespaces, OptionalInt pods)
      implements ClusterSummary {

    /** Checks the components. */
    public Reachable {
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(namespaces, "namespaces");
      Objects.requireNonNull(pods, "pods");
    }

    /**
     * {@code "v1.35.0 · 19 pods in 5 namespaces"}. The version drops semver build metadata ({@code
     * "+faultline-sandbox"}, {@code "+k3s1"}); {@link #version()} keeps it.
     */
    @Override
    public String describe() {
      String size;
      if (pods.isPresent() && namespaces.isPresent()) {
        size = count(pods.getAsInt(), "pod") + " in " + count(namespaces.getAsInt(), "namespace");
      } else if (pods.isPresent()) {
        size = count(pods.getAsInt(), "pod");
      } else if (namespaces.isPresent()) {
        size = count(namespaces.getAsInt(), "namespace");
      } else {
        size = "no permission to list pods or namespaces";
      }
      int plus = version.indexOf('+');
      return (plus > 0 ? version.substring(0, plus) : version) + " \u00b7 " + size;
    }

    private static String count(int n, String noun) {
      return n + " " + noun + (n == 1 ? "" : "s");
    }
  }

  /**
   * The API server could not be reached or refused the client.
   *
   * @param server the API server URL
   * @param message the reason as a sentence: {@code "cannot reach https://...: connection refused"}
   * @param advice what to do about it, as a sentence; {@code ""} when there is nothing to say
   */
  record Unavailable(String server, String message, String advice) implements ClusterSummary {

    /** Checks the components. */
    public Unavailable {
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(advice, "advice");
    }

    /**
     * An unavailable cluster without advice.
     *
     * @param server the API server URL
     * @param message the reason as a sentence
     */
    public Unavailable(String server, String message) {
      this(server, message, "");
    }

    /**
     * The summary of a problem.
     *
     * @param problem what went wrong and what to do
     */
    public static Unavailable of(ClusterProblem problem) {
      return new Unavailable(problem.server(), problem.summary(), problem.advice());
    }

    @Override
    public String describe() {
      return message;
    }
  }
}
