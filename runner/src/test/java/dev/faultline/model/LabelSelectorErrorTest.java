package dev.faultline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Selectors Kubernetes rejects: each must fail with a message naming the token, and its offset. */
class LabelSelectorErrorTest {

  static Stream<Arguments> invalidSelectors() {
    return Stream.of(
        // Requirements must be separated by ','.
        Arguments.of(
            "app=web tier", "expected ',' or end of selector after 'app=web', found 'tier'", 8),
        Arguments.of(
            "a in (xyz)b notin ()",
            "expected ',' or end of selector after 'a in (xyz)', found 'b'",
            10),
        Arguments.of("x==a==b", "expected ',' or end of selector after 'x==a', found '=='", 4),
        Arguments.of(
            "!x=a",
            "expected ',' or end of selector after '!x', found '=' ('!key' only says the label is"
                + " absent and takes no value)",
            2),
        // A requirement starts with a key or '!'.
        Arguments.of(",x,y", "expected a label key or '!', found ','", 0),
        Arguments.of("(", "expected a label key or '!', found '('", 0),
        Arguments.of("a,", "expected a label key or '!' after ',', found end of selector", 2),
        Arguments.of("x,,y", "expected a label key or '!' after ',', found ','", 2),
        Arguments.of(
            "a in (xyz),", "expected a label key or '!' after ',', found end of selector", 11),
        Arguments.of("!", "expected a label key after '!', found end of selector", 1),
        Arguments.of("!!a", "expected a label key after '!', found '!'", 1),
        // A key is followed by an operator, ',' or the end.
        Arguments.of(
            "app web",
            "expected an operator such as '=', '!=', 'in' or 'notin' after 'app', found 'web'",
            4),
        Arguments.of(
            "x nott in (y)",
            "expected an operator such as '=', '!=', 'in' or 'notin' after 'x', found 'nott'",
            2),
        Arguments.of(
            "a (",
            "expected an operator such as '=', '!=', 'in' or 'notin' after 'a', found '('",
            2),
        // '=', '==' and '!=' take one value (or none, meaning the empty value).
        Arguments.of("app=(web)", "expected a value after 'app=', found '('", 4),
        Arguments.of("app != !x", "expected a value after 'app !=', found '!'", 7),
        // 'in' and 'notin' take a set in parentheses.
        Arguments.of("tier in web", "'in' needs a set of values in parentheses, found 'web'", 8),
        Arguments.of(
            "tier in", "'in' needs a set of values in parentheses, found end of selector", 7),
        Arguments.of(
            "tier notin web", "'notin' needs a set of values in parentheses, found 'web'", 11),
        Arguments.of(
            "tier in (api",
            "expected ',' or ')' after 'api' in the values of 'tier', found end of selector",
            12),
        Arguments.of(
            "a in (xyz abc)",
            "expected ',' or ')' after 'xyz' in the values of 'a', found 'abc'",
            10),
        Arguments.of(
            "a notin(", "expected a value, ',' or ')' after 'a notin(', found end of selector", 8),
        Arguments.of("tier in (=)", "expected a value, ',' or ')' after 'tier in (', found '='", 9),
        Arguments.of(
            "tier in (a,=)", "expected a value, ',' or ')' in the values of 'tier', found '='", 11),
        Arguments.of(
            "x in (a,",
            "expected a value, ',' or ')' in the values of 'x', found end of selector",
            8),
        // Upstream quirk: ',,' directly before ')' is rejected although '(a,)' is fine.
        Arguments.of(
            "x in (a,,)", "expected a value or ',' after ',,' in the values of 'x', found ')'", 9),
        // '>' and '<' take a whole number.
        Arguments.of("x<a", "expected a whole number after 'x<', found 'a'", 2),
        Arguments.of("x>", "expected a whole number after 'x>', found end of selector", 2),
        Arguments.of("x > 1.5", "expected a whole number after 'x >', found '1.5'", 4),
        Arguments.of(
            "x>99999999999999999999",
            "expected a whole number after 'x>', found '99999999999999999999'",
            2),
        Arguments.of(
            "x>-1", "label value '-1' is invalid: it must start with a letter or digit", 2),
        // Characters that are not operators or whitespace end up in a key or value.
        Arguments.of(
            "x=a||y=b",
            "label value 'a||y' is invalid: it may only contain letters, digits, '-', '_' and '.',"
                + " found '|'",
            3),
        Arguments.of(
            "app=web;tier=api",
            "label value 'web;tier' is invalid: it may only contain letters, digits, '-', '_' and"
                + " '.', found ';'",
            7),
        Arguments.of(
            "app: web",
            "label key 'app:' is invalid: it may only contain letters, digits, '-', '_' and '.',"
                + " found ':'",
            3),
        Arguments.of(
            "tier in (api, w*b)",
            "label value 'w*b' is invalid: it may only contain letters, digits, '-', '_' and '.',"
                + " found '*'",
            15),
        Arguments.of(
            "!Example.com/app",
            "label key 'Example.com/app' is invalid: the prefix is a DNS subdomain and may only"
                + " contain lowercase letters, digits, '-' and '.', found 'E'",
            1));
  }

  @ParameterizedTest
  @MethodSource("invalidSelectors")
  void rejectsWithMessageAndIndex(String text, String message, int index) {
    assertThatThrownBy(() -> LabelSelector.parse(text))
        .isInstanceOfSatisfying(
            LabelSelectorException.class,
            problem -> {
              assertThat(problem).hasMessage(message);
              assertThat(problem.index()).isEqualTo(index);
            });
    assertThat(LabelSelector.check(text))
        .get()
        .extracting(Throwable::getMessage)
        .isEqualTo(message);
  }

  @Test
  void exceptionIsAnIllegalArgumentException() {
    assertThatThrownBy(() -> LabelSelector.parse("a b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longTokensAreShortenedInMessages() {
    String value = "v".repeat(40) + "*" + "v".repeat(100);

    assertThatThrownBy(() -> LabelSelector.parse("app=" + value))
        .hasMessage(
            "label value '"
                + "v".repeat(40)
                + "*"
                + "v".repeat(19)
                + "...' is invalid: it is 141 characters long, the limit is 63");
  }
}
