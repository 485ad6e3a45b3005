package dev.faultline.updates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A release version in semantic-versioning order: {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}, with an
 * optional {@code v} prefix ({@code v0.2.0}, as release tags are named).
 *
 * <p>A pre-release is older than its release ({@code 0.2.0-rc.1 < 0.2.0}); numeric identifiers
 * compare as numbers ({@code rc.2 < rc.10}), others alphabetically, ignoring case, so a Maven
 * {@code 0.2.0-SNAPSHOT} sorts after {@code 0.2.0-rc.1} and before {@code 0.2.0}. Build metadata is
 * ignored. Missing minor and patch numbers count as 0 ({@code v1 == 1.0.0}).
 *
 * @param numbers major, minor, patch (at least three; more are compared too)
 * @param preRelease the dot-separated pre-release identifiers; empty for a release
 */
public record ReleaseVersion(List<Long> numbers, List<String> preRelease)
    implements Comparable<ReleaseVersion> {

  private static final Pattern SHAPE =
      Pattern.compile("\\d{1,18}(\\.\\d{1,18})*(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  public ReleaseVersion {
    List<Long> padded = new ArrayList<>(numbers);
    while (padded.size() < 3) {
      padded.add(0L);
    }
    numbers = List.copyOf(padded);
    preRelease = List.copyOf(preRelease);
  }

  /**
   * Parses a version or release tag.
   *
   * @return empty for text that is not a version ({@code dev}, {@code latest}, blank)
   */
  public static Optional<ReleaseVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.startsWith("v") || s.startsWith("V")) {
      s = s.substring(1);
    }
    if (!SHAPE.matcher(s).matches()) {
      return Optional.empty();
    }
    int plus = s.indexOf('+');
    if (plus >= 0) {
      s = s.substring(0, plus);
    }
    int dash = s.indexOf('-');
    String core = dash >= 0 ? s.substring(0, dash) : s;
    List<String> pre = dash >= 0 ? List.of(s.substring(dash + 1).split("\\.", -1)) : List.of();
    if (pre.stream().anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    List<Long> numbers = new ArrayList<>();
    for (String part : core.split("\\.")) {
      numbers.add(Long.parseLong(part));
    }
    return Optional.of(new ReleaseVersion(numbers, pre));
  }

  /** Whether this is a pre-release ({@code -rc.1}, {@code -beta}, {@code -SNAPSHOT}). */
  public boolean isPreRelease() {
    return !preRelease.isEmpty();
  }

  @Override
  public int compareTo(ReleaseVersion other) {
    int n = Math.max(numbers.size(), other.numbers.size());
    for (int i = 0; i < n; i++) {
      long a = i < numbers.size() ? numbers.get(i) : 0;
      long b = i < other.numbers.size() ? other.numbers.get(i) : 0;
      if (a != b) {
        return Long.compare(a, b);
      }
    }
    // A release outranks any of its pre-releases.
    if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
      return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
    }
    for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
      int c = compareIdentifier(preRelease.get(i), other.preRelease.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(preRelease.size(), other.preRelease.size());
  }

  /** Whether this version is strictly newer than {@code other}. */
  public boolean isNewerThan(ReleaseVersion other) {
    return compareTo(other) > 0;
  }

  private static int compareIdentifier(String a, String b) {
    boolean numA = a.chars().allMatch(Character::isDigit);
    boolean numB = b.chars().allMatch(Character::isDigit);
    if (numA && numB) {
      return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
    }
    if (numA != numB) {
      return numA ? -1 : 1; // semver: numeric identifiers sort first
    }
    return a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < numbers.size(); i++) {
      out.append(i == 0 ? "" : ".").append(numbers.get(i));
    }
    if (!preRelease.isEmpty()) {
      out.append('-').append(String.join(".", preRelease));
    }
    return out.toString();
  }
}
