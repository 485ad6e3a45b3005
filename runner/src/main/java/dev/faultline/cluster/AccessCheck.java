package dev.faultline.cluster;

import java.util.Objects;

/**
 * One permission a run needs, as a {@code SelfSubjectAccessReview} asks it: may I {@code verb} the
 * {@code resource} (in {@code group}, optionally its {@code subresource}) in {@code namespace}?
 *
 * @param group API group, empty for the core group
 * @param subresource e.g. {@code exec}, {@code eviction}, {@code scale}; empty for none
 * @param namespace empty for cluster-scoped resources or all namespaces
 */
public record AccessCheck(
    String verb, String group, String resource, String subresource, String namespace) {
  public AccessCheck {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(resource, "resource");
    group = group == null ? "" : group;
    subresource = subresource == null ? "" : subresource;
    namespace = namespace == null ? "" : namespace;
  }

  public static AccessCheck of(String verb, String group, String resource, String namespace) {
    return new AccessCheck(verb, group, resource, "", namespace);
  }

  /** {@code create pods/exec in shop}, as kubectl auth can-i would say it. */
  public String display() {
    String what = (group.isEmpty() ? "" : group + "/") + resource;
    what += subresource.isEmpty() ? "" : "/" + subresource;
    return verb + " " + what + (namespace.isEmpty() ? "" : " in " + namespace);
  }
}
