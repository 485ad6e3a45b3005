package dev.faultline.designer.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldTextTest {

  @Test
  void emptyTextIsAbsentForEveryEditor() {
    for (FieldEditor editor : FieldEditor.values()) {
      assertThat(FieldText.parse(editor, "  ").value()).as(editor.name()).isNull();
      assertThat(FieldText.parse(editor, "  ").valid()).isTrue();
    }
  }

  @Test
  void numbersStayWholeWhenWrittenWhole() {
    assertThat(FieldText.parse(FieldEditor.NUMBER, "50").value()).isEqualTo(50L);
    assertThat(FieldText.parse(FieldEditor.NUMBER, "0.5").value()).isEqualTo(0.5);
    assertThat(FieldText.format(FieldEditor.NUMBER, 2.50)).isEqualTo("2.5");
    assertThat(FieldText.parse(FieldEditor.INTEGER, "1.5").valid()).isFalse();
    assertThat(FieldText.parse(FieldEditor.INTEGER, "99999999999999999999").valid()).isFalse();
  }

  @Test
  void listsAndMapsRoundTrip() {
    assertThat(FieldText.parse(FieldEditor.COMMA_LIST, "shop, ,canary ").value())
        .isEqualTo(List.of("shop", "canary"));
    assertThat(FieldText.format(FieldEditor.COMMA_LIST, List.of("a", "b"))).isEqualTo("a, b");
    Object headers =
        FieldText.parse(FieldEditor.MAP, "Accept: application/json\nX-Trace: on").value();
    assertThat(headers).isEqualTo(Map.of("Accept", "application/json", "X-Trace", "on"));
    assertThat(FieldText.format(FieldEditor.MAP, headers))
        .isEqualTo("Accept: application/json\nX-Trace: on");
    assertThat(FieldText.parse(FieldEditor.MAP, "no colon").problem()).contains("key: value");
  }
}
