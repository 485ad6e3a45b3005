package dev.faultline.sandbox.api;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The API groups that kube-apiserver (with its aggregated apiextensions and kube-aggregator
 * servers) serves from compiled Go types. Only those groups have patch strategies and printers;
 * everything else is a custom resource, served from JSON with neither.
 */
final class BuiltInGroups {
  private static final Set<String> GROUPS =
      Set.of(
          "",
          "admissionregistration.k8s.io",
          "apiextensions.k8s.io",
          "apiregistration.k8s.io",
          "apps",
          "authentication.k8s.io",
          "authorization.k8s.io",
          "autoscaling",
          "batch",
          "certificates.k8s.io",
          "coordination.k8s.io",
          "discovery.k8s.io",
          "events.k8s.io",
          "flowcontrol.apiserver.k8s.io",
          "internal.apiserver.k8s.io",
          "networking.k8s.io",
          "node.k8s.io",
          "policy",
          "rbac.authorization.k8s.io",
          "resource.k8s.io",
          "scheduling.k8s.io",
          "storage.k8s.io",
          "storagemigration.k8s.io");

  private BuiltInGroups() {}

  static boolean contains(String group) {
    return GROUPS.contains(group);
  }

  /**
   * The group part of an {@code apiVersion}: {@code "apps/v1"} is {@code apps}, {@code "v1"} is
   * core.
   */
  static String groupOf(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The group of an object or list, or null when it carries no {@code apiVersion}. */
  static String groupOf(JsonNode object) {
    JsonNode apiVersion = object.path("apiVersion");
    return apiVersion.isString() ? groupOf(apiVersion.stringValue()) : null;
  }
}
