package dev.faultline.format;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes-style {@code group/version} with version ordering {@code v1alpha1 < v1alpha2 <
 * v1beta1 < v1 < v2alpha1 < v2}, used to tell "older, migrate it" from "newer, update Faultline".
 */
public record ApiVersion(String group, int major, Stage stage, int minor) {
  public static final String GROUP = "faultline.dev";
  private static final Pattern VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  public static final Comparator<ApiVersion> ORDER =
      Comparator.comparingInt(ApiVersion::major)
          .thenComparing(ApiVersion::stage)
          .thenComparingInt(ApiVersion::minor);

  /** Maturity of a version; declaration order is release order. */
  public enum Stage {
    ALPHA,
    BETA,
    GA
  }

  public static Optional<ApiVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    Matcher m = VERSION.matcher(text.substring(slash + 1));
    if (!m.matches()) {
      return Optional.empty();
    }
    Stage stage =
        m.group(2) == null ? Stage.GA : m.group(2).equals("alpha") ? Stage.ALPHA : Stage.BETA;
    try {
      return Optional.of(
          new ApiVersion(
              text.substring(0, slash),
              Integer.parseInt(m.group(1)),
              stage,
              m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
  }

  public boolean isNewerThan(ApiVersion other) {
    return ORDER.compare(this, other) > 0;
  }

  @Override
  public String toString() {
    String version =
        "v"
            + major
            + switch (stage) {
              case ALPHA -> "alpha" + minor;
              case BETA -> "beta" + minor;
              case GA -> "";
            };
    return group + "/" + version;
  }
}
