package dev.faultline.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlTextTest {
  /** Strings a YAML 1.1 reader (kubectl's) would take for booleans, numbers or null. */
  @ParameterizedTest
  @ValueSource(
      strings = {"yes", "No", "ON", "off", "y", "N", "~", "0777", "1_000", "0x1F", "10:30", "1.5"})
  void stringsYaml11WouldReadAsSomethingElseAreQuoted(String value) throws Exception {
    String yaml = YamlText.write(Map.of("label", value));

    assertThat(yaml).isEqualTo("label: \"" + value + "\"\n");
    assertThat(reread(yaml)).containsEntry("label", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"checkout", "app=checkout", "checkout-.*", "v1.2.3-rc", "onboarding"})
  void ordinaryStringsStayPlain(String value) throws Exception {
    String yaml = YamlText.write(Map.of("label", value));

    assertThat(yaml).isEqualTo("label: " + value + "\n");
    assertThat(reread(yaml)).containsEntry("label", value);
  }

  private static Map<String, Object> reread(String yaml) throws SyntaxException {
    var plain = new LinkedHashMap<String, Object>();
    ((DocMap) Documents.parse(yaml, Syntax.YAML, "test.yaml"))
        .entries()
        .forEach(e -> plain.put(e.key(), e.value().toPlain()));
    return plain;
  }
}
