package dev.faultline.icons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IconsTest {

  /** The ids descriptors and step kinds rely on today. */
  static final List<String> REQUIRED_IDS =
      List.of(
          "pod-delete",
          "container-kill",
          "process-signal",
          "scale",
          "node-drain",
          "network",
          "stress",
          "http-fault",
          "mesh",
          "manifest",
          "io-fault",
          "dns-fault",
          "time-skew",
          "http-check",
          "k8s-state",
          "k8s-ready",
          "prometheus",
          "tcp",
          "load",
          "wait",
          "gate",
          "attack",
          "probe");

  @Test
  void everyRequiredIdHasAGlyph() {
    assertThat(Icons.ids()).containsAll(REQUIRED_IDS);
    for (String id : REQUIRED_IDS) {
      assertThat(Icons.svgPath(id)).as(id).isPresent();
    }
  }

  @Test
  void unknownIdIsEmpty() {
    assertThat(Icons.svgPath("no-such-icon")).isEmpty();
  }

  @Test
  void idsAreStableKebabCaseAndReadOnly() {
    assertThat(Icons.ids()).allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
    assertThatThrownBy(() -> Icons.ids().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  static List<String> allIds() {
    return List.copyOf(Icons.ids());
  }

  @ParameterizedTest
  @MethodSource("allIds")
  void pathIsValidSvgPathSyntax(String id) {
    List<Command> commands = PathTokenizer.parse(Icons.svgPath(id).orElseThrow());
    assertThat(commands).isNotEmpty();
    assertThat(commands.getFirst().letter()).as("a path starts with a moveto").isIn('M', 'm');
  }

  @ParameterizedTest
  @MethodSource("allIds")
  void absoluteCoordinatesStayInsideTheViewBox(String id) {
    for (Command command : PathTokenizer.parse(Icons.svgPath(id).orElseThrow())) {
      for (double coordinate : command.absoluteCoordinates()) {
        assertThat(coordinate).as("%s in %s", command, id).isBetween(0.0, (double) Icons.VIEW_BOX);
      }
    }
  }

  @Test
  void tokenizerRejectsGarbage() {
    assertThatThrownBy(() -> PathTokenizer.parse("M 1 2 X 3"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathTokenizer.parse("M 1 2 L 3"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathTokenizer.parse("10 10 L 3 4"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathTokenizer.parse("M 1 2 A 1 1 0 2 0 5 5"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PathTokenizer.parse("M1-2.5L3e1,4zm0 0")).hasSize(4);
  }

  /** One path command with its numbers. */
  record Command(char letter, List<Double> numbers) {

    /** The coordinates that an absolute command places in the view box; empty for relative ones. */
    List<Double> absoluteCoordinates() {
      return switch (letter) {
        case 'M', 'L', 'C', 'S', 'Q', 'T', 'H', 'V' -> numbers;
        // Arcs: rx ry rotation large-arc sweep x y; only x and y are positions.
        case 'A' -> {
          List<Double> positions = new ArrayList<>();
          for (int i = 0; i < numbers.size(); i += 7) {
            positions.add(numbers.get(i + 5));
            positions.add(numbers.get(i + 6));
          }
          yield positions;
        }
        default -> List.of();
      };
    }
  }

  /**
   * A tiny SVG path checker: only command letters and numbers, each command with a whole number of
   * argument groups, arc flags 0 or 1. Enough to catch typos before JavaFX silently draws nothing.
   */
  static final class PathTokenizer {
    private static final Pattern TOKEN =
        Pattern.compile(
            "\\s*,?\\s*(?:([MmLlHhVvCcSsQqTtAaZz])|([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?))");
    private static final Map<Character, Integer> ARITY =
        Map.of('M', 2, 'L', 2, 'H', 1, 'V', 1, 'C', 6, 'S', 4, 'Q', 4, 'T', 2, 'A', 7, 'Z', 0);

    static List<Command> parse(String path) {
      List<Command> commands = new ArrayList<>();
      Character letter = null;
      List<Double> numbers = new ArrayList<>();
      Matcher matcher = TOKEN.matcher(path);
      int at = 0;
      while (at < path.length()) {
        if (path.substring(at).isBlank()) {
          break;
        }
        matcher.region(at, path.length());
        if (!matcher.lookingAt()) {
          throw new IllegalArgumentException("Unexpected input at " + at + " in: " + path);
        }
        if (matcher.group(1) != null) {
          if (letter != null) {
            commands.add(check(letter, numbers));
          }
          letter = matcher.group(1).charAt(0);
          numbers = new ArrayList<>();
        } else if (letter == null) {
          throw new IllegalArgumentException("Number before the first command in: " + path);
        } else {
          numbers.add(Double.parseDouble(matcher.group(2)));
        }
        at = matcher.end();
      }
      if (letter != null) {
        commands.add(check(letter, numbers));
      }
      return commands;
    }

    private static Command check(char letter, List<Double> numbers) {
      int arity = ARITY.get(Character.toUpperCase(letter));
      boolean wellFormed =
          arity == 0 ? numbers.isEmpty() : !numbers.isEmpty() && numbers.size() % arity == 0;
      if (!wellFormed) {
        throw new IllegalArgumentException(letter + " takes groups of " + arity + ": " + numbers);
      }
      if (arity == 7) {
        for (int i = 0; i < numbers.size(); i += 7) {
          if (!isFlag(numbers.get(i + 3)) || !isFlag(numbers.get(i + 4))) {
            throw new IllegalArgumentException("Arc flags must be 0 or 1: " + numbers);
          }
        }
      }
      return new Command(letter, List.copyOf(numbers));
    }

    private static boolean isFlag(double value) {
      return value == 0 || value == 1;
    }
  }
}
