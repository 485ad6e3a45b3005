package dev.faultline.model;

import java.util.List;

/**
 * Which namespaces an experiment may touch. Deny always wins. An empty allow list allows every
 * namespace that is not denied. When {@code deny} is absent from the file ({@code null} here) the
 * {@link #DEFAULT_DENY} list applies, so system namespaces are safe unless a file opts out with
 * {@code deny: []}.
 */
public record NamespacePolicy(List<String> allow, List<String> deny, Extras extras) {
  public static final List<String> DEFAULT_DENY =
      List.of("kube-system", "kube-public", "kube-node-lease");
  public static final NamespacePolicy DEFAULT = new NamespacePolicy(List.of(), null, Extras.NONE);

  public NamespacePolicy {
    allow = PlainData.strings(allow);
    deny = deny == null ? null : List.copyOf(deny);
    extras = extras == null ? Extras.NONE : extras;
  }

  public List<String> effectiveDeny() {
    return deny == null ? DEFAULT_DENY : deny;
  }

  public boolean permits(String namespace) {
    return !effectiveDeny().contains(namespace) && (allow.isEmpty() || allow.contains(namespace));
  }
}
