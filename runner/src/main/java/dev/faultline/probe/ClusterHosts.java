package dev.faultline.probe;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Finds where a probe can reach a cluster-internal host such as {@code checkout.shop} (Service
 * {@code checkout} in namespace {@code shop}; also {@code checkout.shop.svc} and {@code
 * checkout.shop.svc.cluster.local}). In this order:
 *
 * <ol>
 *   <li>the Service carries the annotation {@value #DEMO_URL_ANNOTATION} (the sandbox's demo
 *       services do): its URL stands in for the Service on any port;
 *   <li>the Service exists and its cluster name {@code svc.ns.svc.cluster.local} resolves by DNS
 *       (Faultline runs inside the cluster): that name;
 *   <li>the Service exists: a port-forward to a ready pod behind it (the sandbox does not simulate
 *       port-forwarding, so this path is exercised on real clusters only);
 *   <li>the cluster has no such Service, or cannot be asked, or there is no cluster: the host as
 *       written if it resolves by DNS.
 * </ol>
 *
 * Other hosts are used as they are. The same code serves real clusters and the sandbox; the
 * annotation lookup is an ordinary API read. One instance per prepared probe: it remembers the
 * answer (and keeps the port-forward open) until {@link #forget} after a failed connection or
 * {@link #close}. Callers never overlap their calls, but the methods are synchronized anyway.
 */
final class ClusterHosts implements AutoCloseable {
  /** The Service annotation with a URL that stands in for the Service (sandbox demo services). */
  static final String DEMO_URL_ANNOTATION = "faultline.dev/demo-url";

  /** The same for a demo service's gRPC side ({@code grpc.health}, {@code load.grpc}). */
  static final String DEMO_GRPC_ANNOTATION = "faultline.dev/demo-grpc";

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final ExecutorService LOOKUPS = Executors.newVirtualThreadPerTaskExecutor();

  private final KubernetesClient client;
  private final String demoAnnotation;
  private String cachedKey;
  private Address cached;

  /** A Service named by a host. */
  record ServiceName(String name, String namespace) {
    /** The Service a host names, if it has the form {@code svc.ns[.svc[.cluster.local]]}. */
    static Optional<ServiceName> of(String host) {
      if (host == null) {
        return Optional.empty();
      }
      String h = host.toLowerCase(Locale.ROOT);
      if (h.endsWith(".")) {
        h = h.substring(0, h.length() - 1);
      }
      if (h.endsWith(".svc.cluster.local")) {
        h = h.substring(0, h.length() - ".svc.cluster.local".length());
      } else if (h.endsWith(".svc")) {
        h = h.substring(0, h.length() - ".svc".length());
      }
      String[] labels = h.split("\\.", -1);
      if (labels.length != 2
          || !LABEL.matcher(labels[0]).matches()
          || !LABEL.matcher(labels[1]).matches()) {
        return Optional.empty();
      }
      return Optional.of(new ServiceName(labels[0], labels[1]));
    }

    @Override
    public String toString() {
      return namespace + "/" + name;
    }
  }

  /**
   * Where to connect.
   *
   * @param scheme the scheme to use for HTTP ({@code null}: keep the one given)
   * @param pathPrefix put before the request path (a demo URL's path), empty for none
   * @param via how it was found, for messages: empty when used as is
   */
  record Address(
      String scheme,
      String host,
      int port,
      String pathPrefix,
      String via,
      LocalPortForward forward) {

    /** The URL to call for {@code original}. */
    URI rewrite(URI original) {
      if (via.isEmpty()) {
        return original;
      }
      String path = original.getRawPath() == null ? "" : original.getRawPath();
      String query = original.getRawQuery() == null ? "" : "?" + original.getRawQuery();
      String hostPart = host.contains(":") ? "[" + host + "]" : host;
      return URI.create(
          (scheme == null ? original.getScheme() : scheme)
              + "://"
              + hostPart
              + ":"
              + port
              + pathPrefix
              + path
              + query);
    }
  }

  /** No way to reach the host; the message says why. */
  static final class UnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreachableException(String message) {
      super(message, null, false, false);
    }
  }

  ClusterHosts(KubernetesClient client) {
    this(client, DEMO_URL_ANNOTATION);
  }

  /**
   * @param demoAnnotation the Service annotation whose URL stands in for the Service: {@value
   *     #DEMO_URL_ANNOTATION} for HTTP, {@value #DEMO_GRPC_ANNOTATION} for gRPC
   */
  ClusterHosts(KubernetesClient client, String demoAnnotation) {
    this.client = client;
    this.demoAnnotation = demoAnnotation;
  }

  /**
   * Where to reach {@code host:port}, within {@code budgetNanos} for the lookups.
   *
   * @throws UnreachableException when the host is a Service name that neither the cluster nor DNS
   *     knows, or whose port-forward cannot be set up
   * @throws InterruptedException when the call is cancelled
   */
  synchronized Address resolve(String host, int port, long budgetNanos)
      throws UnreachableException, InterruptedException {
    String key = host + ":" + port;
    if (cached != null && key.equals(cachedKey) && alive(cached)) {
      return cached;
    }
    forget();
    Address address = lookUp(host, port, System.nanoTime() + budgetNanos);
    cachedKey = key;
    cached = address;
    return address;
  }

  /** Forgets the remembered address (after a failed connection) and closes its port-forward. */
  synchronized void forget() {
    if (cached != null && cached.forward() != null) {
      closeQuietly(cached.forward());
    }
    cached = null;
    cachedKey = null;
  }

  @Override
  public void close() {
    forget();
  }

  private Address lookUp(String host, int port, long deadline)
      throws UnreachableException, InterruptedException {
    Optional<ServiceName> named = ServiceName.of(host);
    if (named.isEmpty()) {
      return asIs(host, port);
    }
    ServiceName service = named.get();
    Service found = null;
    String apiProblem = null;
    if (client != null) {
      try {
        found =
            within(
                deadline,
                () ->
                    client
                        .services()
                        .inNamespace(service.namespace())
                        .withName(service.name())
                        .get());
      } catch (UnreachableException e) {
        apiProblem = e.getMessage();
      }
      String demo = found == null ? null : annotation(found, demoAnnotation);
      if (demo != null) {
        return demo(demo, service, demoAnnotation);
      }
    }
    if (found != null) {
      // The Service exists: ask DNS for its cluster name only. The short name could resolve on the
      // public internet (checkout.shop is a valid domain) to somebody else's server.
      String clusterName = service.name() + "." + service.namespace() + ".svc.cluster.local";
      if (resolvesByDns(clusterName, deadline)) {
        return new Address(null, clusterName, port, "", "cluster DNS", null);
      }
      return portForward(found, service, port, deadline);
    }
    if (resolvesByDns(host, deadline)) {
      return asIs(host, port);
    }
    if (client == null) {
      throw new UnreachableException(
          "cannot resolve " + host + ": no DNS entry, and no cluster to look the Service up in");
    }
    throw new UnreachableException(
        "cannot resolve "
            + host
            + ": no DNS entry, and "
            + (apiProblem != null
                ? "the cluster could not be asked for Service " + service + " (" + apiProblem + ")"
                : "no Service " + service.name() + " in namespace " + service.namespace()));
  }

  private static Address asIs(String host, int port) {
    return new Address(null, host, port, "", "", null);
  }

  private static String annotation(Service service, String name) {
    Map<String, String> annotations = service.getMetadata().getAnnotations();
    String url = annotations == null ? null : annotations.get(name);
    return url == null || url.isBlank() ? null : url.strip();
  }

  private static Address demo(String url, ServiceName service, String annotation)
      throws UnreachableException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
      throw new UnreachableException(
          "Service " + service + " has an unusable " + annotation + ": " + url);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    String prefix = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return new Address(
        uri.getScheme(), uri.getHost(), port, prefix, "demo service " + service, null);
  }

  private static boolean resolvesByDns(String host, long deadline) throws InterruptedException {
    try {
      return within(
          deadline,
          () -> {
            try {
              InetAddress.getByName(host);
              return true;
            } catch (UnknownHostException e) {
              return false;
            }
          });
    } catch (UnreachableException e) {
      return false; // no answer from DNS in time counts as no entry
    }
  }

  private Address portForward(Service service, ServiceName name, int port, long deadline)
      throws UnreachableException, InterruptedException {
    List<ServicePort> ports =
        service.getSpec() == null || service.getSpec().getPorts() == null
            ? List.of()
            : service.getSpec().getPorts();
    ServicePort servicePort =
        ports.stream()
            .filter(p -> p.getPort() != null && p.getPort() == port)
            .findFirst()
            .orElse(ports.size() == 1 ? ports.getFirst() : null);
    if (servicePort == null) {
      throw new UnreachableException(
          "cannot port-forward to Service " + name + ": it has no port " + port);
    }
    Map<String, String> selector = service.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      throw new UnreachableException(
          "cannot port-forward to Service " + name + ": it selects no pods (no selector)");
    }
    List<Pod> pods =
        within(
            deadline,
            () ->
                client.pods().inNamespace(name.namespace()).withLabels(selector).list().getItems());
    Pod pod = pods.stream().filter(ClusterHosts::ready).findFirst().orElse(null);
    if (pod == null) {
      throw new UnreachableException(
          "cannot port-forward to Service " + name + ": no ready pod behind it");
    }
    int targetPort = targetPort(servicePort, pod);
    String podName = pod.getMetadata().getName();
    LocalPortForward forward =
        within(
            deadline,
            () ->
                client
                    .pods()
                    .inNamespace(name.namespace())
                    .withName(podName)
                    .portForward(targetPort));
    return new Address(
        null,
        forward.getLocalAddress() == null
            ? "127.0.0.1"
            : forward.getLocalAddress().getHostAddress(),
        forward.getLocalPort(),
        "",
        "port-forward to " + name.namespace() + "/" + podName + ":" + targetPort,
        forward);
  }

  private static int targetPort(ServicePort servicePort, Pod pod) throws UnreachableException {
    IntOrString target = servicePort.getTargetPort();
    if (target == null || (target.getIntVal() == null && target.getStrVal() == null)) {
      return servicePort.getPort();
    }
    if (target.getIntVal() != null) {
      return target.getIntVal();
    }
    String named = target.getStrVal();
    for (var container : pod.getSpec().getContainers()) {
      for (ContainerPort p :
          container.getPorts() == null ? List.<ContainerPort>of() : container.getPorts()) {
        if (named.equals(p.getName()) && p.getContainerPort() != null) {
          return p.getContainerPort();
        }
      }
    }
    throw new UnreachableException(
        "cannot port-forward: pod "
            + pod.getMetadata().getName()
            + " has no container port named "
            + named);
  }

  static boolean ready(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null) {
      return false;
    }
    List<PodCondition> conditions = pod.getStatus().getConditions();
    if (conditions == null) {
      return false;
    }
    for (PodCondition c : conditions) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }

  private static boolean alive(Address address) {
    LocalPortForward forward = address.forward();
    return forward == null || (forward.isAlive() && !forward.errorOccurred());
  }

  /** A lookup that may block. */
  private interface Lookup<T> {
    T get() throws Exception;
  }

  /** Runs a lookup on a virtual thread and waits for it until the deadline. */
  private static <T> T within(long deadline, Lookup<T> lookup)
      throws UnreachableException, InterruptedException {
    Future<T> future = LOOKUPS.submit(lookup::get);
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new UnreachableException("no answer in time");
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new UnreachableException(
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }
  }

  private static void closeQuietly(LocalPortForward forward) {
    try {
      forward.close();
    } catch (IOException | RuntimeException ignored) {
      // already gone
    }
  }
}
