package dev.faultline.attack;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A service host as a mesh routes it, so that the forms people write for one Kubernetes Service
 * ({@code ratings}, {@code ratings.bookinfo}, {@code ratings.bookinfo.svc}, {@code
 * ratings.bookinfo.svc.cluster.local}) compare equal. A short name belongs to the namespace it is
 * written in (Istio reads a VirtualService's short hosts in the VirtualService's namespace). Other
 * hosts ({@code api.example.com}, wildcards) are compared as written, ignoring case.
 *
 * @param service the Service name, or empty for a host that names no Service
 * @param namespace the Service's namespace, or empty for a host that names no Service
 * @param host the host for other hosts, or the Service's cluster name {@code
 *     svc.ns.svc.cluster.local}
 */
record MeshHost(String service, String namespace, String host) {
  private static final String CLUSTER_SUFFIX = ".svc.cluster.local";
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /**
   * The host {@code text} means when written in {@code namespace}.
   *
   * @param namespace where the text is written: the namespace of the VirtualService
   */
  static MeshHost of(String text, String namespace) {
    String h = text.strip().toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.endsWith(CLUSTER_SUFFIX)) {
      h = h.substring(0, h.length() - CLUSTER_SUFFIX.length());
    } else if (h.endsWith(".svc")) {
      h = h.substring(0, h.length() - ".svc".length());
    }
    String[] labels = h.split("\\.", -1);
    if (labels.length == 1 && LABEL.matcher(h).matches() && !namespace.isEmpty()) {
      return service(h, namespace);
    }
    if (labels.length == 2
        && LABEL.matcher(labels[0]).matches()
        && LABEL.matcher(labels[1]).matches()) {
      return service(labels[0], labels[1]);
    }
    return new MeshHost("", "", text.strip().toLowerCase(Locale.ROOT));
  }

  private static MeshHost service(String name, String namespace) {
    return new MeshHost(name, namespace, name + "." + namespace + CLUSTER_SUFFIX);
  }

  /** Whether the host names a Kubernetes Service. */
  boolean isService() {
    return !service.isEmpty();
  }

  /** A name for a VirtualService Faultline creates for this host: {@code faultline-ratings}. */
  String objectName() {
    String base = isService() ? service : host.replaceAll("[^a-z0-9-]+", "-");
    String name = ("faultline-" + base).replaceAll("-+$", "");
    return name.length() <= 63 ? name : name.substring(0, 63).replaceAll("-+$", "");
  }

  @Override
  public String toString() {
    return host;
  }
}
