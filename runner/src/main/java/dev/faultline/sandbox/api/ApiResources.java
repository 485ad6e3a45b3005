package dev.faultline.sandbox.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resource types the sandbox serves: the built-in ones Faultline and kubectl use, plus the
 * Chaos Mesh and Istio custom resources. Discovery, the CRUD store's custom-resource contexts and
 * Table output all read this one list.
 */
public final class ApiResources {
  static final Set<String> CUSTOM_GROUPS = Set.of("chaos-mesh.org", "networking.istio.io");

  private static final List<String> NONE = List.of();
  private static final List<ApiResource> ALL = build();

  private ApiResources() {}

  public static List<ApiResource> all() {
    return ALL;
  }

  public static Optional<ApiResource> find(String group, String version, String plural) {
    return ALL.stream()
        .filter(
            r ->
                r.group().equals(group) && r.version().equals(version) && r.plural().equals(plural))
        .findFirst();
  }

  /** Group versions in discovery order, each with its resources. */
  public static Map<String, List<ApiResource>> byGroupVersion() {
    var map = new LinkedHashMap<String, List<ApiResource>>();
    ALL.forEach(r -> map.computeIfAbsent(r.apiVersion(), k -> new ArrayList<>()).add(r));
    return map;
  }

  private static List<ApiResource> build() {
    var all = new ArrayList<ApiResource>();
    // core/v1
    all.add(
        core(
            "Pod",
            "pods",
            "pod",
            true,
            List.of("po"),
            List.of("status", "log", "exec", "eviction", "binding")));
    all.add(core("Service", "services", "service", true, List.of("svc"), List.of("status")));
    all.add(core("Namespace", "namespaces", "namespace", false, List.of("ns"), List.of("status")));
    all.add(core("Node", "nodes", "node", false, List.of("no"), List.of("status")));
    all.add(core("ConfigMap", "configmaps", "configmap", true, List.of("cm"), NONE));
    all.add(core("Secret", "secrets", "secret", true, NONE, NONE));
    all.add(core("Event", "events", "event", true, List.of("ev"), NONE));
    all.add(core("Endpoints", "endpoints", "endpoints", true, List.of("ep"), NONE));
    all.add(core("ServiceAccount", "serviceaccounts", "serviceaccount", true, List.of("sa"), NONE));
    all.add(
        core(
            "PersistentVolumeClaim",
            "persistentvolumeclaims",
            "persistentvolumeclaim",
            true,
            List.of("pvc"),
            List.of("status")));
    // apps/v1
    all.add(
        of(
            "apps",
            "v1",
            "Deployment",
            "deployments",
            "deployment",
            true,
            List.of("deploy"),
            List.of("status", "scale")));
    all.add(
        of(
            "apps",
            "v1",
            "ReplicaSet",
            "replicasets",
            "replicaset",
            true,
            List.of("rs"),
            List.of("status", "scale")));
    all.add(
        of(
            "apps",
            "v1",
            "StatefulSet",
            "statefulsets",
            "statefulset",
            true,
            List.of("sts"),
            List.of("status", "scale")));
    all.add(
        of(
            "apps",
            "v1",
            "DaemonSet",
            "daemonsets",
            "daemonset",
            true,
            List.of("ds"),
            List.of("status")));
    // others used by experiments and kubectl
    all.add(
        of(
            "policy",
            "v1",
            "PodDisruptionBudget",
            "poddisruptionbudgets",
            "poddisruptionbudget",
            true,
            List.of("pdb"),
            List.of("status")));
    all.add(of("batch", "v1", "Job", "jobs", "job", true, NONE, List.of("status")));
    all.add(
        of(
            "networking.k8s.io",
            "v1",
            "NetworkPolicy",
            "networkpolicies",
            "networkpolicy",
            true,
            List.of("netpol"),
            NONE));
    all.add(
        of(
            "networking.k8s.io",
            "v1",
            "Ingress",
            "ingresses",
            "ingress",
            true,
            List.of("ing"),
            List.of("status")));
    all.add(
        of(
            "apiextensions.k8s.io",
            "v1",
            "CustomResourceDefinition",
            "customresourcedefinitions",
            "customresourcedefinition",
            false,
            List.of("crd", "crds"),
            List.of("status")));
    // Faultline's RBAC preflight and kubectl auth can-i ask this; the sandbox allows everything.
    all.add(
        of(
            "authorization.k8s.io",
            "v1",
            "SelfSubjectAccessReview",
            "selfsubjectaccessreviews",
            "selfsubjectaccessreview",
            false,
            NONE,
            NONE));
    // Chaos Mesh
    for (String kind :
        List.of(
            "PodChaos",
            "NetworkChaos",
            "StressChaos",
            "HTTPChaos",
            "IOChaos",
            "TimeChaos",
            "DNSChaos",
            "KernelChaos",
            "Workflow",
            "WorkflowNode",
            "Schedule",
            "StatusCheck")) {
      String plural = kind.toLowerCase(java.util.Locale.ROOT) + (kind.endsWith("Chaos") ? "" : "s");
      all.add(
          of(
              "chaos-mesh.org",
              "v1alpha1",
              kind,
              plural,
              kind.toLowerCase(java.util.Locale.ROOT),
              true,
              switch (kind) {
                case "Workflow" -> List.of("wf");
                case "WorkflowNode" -> List.of("wfn");
                default -> NONE;
              },
              List.of("status")));
    }
    // Istio
    all.add(
        of(
            "networking.istio.io",
            "v1",
            "VirtualService",
            "virtualservices",
            "virtualservice",
            true,
            List.of("vs"),
            List.of("status")));
    all.add(
        of(
            "networking.istio.io",
            "v1",
            "DestinationRule",
            "destinationrules",
            "destinationrule",
            true,
            List.of("dr"),
            List.of("status")));
    all.add(
        of(
            "networking.istio.io",
            "v1",
            "Gateway",
            "gateways",
            "gateway",
            true,
            List.of("gw"),
            List.of("status")));
    return List.copyOf(all);
  }

  private static ApiResource core(
      String kind,
      String plural,
      String singular,
      boolean namespaced,
      List<String> shortNames,
      List<String> sub) {
    return of("", "v1", kind, plural, singular, namespaced, shortNames, sub);
  }

  private static ApiResource of(
      String group,
      String version,
      String kind,
      String plural,
      String singular,
      boolean namespaced,
      List<String> shortNames,
      List<String> sub) {
    return new ApiResource(group, version, kind, plural, singular, namespaced, shortNames, sub);
  }
}
