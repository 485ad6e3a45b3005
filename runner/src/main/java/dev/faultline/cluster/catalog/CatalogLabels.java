package dev.faultline.cluster.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The storage layout of the catalog: one ConfigMap per saved version, named {@code
 * faultline-exp-<key>-v<N>}, labelled so that {@code kubectl get configmap -l
 * faultline.dev/experiment} finds them, with the experiment's canonical YAML in {@code
 * data["experiment.yaml"]} and who, when and why in annotations.
 *
 * <p>The key is the experiment's {@code metadata.name} when it fits a label value (at most 63
 * characters); a longer name is cut to 52 characters plus {@code -} and ten hex digits of its
 * SHA-256, so that both the label and the ConfigMap name stay within Kubernetes' limits. The full
 * name is always kept in the {@link #NAME} annotation.
 */
public final class CatalogLabels {
  /** Marks every catalog ConfigMap as Faultline's. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** The value of {@link #MANAGED_BY}. */
  public static final String FAULTLINE = "faultline";

  /** The experiment's key (its name when short enough). */
  public static final String EXPERIMENT = "faultline.dev/experiment";

  /** The version number, {@code "1"}, {@code "2"}, … */
  public static final String VERSION = "faultline.dev/version";

  /** The experiment's full {@code metadata.name}. */
  public static final String NAME = "faultline.dev/name";

  /** Who saved: the operating-system user, and the kubeconfig user when known. */
  public static final String SAVED_BY = "faultline.dev/saved-by";

  /** When, as an ISO-8601 instant. */
  public static final String SAVED_AT = "faultline.dev/saved-at";

  /** The save message. */
  public static final String MESSAGE = "faultline.dev/message";

  /** The experiment's {@code metadata.description}. */
  public static final String DESCRIPTION = "faultline.dev/description";

  /** The experiment's {@code metadata.labels} as {@code k=v,k=v}, shown as tags. */
  public static final String TAGS = "faultline.dev/tags";

  /** SHA-256 of the YAML, so that saving unchanged content creates no version. */
  public static final String CONTENT_SHA256 = "faultline.dev/content-sha256";

  /** The data key that holds the experiment. */
  public static final String DATA_KEY = "experiment.yaml";

  /** The ConfigMap name's prefix. */
  public static final String PREFIX = "faultline-exp-";

  private static final int LABEL_LIMIT = 63;
  private static final int CUT = 52;
  private static final Pattern LABEL_VALUE =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

  private CatalogLabels() {}

  /** The label value that stands for an experiment name (a DNS-1123 subdomain). */
  public static String key(String experimentName) {
    if (experimentName.length() <= LABEL_LIMIT) {
      return experimentName;
    }
    String cut = experimentName.substring(0, CUT).replaceAll("[-.]+$", "");
    return cut + "-" + sha256(experimentName).substring(0, 10);
  }

  /** {@code faultline-exp-<key>-v<N>}: at most 14 + 63 + 2 + 10 characters. */
  public static String configMapName(String experimentName, int version) {
    return PREFIX + key(experimentName) + "-v" + version;
  }

  /** Whether {@code value} is a valid label value (what a key read back must be). */
  static boolean isLabelValue(String value) {
    return value != null && LABEL_VALUE.matcher(value).matches();
  }

  /** Lower-case hex SHA-256 of the UTF-8 text. */
  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
