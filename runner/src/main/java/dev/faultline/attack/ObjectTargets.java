package dev.faultline.attack;

import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.LabelSelector;
import dev.faultline.model.LabelSelectorException;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.model.Topology;
import dev.faultline.target.BlastRadiusSampler;
import dev.faultline.target.InvalidTargetException;
import dev.faultline.target.TopologyChoice;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Resolves Deployment, StatefulSet and Node targets through the client, as the attacks that act on
 * them need (the preview resolves only Pod targets): the target's namespaces and namespace pattern
 * (minus what the namespace policy does not permit), label and annotation selectors, the name regex
 * ({@code podName}, which must match the whole name), then the blast radius with the same seeded
 * ranking as for pods. The seed is the target's, else one derived from the run id.
 */
final class ObjectTargets {
  private ObjectTargets() {}

  /**
   * The selected objects, sorted by namespace and name.
   *
   * @throws AttackException when the target is missing or invalid, or listing fails
   */
  static List<HasMetadata> resolve(AttackRequest request, AttackContext context)
      throws AttackException {
    Target target = request.target();
    if (target == null) {
      throw new AttackException(
          request.step().attack() + " in step '" + request.step().id() + "' needs a target");
    }
    TargetKind kind = target.effectiveKind();
    LabelSelector labels = selector(request, "labelSelector", target.labelSelector());
    LabelSelector annotations =
        selector(request, "annotationSelector", target.annotationSelector());
    Pattern name = nameRegex(request, target.podName());
    var matched = new ArrayList<HasMetadata>();
    for (HasMetadata object : list(context, request, kind)) {
      var meta = object.getMetadata();
      if (labels.matches(plain(meta.getLabels()))
          && annotations.matches(plain(meta.getAnnotations()))
          && (name == null || name.matcher(meta.getName()).matches())
          && meta.getDeletionTimestamp() == null) {
        matched.add(object);
      }
    }
    matched.sort(
        Comparator.comparing(
                (HasMetadata o) -> Objects.toString(o.getMetadata().getNamespace(), ""))
            .thenComparing(o -> o.getMetadata().getName()));
    return sample(request, context, target.effectiveBlastRadius(), matched);
  }

  private static List<HasMetadata> list(
      AttackContext context, AttackRequest request, TargetKind kind) throws AttackException {
    KubernetesClient client = context.client();
    if (kind == TargetKind.NODE) {
      try {
        return List.copyOf(client.nodes().list().getItems());
      } catch (KubernetesClientException e) {
        throw ClusterCalls.failure(context, "list", "the nodes", e);
      }
    }
    var found = new ArrayList<HasMetadata>();
    for (String namespace : namespaces(context, request)) {
      try {
        switch (kind) {
          case DEPLOYMENT ->
              found.addAll(client.apps().deployments().inNamespace(namespace).list().getItems());
          case STATEFUL_SET ->
              found.addAll(client.apps().statefulSets().inNamespace(namespace).list().getItems());
          default ->
              throw new AttackException(
                  request.step().attack()
                      + " cannot act on "
                      + kind.keyword()
                      + " target '"
                      + request.targetName()
                      + "'");
        }
      } catch (KubernetesClientException e) {
        throw ClusterCalls.failure(
            context, "list", "the " + kind.keyword() + "s in namespace " + namespace, e);
      }
    }
    return found;
  }

  /** The namespaces named or matched by pattern that the policy permits, sorted. */
  private static Set<String> namespaces(AttackContext context, AttackRequest request)
      throws AttackException {
    Target target = request.target();
    var namespaces = new TreeSet<>(target.namespaces());
    if (target.namespacePattern() != null) {
      Pattern pattern = regex(request, "namespacePattern", target.namespacePattern());
      try {
        for (Namespace ns : context.client().namespaces().list().getItems()) {
          if (pattern.matcher(ns.getMetadata().getName()).matches()) {
            namespaces.add(ns.getMetadata().getName());
          }
        }
      } catch (KubernetesClientException e) {
        throw ClusterCalls.failure(context, "list", "the namespaces", e);
      }
    }
    namespaces.removeIf(ns -> !request.namespaces().permits(ns));
    return namespaces;
  }

  private static List<HasMetadata> sample(
      AttackRequest request, AttackContext context, BlastRadius radius, List<HasMetadata> matched)
      throws AttackException {
    long seed = radius.seed() != null ? radius.seed() : seed(context.runId());
    if (radius.topology() != null && request.target().effectiveKind() == TargetKind.NODE) {
      matched = onChosenNodes(radius.topology(), matched, seed);
    }
    // The sampler ranks pods by namespace/name; stand-ins carry just those.
    var keys = new ArrayList<PodView>(matched.size());
    var objects = new IdentityHashMap<PodView, HasMetadata>();
    for (HasMetadata object : matched) {
      PodView key = key(object);
      keys.add(key);
      objects.put(key, object);
    }
    try {
      int count = BlastRadiusSampler.count(radius, keys.size(), seed);
      return BlastRadiusSampler.choose(keys, count, seed).stream().map(objects::get).toList();
    } catch (InvalidTargetException e) {
      throw new AttackException(
          "target '" + request.targetName() + "': " + e.getMessage(), false, e);
    }
  }

  /**
   * The matched nodes a topology chooses, as for pods: {@code nodesPerZone} nodes in each chosen
   * zone, the zone being the node's label; nodes without it are never chosen.
   */
  static List<HasMetadata> onChosenNodes(Topology topology, List<HasMetadata> nodes, long seed) {
    var zoneByNode = new LinkedHashMap<String, String>();
    for (HasMetadata node : nodes) {
      String zone = plain(node.getMetadata().getLabels()).get(topology.effectiveKey());
      zoneByNode.put(
          node.getMetadata().getName(), zone == null ? TopologyChoice.UNKNOWN_ZONE : zone);
    }
    Set<String> chosen = TopologyChoice.choose(topology, zoneByNode, seed).chosenNodes();
    return nodes.stream().filter(n -> chosen.contains(n.getMetadata().getName())).toList();
  }

  private static PodView key(HasMetadata object) {
    return new PodView(
        Objects.toString(object.getMetadata().getNamespace(), ""),
        object.getMetadata().getName(),
        "",
        Map.of(),
        Map.of(),
        "",
        false,
        false,
        "",
        "",
        "",
        "",
        "",
        List.of());
  }

  /** FNV-1a of the run id: a seed that is stable within a run. */
  static long seed(String runId) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : runId.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return hash;
  }

  private static LabelSelector selector(AttackRequest request, String field, String text)
      throws AttackException {
    if (text == null || text.isBlank()) {
      return LabelSelector.parse("");
    }
    try {
      return LabelSelector.parse(text);
    } catch (LabelSelectorException e) {
      throw new AttackException(
          "target '" + request.targetName() + "': " + field + ": " + e.getMessage(), false, e);
    }
  }

  private static Pattern nameRegex(AttackRequest request, String text) throws AttackException {
    return text == null ? null : regex(request, "podName", text);
  }

  private static Pattern regex(AttackRequest request, String field, String text)
      throws AttackException {
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw new AttackException(
          "target '"
              + request.targetName()
              + "': "
              + field
              + ": invalid regex: "
              + e.getDescription(),
          false,
          e);
    }
  }

  private static Map<String, String> plain(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
