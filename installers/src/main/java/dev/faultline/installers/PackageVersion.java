package dev.faultline.installers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a package carries, derived from the Maven version: jpackage accepts only numbers, and
 * each platform narrows them further.
 *
 * <p>Run as {@code PackageVersion MAVEN_VERSION linux|windows|mac}; prints the version.
 */
public final class PackageVersion {

  private static final Pattern NUMBERS = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

  private PackageVersion() {}

  /**
   * The package version for {@code mavenVersion} on {@code os}: the numeric part without its
   * qualifier ({@code 0.1.0-SNAPSHOT} is {@code 0.1.0}), padded to three numbers.
   *
   * <p>Windows Installer allows at most 255.255.65535. macOS (jpackage's check of CFBundleVersion)
   * refuses a first number of 0, so a 0.M.P release is packaged as 1.M.P there until 1.0: only the
   * bundle's metadata says so, the app's About box shows the real version.
   *
   * @throws IllegalArgumentException when the version does not start with a number or exceeds what
   *     the platform can hold
   */
  public static String of(String mavenVersion, String os) {
    Matcher matcher = NUMBERS.matcher(mavenVersion.strip());
    if (!matcher.lookingAt()) {
      throw new IllegalArgumentException("no numeric version in '" + mavenVersion + "'");
    }
    List<Integer> parts = new ArrayList<>();
    for (int group = 1; group <= 3; group++) {
      String part = matcher.group(group);
      parts.add(part == null ? 0 : Integer.parseInt(part));
    }
    switch (os.toLowerCase(Locale.ROOT)) {
      case "linux" -> {}
      case "windows" -> {
        if (parts.get(0) > 255 || parts.get(1) > 255 || parts.get(2) > 65535) {
          throw new IllegalArgumentException(
              "'" + mavenVersion + "' exceeds the MSI version limit 255.255.65535");
        }
      }
      case "mac" -> {
        if (parts.get(0) == 0) {
          parts.set(0, 1);
        }
      }
      default -> throw new IllegalArgumentException("unknown OS '" + os + "'");
    }
    return parts.get(0) + "." + parts.get(1) + "." + parts.get(2);
  }

  /**
   * Prints the version.
   *
   * @param args Maven version, OS (linux, windows or mac)
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: PackageVersion MAVEN_VERSION linux|windows|mac");
      System.exit(64);
    }
    System.out.println(of(args[0], args[1]));
  }
}
