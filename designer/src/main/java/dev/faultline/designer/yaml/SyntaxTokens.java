package dev.faultline.designer.yaml;

import dev.faultline.format.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits experiment text into coloured tokens: keys, strings, numbers (durations too), literals
 * ({@code true}, {@code null}…) and comments. Deliberately simple, line-oriented regular
 * expressions: experiment files are small and mostly block-style, and colouring only has to help
 * the eye, not parse; the reader decides what the text means.
 */
final class SyntaxTokens {

  /**
   * A coloured stretch of text.
   *
   * @param start offset of the first character
   * @param end offset after the last character
   * @param styleClass one of {@code yaml-key}, {@code yaml-string}, {@code yaml-number}, {@code
   *     yaml-literal}, {@code yaml-comment}
   */
  record Token(int start, int end, String styleClass) {}

  // Numbers and literals stand alone: after a blank, a bracket, a comma or a colon, and before a
  // blank, a closing bracket or a comma; so "web#1" or "v2" stay plain text.
  private static final String ALONE_BEFORE = "(?<![^\\s\\[{,:])";
  private static final String ALONE_AFTER = "(?=$|[\\s,\\]}])";
  private static final String NUMBER =
      "(?<NUMBER>" + ALONE_BEFORE + "-?\\d+(?:\\.\\d+)?(?:ms|[smhd])?" + ALONE_AFTER + ")";
  private static final String LITERAL =
      "(?<LITERAL>" + ALONE_BEFORE + "(?:true|false|null|~)" + ALONE_AFTER + ")";
  private static final String DOUBLE_QUOTED = "\"(?:[^\"\\\\\\n]|\\\\.)*\"?";

  private static final Pattern YAML =
      Pattern.compile(
          "(?<COMMENT>(?:^|(?<=[ \\t]))#[^\\n]*)"
              // A key: a plain or quoted word followed by a colon and a blank or line end.
              + "|(?<KEY>(?:[A-Za-z0-9_$][\\w.\\-/$]*|"
              + DOUBLE_QUOTED
              + "|'[^'\\n]*')(?=[ \\t]*:(?:[ \\t]|$)))"
              + "|(?<STRING>"
              + DOUBLE_QUOTED
              + "|'(?:[^'\\n]|'')*'?)"
              + "|"
              + NUMBER
              + "|"
              + LITERAL,
          Pattern.MULTILINE);

  private static final Pattern JSON =
      Pattern.compile(
          "(?<KEY>"
              + DOUBLE_QUOTED
              + "(?=\\s*:))"
              + "|(?<STRING>"
              + DOUBLE_QUOTED
              + ")|"
              + NUMBER
              + "|"
              + LITERAL);

  /** Named groups of the patterns and the style class each gives, in the patterns' order. */
  private static final List<String[]> YAML_GROUPS =
      List.of(
          new String[] {"COMMENT", "yaml-comment"},
          new String[] {"KEY", "yaml-key"},
          new String[] {"STRING", "yaml-string"},
          new String[] {"NUMBER", "yaml-number"},
          new String[] {"LITERAL", "yaml-literal"});

  private static final List<String[]> JSON_GROUPS = YAML_GROUPS.subList(1, YAML_GROUPS.size());

  private SyntaxTokens() {}

  /** The tokens of {@code text}, in order, never overlapping. */
  static List<Token> of(String text, Syntax syntax) {
    Pattern pattern = syntax == Syntax.JSON ? JSON : YAML;
    List<String[]> groups = syntax == Syntax.JSON ? JSON_GROUPS : YAML_GROUPS;
    List<Token> tokens = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      for (String[] group : groups) {
        if (matcher.group(group[0]) != null) {
          if (matcher.end() > matcher.start()) {
            tokens.add(new Token(matcher.start(), matcher.end(), group[1]));
          }
          break;
        }
      }
    }
    return tokens;
  }
}
