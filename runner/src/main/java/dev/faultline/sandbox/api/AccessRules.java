package dev.faultline.sandbox.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the sandbox forbids. Empty by default: the sandbox allows every request. A test of the "RBAC
 * forbidden" path denies a permission here; from then on the sandbox answers {@code
 * SelfSubjectAccessReview}s for it with {@code allowed: false}, and answers matching API requests
 * with {@code 403 Forbidden} and kube-apiserver's message ({@code User "faultline-sandbox" cannot
 * delete resource "pods" in API group "" in the namespace "shop"}). Streaming HTTP watches are not
 * checked. Thread-safe; changes take effect on the next request.
 */
public final class AccessRules {
  /** The user name the sandbox reports in denials. */
  public static final String USER = "faultline-sandbox";

  /**
   * One denied permission; {@code *} matches anything, and an empty namespace matches every
   * namespace (and the cluster scope).
   */
  public record Rule(
      String verb, String group, String resource, String subresource, String namespace) {
    public Rule {
      verb = orAny(verb);
      group = group == null ? "" : group;
      resource = orAny(resource);
      subresource = subresource == null ? "" : subresource;
      namespace = namespace == null ? "" : namespace;
    }

    private static String orAny(String value) {
      return value == null || value.isEmpty() ? "*" : value;
    }

    boolean matches(String v, String g, String r, String s, String n) {
      return (verb.equals("*") || verb.equals(v))
          && (group.equals("*") || group.equals(g == null ? "" : g))
          && (resource.equals("*") || resource.equals(r))
          && (subresource.equals("*") || subresource.equals(s == null ? "" : s))
          && (namespace.isEmpty() || namespace.equals("*") || namespace.equals(n));
    }
  }

  private final List<Rule> denied = new CopyOnWriteArrayList<>();

  /** Forbids a permission from now on. */
  public AccessRules deny(Rule rule) {
    denied.add(rule);
    return this;
  }

  /** Forbids {@code verb} on {@code resource} (core or any group) everywhere. */
  public AccessRules deny(String verb, String resource) {
    return deny(new Rule(verb, "*", resource, "*", ""));
  }

  /** Allows everything again. */
  public void allowAll() {
    denied.clear();
  }

  /**
   * The denial message when the request is forbidden.
   *
   * @param namespace {@code null} or empty at the cluster scope
   */
  public Optional<String> denial(
      String verb, String group, String resource, String subresource, String namespace) {
    String g = group == null ? "" : group;
    String s = subresource == null ? "" : subresource;
    String n = namespace == null ? "" : namespace;
    for (Rule rule : denied) {
      if (rule.matches(verb, g, resource, s, n)) {
        String what = s.isEmpty() ? resource : resource + "/" + s;
        return Optional.of(
            "User \""
                + USER
                + "\" cannot "
                + verb
                + " resource \""
                + what
                + "\" in API group \""
                + g
                + "\""
                + (n.isEmpty() ? " at the cluster scope" : " in the namespace \"" + n + "\""));
      }
    }
    return Optional.empty();
  }

  /** Whether any permission is denied. */
  public boolean isEmpty() {
    return denied.isEmpty();
  }
}
