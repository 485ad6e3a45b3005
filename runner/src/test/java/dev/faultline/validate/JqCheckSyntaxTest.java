package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Syntax errors: a short message and the offset of the problem. */
class JqCheckSyntaxTest {

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        // Something missing at the end: the index is the expression's length.
        Arguments.of(".status ==", "unexpected end of expression after '=='", 10),
        Arguments.of(
            "reduce .[] as $x", "unexpected end of expression after '$x'; expected '('", 16),
        Arguments.of("def f", "unexpected end of expression after 'f'; expected '(' or ':'", 5),
        Arguments.of("if . then 1", "unexpected end of expression after '1'", 11),
        // Unbalanced brackets.
        Arguments.of("[.a", "unexpected end of expression: '[' at column 1 is not closed", 3),
        Arguments.of(
            ".[] | select(.x == 1",
            "unexpected end of expression: '(' at column 13 is not closed",
            20),
        Arguments.of("{a: 1", "unexpected end of expression: '{' at column 1 is not closed", 5),
        Arguments.of(".a]", "unexpected ']' at column 3, there is no '[' for it to close", 2),
        Arguments.of("(.a]", "unexpected ']' at column 4: '(' at column 1 is not closed", 3),
        Arguments.of(
            "{\"a\": [1, (2]}", "unexpected ']' at column 13: '(' at column 11 is not closed", 12),
        // A token where it cannot be.
        Arguments.of(".a | | .b", "unexpected '|' at column 6", 5),
        Arguments.of(".a.b..c", "unexpected '..' at column 5", 4),
        Arguments.of("{a b}", "unexpected 'b' at column 4; expected '}', ':' or ','", 3),
        Arguments.of(".a | \"b\" \"c\"", "unexpected '\"' at column 10", 9),
        // Strings.
        Arguments.of(
            "\"abc", "unexpected end of expression: the string at column 1 is not closed", 4),
        Arguments.of(
            ".a | \"x", "unexpected end of expression: the string at column 6 is not closed", 7),
        Arguments.of(
            "test(\"^\\d+$\")",
            "invalid escape '\\d' in a string at column 8; write '\\\\d' for a backslash followed"
                + " by 'd'",
            7),
        // Characters jq does not know.
        Arguments.of(".a ~ .b", "unexpected character '~' at column 4", 3),
        Arguments.of(".a !", "unexpected character '!' at column 4", 3),
        Arguments.of("'a'", "unexpected character ''' at column 1", 0),
        Arguments.of(".a | \u00e9", "unexpected character 'é' at column 6", 5),
        // Positions in multi-line text; a tab is one column, as JavaCC counts.
        Arguments.of(".a\n| | .b", "unexpected '|' at line 2, column 3", 5),
        Arguments.of(".a |\r\n  | .b", "unexpected '|' at line 2, column 3", 8),
        Arguments.of(".a |\r  | .b", "unexpected '|' at line 2, column 3", 7),
        Arguments.of("\t.a ~", "unexpected character '~' at column 5", 4),
        Arguments.of(".a | \"\uD83D\uDE00\" | ~", "unexpected character '~' at column 13", 12),
        // Errors jackson-jq raises without a position.
        Arguments.of("1 as $x", "assignment or label must be followed by pipes: 1 as $x", -1));
  }

  @ParameterizedTest
  @MethodSource("syntaxErrors")
  void reportsMessageAndIndex(String expression, String message, int index) {
    assertThat(JqCheck.check(expression)).contains(new JqError(message, index));
  }

  @Test
  void deepNestingIsAnErrorNotACrash() {
    String deep = "[".repeat(100_000) + "1" + "]".repeat(100_000);

    assertThat(JqCheck.check(deep))
        .contains(new JqError("the expression is nested too deeply", -1));
  }

  @Test
  void moderateNestingIsFine() {
    assertThat(JqCheck.check("[".repeat(200) + "1" + "]".repeat(200))).isEmpty();
  }
}
