package dev.faultline.probe;

import static dev.faultline.probe.HttpCheckExecutor.since;
import static dev.faultline.probe.HttpCheckExecutor.span;

import dev.faultline.catalog.ParamValues;
import dev.faultline.cluster.ClusterErrors;
import dev.faultline.cluster.snapshot.NodeView;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.cluster.snapshot.SnapshotViews;
import dev.faultline.model.LabelSelector;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.PodPhase;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.target.TargetMatcher;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code k8s.state}: reads the target's objects and checks a condition over them.
 *
 * <ul>
 *   <li>Pods are matched like the preview matches them ({@link TargetMatcher}: namespaces, label,
 *       annotation, field and node selectors, owner, name, containers), except that a target
 *       without {@code phases} counts pods in <em>every</em> phase: a Pending replacement is a pod
 *       that is not ready, not one to ignore. The blast radius does not apply: a probe looks at
 *       everything the target matches. A pod is ready when its Ready condition is true.
 *   <li>Deployments and StatefulSets (namespaces, label and annotation selectors, name regex) are
 *       ready when their controller has seen the latest spec and {@code readyReplicas} reaches
 *       {@code spec.replicas}.
 *   <li>Nodes (label and annotation selectors, name regex) are ready when their Ready condition is
 *       true.
 * </ul>
 *
 * Namespaces that {@code spec.safety} does not permit are not read. Conditions: {@code allReady}
 * (at least one object, all ready), {@code anyReady}, {@code minReadyPercent}, {@code exists},
 * {@code absent}; an optional {@code jq} filter over the JSON list of the selected objects must
 * also yield true. The sample's value is the number of ready objects, the ready percentage for
 * {@code minReadyPercent}, and the number of objects for {@code exists} and {@code absent}. Reads
 * that take longer than {@value #LIMIT_SECONDS} s give a failed sample.
 */
public final class K8sStateExecutor implements ProbeExecutor {
  static final String ID = "k8s.state";
  static final int LIMIT_SECONDS = 5;
  private static final Duration LIMIT = Duration.ofSeconds(LIMIT_SECONDS);
  private static final ExecutorService READS = Executors.newVirtualThreadPerTaskExecutor();

  @Override
  public String probeId() {
    return ID;
  }

  @Override
  public PreparedProbe prepare(ProbeRequest request, ProbeContext context) throws ProbeException {
    KubernetesClient client = context.requireClient(ID);
    Target target = request.target();
    if (target == null) {
      throw new ProbeException(request.id() + ": " + ID + " needs a target");
    }
    ParamValues params = request.params();
    String condition;
    int minPercent;
    JqFilter jq;
    try {
      condition = params.optionalString("condition").orElse("allReady");
      minPercent =
          condition.equals("minReadyPercent")
              ? Math.toIntExact(
                  params
                      .optionalLong("minReadyPercent")
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "condition minReadyPercent needs the parameter minReadyPercent")))
              : 0;
      jq =
          params.optionalString("jq").isPresent()
              ? JqFilter.compile(ID, params.string("jq"))
              : null;
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ProbeException(request.id() + ": " + e.getMessage(), e);
    }
    if (!Set.of("allReady", "anyReady", "minReadyPercent", "exists", "absent")
        .contains(condition)) {
      throw new ProbeException(request.id() + ": unknown condition " + condition);
    }
    Selection selection;
    try {
      selection = Selection.of(forProbe(target), request.namespaces());
    } catch (IllegalArgumentException e) { // InvalidTargetException included
      throw new ProbeException(
          request.id() + ": target " + request.targetName() + ": " + e.getMessage(), e);
    }
    return new Prepared(client, context.contextName(), selection, condition, minPercent, jq);
  }

  /** The target as the probe reads it: every pod phase unless the target names phases. */
  static Target forProbe(Target target) {
    if (!target.phases().isEmpty()) {
      return target;
    }
    return new Target(
        target.kind(),
        target.namespaces(),
        target.namespacePattern(),
        target.labelSelector(),
        target.annotationSelector(),
        target.fieldSelector(),
        List.of(PodPhase.values()),
        target.nodeSelector(),
        target.owner(),
        target.podName(),
        target.containers(),
        target.blastRadius(),
        target.extras());
  }

  /** The target's selectors, checked once. */
  private record Selection(
      Target target,
      TargetKind kind,
      NamespacePolicy policy,
      Pattern namespacePattern,
      LabelSelector labels,
      LabelSelector annotations,
      Pattern name,
      ListOptions options) {

    static Selection of(Target target, NamespacePolicy policy) {
      TargetKind kind = target.effectiveKind();
      if (kind == TargetKind.POD) {
        TargetMatcher.compile(target, List.of()); // throws on a bad selector or regex
      }
      LabelSelector labels =
          target.labelSelector() == null ? null : LabelSelector.parse(target.labelSelector());
      LabelSelector annotations =
          target.annotationSelector() == null
              ? null
              : LabelSelector.parse(target.annotationSelector());
      ListOptions options =
          labels == null || labels.isEmpty()
              ? new ListOptions()
              : new ListOptionsBuilder().withLabelSelector(target.labelSelector()).build();
      return new Selection(
          target,
          kind,
          policy,
          regex("namespacePattern", target.namespacePattern()),
          labels == null || labels.isEmpty() ? null : labels,
          annotations == null || annotations.isEmpty() ? null : annotations,
          regex("podName", target.podName()),
          options);
    }

    private static Pattern regex(String field, String regex) {
      try {
        return regex == null ? null : Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(field + ": " + e.getDescription(), e);
      }
    }

    String noun() {
      return kind.keyword() + "s";
    }

    /** For kinds other than Pod, which TargetMatcher covers: annotations and name. */
    boolean matchesMeta(ObjectMeta meta) {
      Map<String, String> annotationMap =
          meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
      Map<String, String> labelMap = meta.getLabels() == null ? Map.of() : meta.getLabels();
      return (annotations == null || annotations.matches(annotationMap))
          && (labels == null || labels.matches(labelMap))
          && (name == null || name.matcher(meta.getName()).matches());
    }
  }

  /** What one read found. */
  private record Observation(List<HasMetadata> objects, List<String> notReady, int ready) {}

  private record Prepared(
      KubernetesClient client,
      String contextName,
      Selection selection,
      String condition,
      int minPercent,
      JqFilter jq)
      implements PreparedProbe {

    @Override
    public ProbeSample sample() throws InterruptedException {
      long start = System.nanoTime();
      Future<Observation> read = READS.submit(this::observe);
      Observation seen;
      try {
        seen = read.get(LIMIT.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        read.cancel(true);
        return ProbeSample.fail(
            Double.NaN,
            since(start),
            "cannot read "
                + selection.noun()
                + ": the cluster did not answer within "
                + span(LIMIT));
      } catch (InterruptedException e) {
        read.cancel(true);
        throw e;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return ProbeSample.fail(
            Double.NaN,
            since(start),
            "cannot read "
                + selection.noun()
                + ": "
                + ClusterErrors.describe(String.valueOf(client.getMasterUrl()), cause));
      }
      return judge(seen, start);
    }

    private Observation observe() {
      return switch (selection.kind()) {
        case POD -> pods();
        case DEPLOYMENT ->
            workloads(
                ns ->
                    client
                        .apps()
                        .deployments()
                        .inNamespace(ns)
                        .list(selection.options())
                        .getItems(),
                K8sStateExecutor::deploymentReady);
        case STATEFUL_SET ->
            workloads(
                ns ->
                    client
                        .apps()
                        .statefulSets()
                        .inNamespace(ns)
                        .list(selection.options())
                        .getItems(),
                K8sStateExecutor::statefulSetReady);
        case NODE -> nodes();
      };
    }

    private Set<String> namespaces() {
      var names = new LinkedHashSet<>(selection.target().namespaces());
      if (selection.namespacePattern() != null) {
        for (Namespace ns : client.namespaces().list().getItems()) {
          String name = ns.getMetadata().getName();
          if (selection.namespacePattern().matcher(name).matches()) {
            names.add(name);
          }
        }
      }
      names.removeIf(ns -> !selection.policy().permits(ns));
      return names;
    }

    private Observation pods() {
      var pods = new ArrayList<Pod>();
      for (String ns : namespaces()) {
        pods.addAll(client.pods().inNamespace(ns).list(selection.options()).getItems());
      }
      List<NodeView> nodes =
          selection.target().nodeSelector() == null
              ? List.of()
              : SnapshotViews.nodes(client.nodes().list().getItems());
      TargetMatcher matcher = TargetMatcher.compile(selection.target(), nodes);
      List<PodView> views = SnapshotViews.pods(pods);
      var objects = new ArrayList<HasMetadata>();
      var notReady = new ArrayList<String>();
      int ready = 0;
      for (int i = 0; i < views.size(); i++) {
        PodView view = views.get(i);
        if (matcher.test(view)) {
          objects.add(pods.get(i));
          if (view.ready()) {
            ready++;
          } else {
            notReady.add(view.key());
          }
        }
      }
      return new Observation(objects, notReady, ready);
    }

    private <T extends HasMetadata> Observation workloads(
        java.util.function.Function<String, List<T>> list,
        java.util.function.Predicate<T> isReady) {
      var objects = new ArrayList<HasMetadata>();
      var notReady = new ArrayList<String>();
      int ready = 0;
      for (String ns : namespaces()) {
        for (T item : list.apply(ns)) {
          if (!selection.matchesMeta(item.getMetadata())) {
            continue;
          }
          objects.add(item);
          if (isReady.test(item)) {
            ready++;
          } else {
            notReady.add(ns + "/" + item.getMetadata().getName());
          }
        }
      }
      return new Observation(objects, notReady, ready);
    }

    private Observation nodes() {
      var objects = new ArrayList<HasMetadata>();
      var notReady = new ArrayList<String>();
      int ready = 0;
      for (Node node : client.nodes().list(selection.options()).getItems()) {
        if (!selection.matchesMeta(node.getMetadata())) {
          continue;
        }
        objects.add(node);
        if (nodeReady(node)) {
          ready++;
        } else {
          notReady.add(node.getMetadata().getName());
        }
      }
      return new Observation(objects, notReady, ready);
    }

    private ProbeSample judge(Observation seen, long start) {
      int total = seen.objects().size();
      int ready = seen.ready();
      String noun = selection.noun();
      double percent = total == 0 ? 0 : 100.0 * ready / total;
      String counted = ready + " of " + total + " " + noun + " ready";
      boolean passed;
      double value;
      String message;
      switch (condition) {
        case "allReady" -> {
          passed = total > 0 && ready == total;
          value = ready;
          message = total == 0 ? "no " + noun + " match" : counted + notReady(seen);
        }
        case "anyReady" -> {
          passed = ready > 0;
          value = ready;
          message = total == 0 ? "no " + noun + " match" : counted;
        }
        case "minReadyPercent" -> {
          passed = total > 0 && percent >= minPercent;
          value = percent;
          message =
              total == 0
                  ? "no " + noun + " match"
                  : counted
                      + " ("
                      + Math.round(Math.floor(percent))
                      + "%, need "
                      + minPercent
                      + "%)"
                      + (passed ? "" : notReady(seen));
        }
        case "exists" -> {
          passed = total > 0;
          value = total;
          message = total == 0 ? "no " + noun + " match" : total + " " + noun + " match";
        }
        default -> { // absent
          passed = total == 0;
          value = total;
          message =
              total == 0
                  ? "no " + noun + " match"
                  : total + " " + noun + " still match: " + names(seen.objects());
        }
      }
      if (jq != null) {
        JqFilter.Outcome outcome =
            jq.testText(client.getKubernetesSerialization().asJson(seen.objects()));
        passed = passed && outcome.passed();
        message = message + ", " + outcome.message();
      }
      return new ProbeSample(passed, value, since(start), message);
    }

    private static String notReady(Observation seen) {
      return seen.notReady().isEmpty() ? "" : "; not ready: " + list(seen.notReady());
    }

    private static String names(List<HasMetadata> objects) {
      var names = new ArrayList<String>();
      for (HasMetadata o : objects) {
        String ns = o.getMetadata().getNamespace();
        names.add((ns == null ? "" : ns + "/") + o.getMetadata().getName());
      }
      return list(names);
    }

    private static String list(List<String> names) {
      return names.size() <= 3
          ? String.join(", ", names)
          : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }
  }

  static boolean deploymentReady(Deployment d) {
    int desired =
        d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    var status = d.getStatus();
    if (status == null) {
      return desired == 0;
    }
    return observed(d.getMetadata(), status.getObservedGeneration())
        && orZero(status.getReadyReplicas()) >= desired;
  }

  static boolean statefulSetReady(StatefulSet s) {
    int desired =
        s.getSpec() == null || s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
    var status = s.getStatus();
    if (status == null) {
      return desired == 0;
    }
    return observed(s.getMetadata(), status.getObservedGeneration())
        && orZero(status.getReadyReplicas()) >= desired;
  }

  static boolean nodeReady(Node node) {
    if (node.getStatus() == null || node.getStatus().getConditions() == null) {
      return false;
    }
    for (NodeCondition c : node.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return "True".equalsIgnoreCase(c.getStatus());
      }
    }
    return false;
  }

  private static boolean observed(ObjectMeta meta, Long observedGeneration) {
    return observedGeneration == null
        || meta.getGeneration() == null
        || observedGeneration >= meta.getGeneration();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
