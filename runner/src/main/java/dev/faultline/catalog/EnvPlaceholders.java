package dev.faultline.catalog;

/**
 * The {@code ${env:NAME}} placeholders probe parameters may hold for secrets: a run fills them from
 * its environment at call time; exports must say that the other tool will not.
 */
public final class EnvPlaceholders {
  private EnvPlaceholders() {}

  /** Whether the text names any environment variable. */
  public static boolean in(String text) {
    return text != null && text.contains("${env:");
  }
}
