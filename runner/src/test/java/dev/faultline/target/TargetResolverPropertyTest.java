package dev.faultline.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.snapshot.ContainerView;
import dev.faultline.cluster.snapshot.NodeView;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.cluster.snapshot.StaticSnapshot;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.Extras;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.OwnerKind;
import dev.faultline.model.OwnerSelector;
import dev.faultline.model.PodPhase;
import dev.faultline.model.Target;
import dev.faultline.target.TargetWarning.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random snapshots against random targets, checked against a filter written here from the
 * documented rules with plain loops, {@link Pattern#matches} and its own label matching over the
 * selectors as generated (not as parsed), so a parser or matcher bug cannot hide on both sides.
 */
class TargetResolverPropertyTest {
  private static final List<String> NAMESPACES =
      List.of("shop", "web", "team-a", "team-b", "kube-system", "billing");
  private static final List<String> LABEL_KEYS =
      List.of("app", "tier", "track", "example.com/team");
  private static final List<String> LABEL_VALUES = List.of("api", "web", "db", "canary", "a", "b");
  private static final List<String> ANNOTATION_KEYS = List.of("chaos/opt-in", "owner");
  private static final List<String> ANNOTATION_VALUES = List.of("true", "false", "team-x");
  private static final List<String> PHASES =
      List.of("Pending", "Running", "Succeeded", "Failed", "Unknown");
  private static final List<String> CONTAINERS =
      List.of("app", "sidecar", "istio-proxy", "metrics");
  private static final List<String> ZONES = List.of("zone-a", "zone-b", "zone-c");
  private static final List<String> PREFIXES = List.of("api", "web", "db", "worker");

  /** One label requirement as generated: the oracle evaluates this, the resolver its text. */
  private record Requirement(String key, String op, List<String> values) {
    String text() {
      return switch (op) {
        case "exists" -> key;
        case "!exists" -> "!" + key;
        case "in", "notin" -> key + " " + op + " (" + String.join(",", values) + ")";
        default -> key + op + values.getFirst();
      };
    }

    boolean holds(Map<String, String> labels) {
      String actual = labels.get(key);
      return switch (op) {
        case "exists" -> actual != null;
        case "!exists" -> actual == null;
        case "=", "in" -> actual != null && values.contains(actual);
        default -> actual == null || !values.contains(actual); // != and notin
      };
    }
  }

  private record FieldTerm(String field, boolean negated, String value) {}

  /** A generated target with the parts the oracle needs in structured form. */
  record Spec(
      Target target,
      List<Requirement> labels,
      List<Requirement> annotations,
      List<Requirement> nodes,
      List<FieldTerm> fields) {}

  final Random random = new Random(20240601);

  @Test
  void resolverAgreesWithAStraightforwardFilter() {
    int resolutions = 0;
    int nonEmpty = 0;
    for (int s = 0; s < 150; s++) {
      StaticSnapshot snapshot = snapshot();
      for (int t = 0; t < 40; t++) {
        Spec spec = spec();
        NamespacePolicy safety = policy();
        long seed = random.nextLong();
        TargetResolution resolution = TargetResolver.resolve(spec.target(), snapshot, safety, seed);
        check(spec, snapshot, safety, resolution);
        resolutions++;
        nonEmpty += resolution.selected().isEmpty() ? 0 : 1;
      }
    }
    assertThat(resolutions).isEqualTo(6000);
    assertThat(nonEmpty)
        .as("the generator should not only make empty selections")
        .isGreaterThan(600);
  }

  private void check(
      Spec spec, StaticSnapshot snapshot, NamespacePolicy safety, TargetResolution resolution) {
    var expected = new ArrayList<String>();
    int denied = 0;
    for (PodView pod : snapshot.pods()) {
      if (matches(spec, pod, snapshot.nodes())) {
        if (safety.permits(pod.namespace())) {
          expected.add(pod.key());
        } else {
          denied++;
        }
      }
    }
    Collections.sort(expected);
    String context = spec.target() + " / " + safety;
    assertThat(resolution.matched())
        .as(context)
        .extracting(PodView::key)
        .containsExactlyElementsOf(expected);
    assertThat(resolution.has(Type.DENIED_NAMESPACE)).as(context).isEqualTo(denied > 0);

    int eligible = (int) resolution.matched().stream().filter(p -> !p.terminating()).count();
    List<PodView> selected = resolution.selectedPods();
    assertThat(resolution.matched()).as(context).containsAll(selected);
    assertThat(selected).as(context).noneMatch(PodView::terminating);
    assertSize(spec.target().effectiveBlastRadius(), eligible, selected.size(), context);
    assertThat(resolution.has(Type.NO_MATCH)).isEqualTo(eligible == 0);
    for (SelectedPod pod : resolution.selected()) {
      assertThat(pod.containers()).as(context).isEqualTo(containers(spec.target(), pod.pod()));
    }

    var shuffled = new ArrayList<>(snapshot.pods());
    Collections.shuffle(shuffled, random);
    StaticSnapshot reordered =
        new StaticSnapshot(snapshot.version(), List.of(), shuffled, List.of(), snapshot.nodes());
    assertThat(
            TargetResolver.resolve(spec.target(), reordered, safety, resolution.seed()).selected())
        .as("same pods, same seed, other order: " + context)
        .isEqualTo(resolution.selected());
  }

  private static void assertSize(BlastRadius radius, int eligible, int size, String context) {
    Integer v = radius.value();
    switch (radius.mode()) {
      case ALL -> assertThat(size).as(context).isEqualTo(eligible);
      case ONE -> assertThat(size).as(context).isEqualTo(Math.min(1, eligible));
      case COUNT -> assertThat(size).as(context).isEqualTo(Math.min(v, eligible));
      case PERCENT -> assertThat(size).as(context).isEqualTo((int) Math.ceil(v * eligible / 100.0));
      case MAX_PERCENT -> {
        int most = (int) Math.floor(v * eligible / 100.0);
        if (most == 0) {
          assertThat(size).as(context).isZero();
        } else {
          assertThat(size).as(context).isBetween(1, most);
        }
      }
    }
  }

  // ---- the oracle: the documented rules, written out plainly ----

  private static boolean matches(Spec spec, PodView pod, List<NodeView> nodes) {
    Target t = spec.target();
    boolean namespace =
        t.namespaces().contains(pod.namespace())
            || (t.namespacePattern() != null
                && Pattern.matches(t.namespacePattern(), pod.namespace()));
    if (!namespace) {
      return false;
    }
    boolean phase = false;
    for (PodPhase p : t.phases().isEmpty() ? List.of(PodPhase.RUNNING) : t.phases()) {
      phase |= p.keyword().equals(pod.phase());
    }
    if (!phase
        || !all(spec.labels(), pod.labels())
        || !all(spec.annotations(), pod.annotations())) {
      return false;
    }
    for (FieldTerm term : spec.fields()) {
      String actual =
          switch (term.field()) {
            case "metadata.name" -> pod.name();
            case "metadata.namespace" -> pod.namespace();
            case "spec.nodeName" -> pod.node();
            default -> pod.phase();
          };
      if (actual.equals(term.value()) == term.negated()) {
        return false;
      }
    }
    if (t.nodeSelector() != null) {
      NodeView node = null;
      for (NodeView n : nodes) {
        if (n.name().equals(pod.node())) {
          node = n;
        }
      }
      if (node == null || !all(spec.nodes(), node.labels())) {
        return false;
      }
    }
    if (t.owner() != null) {
      boolean deployment = t.owner().kind() == OwnerKind.DEPLOYMENT;
      String kind = deployment ? pod.workloadKind() : pod.ownerKind();
      String name = deployment ? pod.workloadName() : pod.ownerName();
      if (!kind.equals(t.owner().kind().keyword())
          || (t.owner().name() != null && !Pattern.matches(t.owner().name(), name))) {
        return false;
      }
    }
    if (t.podName() != null && !Pattern.matches(t.podName(), pod.name())) {
      return false;
    }
    return t.containers().isEmpty() || !containers(t, pod).isEmpty();
  }

  private static List<String> containers(Target t, PodView pod) {
    var names = new ArrayList<String>();
    for (ContainerView c : pod.containers()) {
      boolean hit = t.containers().isEmpty();
      for (String regex : t.containers()) {
        hit |= Pattern.matches(regex, c.name());
      }
      if (hit) {
        names.add(c.name());
      }
    }
    return names;
  }

  private static boolean all(List<Requirement> requirements, Map<String, String> labels) {
    for (Requirement r : requirements) {
      if (!r.holds(labels)) {
        return false;
      }
    }
    return true;
  }

  // ---- generators ----

  StaticSnapshot snapshot() {
    var nodes = new ArrayList<NodeView>();
    int nodeCount = random.nextInt(6);
    for (int i = 0; i < nodeCount; i++) {
      var labels = new HashMap<String, String>();
      labels.put("topology.kubernetes.io/zone", pick(ZONES));
      if (random.nextBoolean()) {
        labels.put("tier", pick(List.of("spot", "on-demand")));
      }
      nodes.add(new NodeView("node-" + i, labels, false, true));
    }
    var pods = new ArrayList<PodView>();
    int podCount = random.nextInt(300);
    for (int i = 0; i < podCount; i++) {
      pods.add(pod(i, nodes));
    }
    return new StaticSnapshot(random.nextInt(100), List.of(), pods, List.of(), nodes);
  }

  PodView pod(int i, List<NodeView> nodes) {
    String workload = pick(PREFIXES) + "-wl";
    String[] owner =
        switch (random.nextInt(6)) {
          case 0 -> new String[] {"", "", "", ""};
          case 1 -> new String[] {"ReplicaSet", workload + "-rs", "Deployment", workload};
          case 2 -> new String[] {"ReplicaSet", workload, "ReplicaSet", workload};
          case 3 -> new String[] {"StatefulSet", workload, "StatefulSet", workload};
          case 4 -> new String[] {"DaemonSet", workload, "DaemonSet", workload};
          default -> new String[] {"Job", workload, "Job", workload};
        };
    int nodeChoice = random.nextInt(nodes.size() + 2);
    String node =
        nodeChoice < nodes.size()
            ? nodes.get(nodeChoice).name()
            : nodeChoice == nodes.size() ? "" : "node-gone";
    var containers = new ArrayList<ContainerView>();
    for (String c : CONTAINERS) {
      if (containers.isEmpty() || random.nextInt(3) == 0) {
        containers.add(new ContainerView(c, true, "running", 0));
      }
    }
    Collections.shuffle(containers, random);
    return new PodView(
        pick(NAMESPACES),
        pick(PREFIXES) + "-" + i,
        "uid-" + i,
        map(LABEL_KEYS, LABEL_VALUES),
        map(ANNOTATION_KEYS, ANNOTATION_VALUES),
        random.nextInt(4) == 0 ? pick(PHASES) : "Running",
        random.nextInt(5) != 0,
        random.nextInt(10) == 0,
        node,
        owner[0],
        owner[1],
        owner[2],
        owner[3],
        containers);
  }

  Spec spec() {
    List<Requirement> labels = maybe(() -> requirements(LABEL_KEYS, LABEL_VALUES));
    List<Requirement> annotations = maybe(() -> requirements(ANNOTATION_KEYS, ANNOTATION_VALUES));
    List<Requirement> nodes =
        maybe(() -> requirements(List.of("topology.kubernetes.io/zone", "tier"), ZONES));
    List<FieldTerm> fields = maybe(this::fieldTerms);
    var phases = new ArrayList<PodPhase>();
    if (random.nextInt(3) == 0) {
      for (PodPhase p : PodPhase.values()) {
        if (random.nextBoolean()) {
          phases.add(p);
        }
      }
    }
    var namespaces = new ArrayList<String>();
    for (int i = random.nextInt(3); i > 0; i--) {
      namespaces.add(pick(NAMESPACES));
    }
    OwnerSelector owner =
        random.nextInt(4) == 0
            ? OwnerSelector.of(
                pick(List.of(OwnerKind.values())),
                random.nextBoolean() ? null : pick(List.of("api-wl", "(web|db)-.*", ".*-wl-rs")))
            : null;
    Target target =
        new Target(
            null,
            namespaces,
            namespaces.isEmpty() || random.nextInt(3) == 0
                ? pick(List.of("team-.*", "kube-.*", ".*", "s.*", "b?illing"))
                : null,
            text(labels),
            text(annotations),
            fields == null
                ? null
                : String.join(
                    ",",
                    fields.stream()
                        .map(f -> f.field() + (f.negated() ? "!=" : "=") + f.value())
                        .toList()),
            phases,
            text(nodes),
            owner,
            random.nextInt(4) == 0
                ? pick(List.of("api-.*", ".*-1[0-9]*", "(web|db)-[0-9]+", "pi-.*", "[0-9]+"))
                : null,
            random.nextInt(3) == 0
                ? List.of(
                    pick(List.of("app", "side.*", "istio-.*", "m.*", "side", "proxy")),
                    pick(List.of("app", "x")))
                : List.of(),
            radius(),
            Extras.NONE);
    return new Spec(
        target,
        labels == null ? List.of() : labels,
        annotations == null ? List.of() : annotations,
        nodes == null ? List.of() : nodes,
        fields == null ? List.of() : fields);
  }

  private List<Requirement> requirements(List<String> keys, List<String> values) {
    var requirements = new ArrayList<Requirement>();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      String op = pick(List.of("=", "!=", "in", "notin", "exists", "!exists"));
      List<String> vs =
          switch (op) {
            case "exists", "!exists" -> List.of();
            case "in", "notin" -> List.of(pick(values), pick(values)).stream().distinct().toList();
            default -> List.of(pick(values));
          };
      requirements.add(new Requirement(pick(keys), op, vs));
    }
    return requirements;
  }

  private List<FieldTerm> fieldTerms() {
    var terms = new ArrayList<FieldTerm>();
    for (int i = 1 + random.nextInt(2); i > 0; i--) {
      String field =
          pick(List.of("metadata.name", "metadata.namespace", "spec.nodeName", "status.phase"));
      String value =
          switch (field) {
            case "metadata.name" -> pick(PREFIXES) + "-" + random.nextInt(20);
            case "metadata.namespace" -> pick(NAMESPACES);
            case "spec.nodeName" -> pick(List.of("", "node-0", "node-1", "node-gone"));
            default -> pick(PHASES);
          };
      terms.add(new FieldTerm(field, random.nextBoolean(), value));
    }
    return terms;
  }

  private BlastRadius radius() {
    BlastRadius.Mode mode = pick(List.of(BlastRadius.Mode.values()));
    Integer value =
        switch (mode) {
          case ALL, ONE -> null;
          case COUNT -> 1 + random.nextInt(40);
          default -> 1 + random.nextInt(100);
        };
    Long seed = random.nextInt(4) == 0 ? (long) random.nextInt(1000) : null;
    return random.nextInt(5) == 0 ? null : new BlastRadius(mode, value, seed, Extras.NONE);
  }

  NamespacePolicy policy() {
    return switch (random.nextInt(3)) {
      case 0 -> NamespacePolicy.DEFAULT;
      case 1 -> new NamespacePolicy(List.of(), List.of("team-b"), Extras.NONE);
      default -> new NamespacePolicy(List.of("shop", "team-a", "kube-system"), null, Extras.NONE);
    };
  }

  private Map<String, String> map(List<String> keys, List<String> values) {
    var map = new LinkedHashMap<String, String>();
    for (String key : keys) {
      if (random.nextInt(3) != 0) {
        map.put(key, pick(values));
      }
    }
    return map;
  }

  private <T> T maybe(java.util.function.Supplier<T> generate) {
    return random.nextInt(3) == 0 ? generate.get() : null;
  }

  private static String text(List<Requirement> requirements) {
    return requirements == null
        ? null
        : String.join(",", requirements.stream().map(Requirement::text).toList());
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
