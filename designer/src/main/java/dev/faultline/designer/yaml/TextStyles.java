package dev.faultline.designer.yaml;

import dev.faultline.format.Syntax;
import dev.faultline.validate.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The style classes of the whole text: syntax colours plus a squiggle under each problem's position
 * ({@code problem-error} / {@code problem-warning}).
 */
final class TextStyles {

  private TextStyles() {}

  /** Style spans covering exactly {@code text}. */
  static StyleSpans<Collection<String>> of(String text, Syntax syntax, List<Problem> problems) {
    List<Range> ranges = new ArrayList<>();
    for (SyntaxTokens.Token token : SyntaxTokens.of(text, syntax)) {
      ranges.add(new Range(token.start(), token.end(), token.styleClass()));
    }
    for (Problem problem : problems) {
      problemRange(text, problem).ifPresent(ranges::add);
    }
    return spans(text.length(), ranges);
  }

  private record Range(int start, int end, String styleClass) {}

  /**
   * From the problem's column to the end of the word there; the whole line (without indentation)
   * when the column is unknown or at the line end.
   */
  private static java.util.Optional<Range> problemRange(String text, Problem problem) {
    if (!problem.hasPosition()) {
      return java.util.Optional.empty();
    }
    String styleClass = problem.isError() ? "problem-error" : "problem-warning";
    int lineStart = TextPositions.lineStart(text, problem.line());
    int lineEnd = TextPositions.lineEnd(text, lineStart);
    int start = TextPositions.offsetOf(text, problem.line(), problem.column());
    int end = start;
    while (end < lineEnd && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    if (problem.column() <= 0 || end == start) {
      start = lineStart;
      while (start < lineEnd && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      end = lineEnd;
    }
    return end > start
        ? java.util.Optional.of(new Range(start, end, styleClass))
        : java.util.Optional.empty();
  }

  /** Cuts the text at every range boundary and gives each piece the classes covering it. */
  private static StyleSpans<Collection<String>> spans(int length, List<Range> ranges) {
    TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
    for (Range range : ranges) {
      cuts.add(Math.min(range.start(), length));
      cuts.add(Math.min(range.end(), length));
    }
    ranges.sort(Comparator.comparingInt(Range::start));
    StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
    Integer from = cuts.first();
    for (Integer to : cuts.tailSet(from, false)) {
      List<String> classes = new ArrayList<>();
      for (Range range : ranges) {
        if (range.start() > from) {
          break;
        }
        if (range.end() >= to) {
          classes.add(range.styleClass());
        }
      }
      builder.add(classes, to - from);
      from = to;
    }
    if (length == 0) {
      builder.add(List.of(), 0);
    }
    return builder.create();
  }
}
