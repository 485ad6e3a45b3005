package dev.faultline.designer.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.format.Syntax;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxTokensTest {

  @Test
  void yamlKeysStringsNumbersLiteralsAndComments() {
    String text =
        "spec:\n"
            + "  - id: kill   # the second blow\n"
            + "    timeout: 10s\n"
            + "    url: http://checkout.shop/health\n"
            + "    jq: '.status == \"UP\"'\n"
            + "    enabled: true\n";

    assertThat(tokens(text, Syntax.YAML))
        .containsExactly(
            "yaml-key:spec",
            "yaml-key:id",
            "yaml-comment:# the second blow",
            "yaml-key:timeout",
            "yaml-number:10s",
            "yaml-key:url",
            "yaml-key:jq",
            "yaml-string:'.status == \"UP\"'",
            "yaml-key:enabled",
            "yaml-literal:true");
  }

  @Test
  void aHashInsideAWordOrStringIsNoComment() {
    assertThat(tokens("podName: web#1\nnote: \"a # b\"\n", Syntax.YAML))
        .containsExactly("yaml-key:podName", "yaml-key:note", "yaml-string:\"a # b\"");
  }

  @Test
  void jsonKeysAreQuotedStringsBeforeAColon() {
    assertThat(tokens("{\"timeout\": \"10s\", \"value\": 50, \"on\": null}", Syntax.JSON))
        .containsExactly(
            "yaml-key:\"timeout\"",
            "yaml-string:\"10s\"",
            "yaml-key:\"value\"",
            "yaml-number:50",
            "yaml-key:\"on\"",
            "yaml-literal:null");
  }

  @Test
  void positionsConvertBothWaysAndClamp() {
    String text = "ab\ncde\n";
    assertThat(TextPositions.offsetOf(text, 2, 2)).isEqualTo(4);
    assertThat(TextPositions.offsetOf(text, 2, 99)).isEqualTo(6);
    assertThat(TextPositions.offsetOf(text, 9, 1)).isEqualTo(7);
    assertThat(TextPositions.lineCount(text)).isEqualTo(3);
  }

  private static List<String> tokens(String text, Syntax syntax) {
    return SyntaxTokens.of(text, syntax).stream()
        .map(t -> t.styleClass() + ":" + text.substring(t.start(), t.end()))
        .toList();
  }
}
