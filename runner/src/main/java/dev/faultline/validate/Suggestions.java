package dev.faultline.validate;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for mistyped ids and field names, by edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The closest candidate within a distance that still looks like a typo (a third of the word, at
   * least 1, at most 3), or empty.
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    if (word == null || word.isEmpty()) {
      return Optional.empty();
    }
    int limit = Math.clamp(word.length() / 3, 1, 3);
    return candidates.stream()
        .filter(candidate -> !candidate.equals(word))
        .map(candidate -> new Scored(candidate, distance(word, candidate)))
        .filter(
            scored ->
                (scored.distance <= limit
                        && scored.distance < word.length()
                        && scored.distance < scored.candidate.length())
                    || sameIgnoringCase(word, scored.candidate))
        .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
        .map(Scored::candidate);
  }

  /** " (did you mean 'x'?)" or an empty string, ready to append to a message. */
  public static String didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
  }

  private static boolean sameIgnoringCase(String a, String b) {
    return a.equalsIgnoreCase(b);
  }

  /** Optimal string alignment distance: like Levenshtein, with swaps of neighbours as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private record Scored(String candidate, int distance) {}
}
