package dev.faultline.app.actions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ranks actions for the command palette: every word typed must appear in the action's text or
 * group; actions whose text starts with the query, then whose words start with the typed words,
 * come first.
 */
public final class ActionMatcher {
  private ActionMatcher() {}

  /** The enabled and disabled actions matching {@code query}, best first; all for a blank query. */
  public static List<AppAction> rank(List<AppAction> actions, String query) {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    if (q.isEmpty()) {
      return List.copyOf(actions);
    }
    String[] words = q.split("\\s+");
    record Scored(AppAction action, int score, int order) {}
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      AppAction action = actions.get(i);
      String text = action.plainText().toLowerCase(Locale.ROOT);
      String haystack = text + " " + action.group().toLowerCase(Locale.ROOT);
      int score = score(text, haystack, q, words);
      if (score > 0) {
        scored.add(new Scored(action, score, i));
      }
    }
    // Equal scores: the shorter text is the closer match ("Delete" before "Delete pods").
    scored.sort(
        Comparator.comparingInt(Scored::score)
            .reversed()
            .thenComparingInt(s -> s.action().plainText().length())
            .thenComparingInt(Scored::order));
    return scored.stream().map(Scored::action).toList();
  }

  private static int score(String text, String haystack, String query, String[] words) {
    int score = 1;
    for (String word : words) {
      int at = haystack.indexOf(word);
      if (at < 0) {
        return 0;
      }
      if (at == 0 || haystack.charAt(at - 1) == ' ') {
        score += 2; // starts a word
      }
    }
    if (text.startsWith(query)) {
      score += 10;
    }
    return score;
  }
}
