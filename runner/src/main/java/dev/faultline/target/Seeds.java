package dev.faultline.target;

/**
 * The default blast-radius seed of a target: stable per experiment and target name, so a preview
 * and a later run of the same file choose the same pods (unless the cluster changed).
 */
public final class Seeds {
  private Seeds() {}

  public static long forTarget(String experimentName, String targetName) {
    String key = experimentName + "/" + targetName;
    long h = 1125899906842597L;
    for (char c : key.toCharArray()) {
      h = 31 * h + c;
    }
    return h;
  }
}
