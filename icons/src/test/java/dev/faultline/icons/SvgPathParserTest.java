package dev.faultline.icons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SvgPathParserTest {

  @Test
  void relativeCommandsDrawTheSameShapeAsAbsoluteOnes() {
    String absolute = "M2 3 L10 3 H14 V9 C14 11 12 13 10 13 Q6 13 2 9 Z M20 20 L22 22";
    String relative = "m2 3 l8 0 h4 v6 c0 2 -2 4 -4 4 q-4 0 -8 -4 z m18 17 l2 2";
    assertThat(segments(SvgPathParser.parse(relative)))
        .isEqualTo(segments(SvgPathParser.parse(absolute)));
  }

  @Test
  void relativeMoveAfterCloseStartsFromTheSubpathStart() {
    // After z the current point is the subpath's start (2,3), not the last drawn point.
    assertThat(segments(SvgPathParser.parse("M2 3 h4 v4 z m1 1 h1")))
        .isEqualTo(segments(SvgPathParser.parse("M2 3 H6 V7 Z M3 4 H4")));
  }

  @Test
  void extraPairsAfterAMoveAreLines() {
    assertThat(segments(SvgPathParser.parse("M0 0 4 0 4 4")))
        .isEqualTo(segments(SvgPathParser.parse("M0 0 L4 0 L4 4")));
    assertThat(segments(SvgPathParser.parse("m1 1 2 0 0 2")))
        .isEqualTo(segments(SvgPathParser.parse("M1 1 L3 1 L3 3")));
  }

  @Test
  void readsCompactNumbersAndCommaSeparators() {
    assertThat(segments(SvgPathParser.parse("M.5.5L1e1,-2-3,4")))
        .isEqualTo(segments(SvgPathParser.parse("M 0.5 0.5 L 10 -2 L -3 4")));
  }

  @Test
  void smoothCurvesReflectThePreviousControlPoint() {
    assertThat(segments(SvgPathParser.parse("M0 0 C0 4 4 4 4 0 S8 -4 8 0")))
        .isEqualTo(segments(SvgPathParser.parse("M0 0 C0 4 4 4 4 0 C4 -4 8 -4 8 0")));
    assertThat(segments(SvgPathParser.parse("M0 0 Q2 4 4 0 T8 0")))
        .isEqualTo(segments(SvgPathParser.parse("M0 0 Q2 4 4 0 Q6 -4 8 0")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "M0 0 L4 x4 | position 8",
        "M0 0 L4 | position 7",
        "M0 0 X1 2 | position 5",
        "L1 1 | position 0",
        "M0 0 Z 3 | position 7",
        "M1e 2 | position 2",
        "'   ' | position 3",
        "M0 0 A1 1 0 0 1 2 2 | position 5",
      })
  void rejectsGarbageNamingThePosition(String data, String position) {
    assertThatThrownBy(() -> SvgPathParser.parse(data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(position);
  }

  @Test
  void everyLogoPathParses() {
    for (String data : AppLogo.layers().stream().map(AppLogo.Layer::path).toList()) {
      Path2D path = SvgPathParser.parse(data);
      assertThat(path.getBounds2D().getMinX()).as(data).isGreaterThanOrEqualTo(0);
      assertThat(path.getBounds2D().getMaxY()).as(data).isLessThanOrEqualTo(AppLogo.VIEW_BOX);
    }
  }

  /** The path as a list of "type: coordinates" strings, for comparing two paths. */
  private static List<String> segments(Path2D path) {
    List<String> out = new ArrayList<>();
    double[] c = new double[6];
    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
      int type = it.currentSegment(c);
      int n =
          switch (type) {
            case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 2;
            case PathIterator.SEG_QUADTO -> 4;
            case PathIterator.SEG_CUBICTO -> 6;
            default -> 0;
          };
      StringBuilder s = new StringBuilder().append(type).append(':');
      for (int i = 0; i < n; i++) {
        s.append(' ').append(Math.round(c[i] * 1000) / 1000.0);
      }
      out.add(s.toString());
    }
    return out;
  }
}
