package dev.faultline.chaos;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts what an experiment needs into a cluster before a run: applies manifest files (server-side,
 * like {@code kubectl apply --server-side}) and waits until every workload they declare is ready. A
 * disposable cluster (K3s started by Testcontainers, kind) starts empty, so a generated test
 * deploys the system under test with this before it breaks it.
 *
 * <p>Namespaces are applied first, then the rest in file order, so one file can hold a namespace
 * and its workloads. Applying is idempotent: running the same set-up against a cluster that has it
 * changes nothing.
 */
public final class ClusterSetup {
  /** The field manager our applies are recorded under (kubectl shows it in managedFields). */
  public static final String FIELD_MANAGER = "faultline-setup";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration POLL = Duration.ofMillis(250);

  private final List<Path> manifests;
  private final Duration readyTimeout;

  /**
   * @param manifests YAML or JSON files, each with one or more documents (a {@code List} works too)
   * @param readyTimeout how long to wait for the declared workloads to become ready
   */
  public ClusterSetup(List<Path> manifests, Duration readyTimeout) {
    this.manifests = List.copyOf(manifests);
    this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
  }

  /** The files this set-up applies, in order. */
  public List<Path> manifests() {
    return manifests;
  }

  /**
   * Applies every manifest, then waits until the workloads are ready.
   *
   * @return the objects applied, in the order they were applied
   * @throws ChaosRunException naming the file and object when a file is missing or unreadable, the
   *     cluster refuses an object, or a workload is not ready in time
   */
  public List<HasMetadata> apply(KubernetesClient client) {
    List<Loaded> objects = new ArrayList<>();
    for (Path file : manifests) {
      objects.addAll(load(client, file));
    }
    // Namespaces first: a workload in a namespace that does not exist yet would be refused.
    List<Loaded> ordered = new ArrayList<>();
    objects.stream().filter(o -> o.object() instanceof Namespace).forEach(ordered::add);
    objects.stream().filter(o -> !(o.object() instanceof Namespace)).forEach(ordered::add);
    List<HasMetadata> applied = new ArrayList<>();
    for (Loaded loaded : ordered) {
      applied.add(applyOne(client, loaded));
    }
    awaitReady(client, applied);
    return applied;
  }

  private record Loaded(Path file, HasMetadata object) {}

  private static List<Loaded> load(KubernetesClient client, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<HasMetadata> items = client.load(in).items();
      if (items.isEmpty()) {
        throw new ChaosRunException(file + ": no Kubernetes objects in this manifest");
      }
      return items.stream().map(item -> new Loaded(file, item)).toList();
    } catch (NoSuchFileException e) {
      throw new ChaosRunException(
          file
              + ": manifest not found (relative paths start at "
              + Path.of("").toAbsolutePath()
              + ")",
          e);
    } catch (IOException e) {
      throw new ChaosRunException(file + ": cannot read the manifest: " + e.getMessage(), e);
    } catch (KubernetesClientException | IllegalArgumentException e) {
      // fabric8 reports YAML syntax errors and unknown kinds this way.
      throw new ChaosRunException(file + ": not a Kubernetes manifest: " + e.getMessage(), e);
    }
  }

  /**
   * Creates what is missing and server-side applies over what exists. Not a bare server-side apply
   * for both: the sandbox's API server (like some older or proxied ones) answers an apply of a new
   * object with Not Found, and one path for every cluster is the rule.
   */
  private static HasMetadata applyOne(KubernetesClient client, Loaded loaded) {
    HasMetadata object = loaded.object();
    try {
      var resource = client.resource(object);
      if (resource.get() == null) {
        return resource.create();
      }
      return resource.fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      throw new ChaosRunException(
          loaded.file() + ": cannot apply " + display(object) + ": " + reason(e), e);
    }
  }

  private void awaitReady(KubernetesClient client, List<HasMetadata> applied) {
    List<HasMetadata> workloads =
        applied.stream().filter(Readiness.getInstance()::isReadinessApplicable).toList();
    Instant deadline = Instant.now().plus(readyTimeout);
    for (HasMetadata workload : workloads) {
      while (true) {
        Optional<HasMetadata> current = current(client, workload);
        if (current.isPresent() && Readiness.getInstance().isReady(current.get())) {
          break;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new ChaosRunException(
              display(workload)
                  + " is not ready after "
                  + readyTimeout.toSeconds()
                  + "s"
                  + current.map(c -> replicas(client, c)).orElse(" (it is gone)")
                  + "; the experiment was not started");
        }
        sleep();
      }
    }
  }

  private static Optional<HasMetadata> current(KubernetesClient client, HasMetadata object) {
    try {
      return Optional.ofNullable(client.resource(object).get());
    } catch (KubernetesClientException e) {
      throw new ChaosRunException("cannot read " + display(object) + ": " + reason(e), e);
    }
  }

  /** " (2 of 3 replicas ready)" for workloads that report replicas, else empty. */
  private static String replicas(KubernetesClient client, HasMetadata object) {
    JsonNode json;
    try {
      json = JSON.readTree(client.getKubernetesSerialization().asJson(object));
    } catch (JacksonException e) {
      return "";
    }
    var spec = json.path("spec").path("replicas");
    var status = json.path("status");
    if (!spec.isNumber()) {
      return "";
    }
    return " ("
        + status.path("readyReplicas").asInt(0)
        + " of "
        + spec.asInt()
        + " replicas ready)";
  }

  private static String display(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return object.getKind()
        + " "
        + (namespace == null ? "" : namespace + "/")
        + object.getMetadata().getName();
  }

  private static String reason(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : e.getMessage();
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChaosRunException("interrupted while waiting for the set-up to become ready", e);
    }
  }
}
