package dev.faultline.cluster;

import dev.faultline.sandbox.Kubeconfig;
import java.util.Objects;

/** A cluster the app can connect to: a context of the user's kubeconfig or the embedded sandbox. */
public sealed interface ClusterTarget {

  /** The kubeconfig context name: the context's own, or {@code faultline-sandbox}. */
  String contextName();

  /** How lists show this target: the context name, or {@code "Embedded sandbox"}. */
  String label();

  /** The embedded sandbox target (all instances are equal). */
  static ClusterTarget sandbox() {
    return new EmbeddedSandbox();
  }

  /**
   * A context of the user's kubeconfig.
   *
   * @param context the context as discovered
   */
  record KubeContext(ContextRef context) implements ClusterTarget {

    /** Checks the component. */
    public KubeContext {
      Objects.requireNonNull(context, "context");
    }

    @Override
    public String contextName() {
      return context.name();
    }

    @Override
    public String label() {
      return context.name();
    }
  }

  /**
   * The sandbox cluster built into Faultline, started on first use; it writes its own kubeconfig
   * with the context {@value Kubeconfig#CONTEXT}, which is what the client is built from.
   */
  record EmbeddedSandbox() implements ClusterTarget {

    /** The list label of the sandbox. */
    public static final String LABEL = "Embedded sandbox";

    @Override
    public String contextName() {
      return Kubeconfig.CONTEXT;
    }

    @Override
    public String label() {
      return LABEL;
    }
  }
}
