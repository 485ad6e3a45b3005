package dev.faultline.export.chaosmesh;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out Workflow template names: DNS-1123 subdomains (lower case; letters, digits, {@code -}
 * and {@code .}), unique within the workflow. A step id that is already a valid name keeps it, so
 * an import gives the same step ids back.
 */
final class TemplateNames {
  private static final int MAX = 63;
  private final Set<String> taken = new HashSet<>();

  /** A valid, unused name close to {@code wanted}; {@code fallback} when nothing is left of it. */
  String claim(String wanted, String fallback) {
    String base = sanitise(wanted);
    if (base.isEmpty()) {
      base = fallback;
    }
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      String suffix = "-" + n;
      name = trim(base.substring(0, Math.min(base.length(), MAX - suffix.length()))) + suffix;
    }
    taken.add(name);
    return name;
  }

  /** {@code Kill_Pods!} → {@code kill-pods}: the DNS-1123 subdomain nearest to a text. */
  static String sanitise(String text) {
    String name =
        text.toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9.-]+", "-")
            .replaceAll("-{2,}", "-")
            // Any run of '-' and '.' holding a dot is one dot: "a.-.b", "a.--.b" → "a.b".
            .replaceAll("[-.]*\\.[-.]*", ".");
    if (name.length() > MAX) {
      name = name.substring(0, MAX);
    }
    return trim(name);
  }

  private static String trim(String name) {
    return name.replaceAll("^[-.]+|[-.]+$", "");
  }
}
