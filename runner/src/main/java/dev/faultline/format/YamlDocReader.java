package dev.faultline.format;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses YAML 1.2 (core schema) into a {@link DocNode} tree with positions. Syntax errors become
 * one {@link SyntaxException} with a plain-words message; SnakeYAML's wording is kept only where it
 * is already clear.
 */
final class YamlDocReader {
  private static final int MAX_ALIASES = 50;

  DocNode read(String text, String sourceName) throws SyntaxException {
    var settings =
        LoadSettings.builder()
            .setLabel(sourceName)
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(true) // found by DocTreeBuilder, with both positions
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setUseMarks(true)
            .build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      throw translate(e);
    } catch (YamlEngineException e) {
      throw new SyntaxException(clean(e.getMessage()), 0, 0);
    }
    if (root.isEmpty()) {
      throw new SyntaxException("the file is empty; an experiment starts with 'apiVersion:'", 1, 1);
    }
    return convert(root.get(), new IdentityHashMap<>());
  }

  private DocNode convert(Node node, Map<Node, Boolean> inProgress) throws SyntaxException {
    int line = line(node.getStartMark());
    int column = column(node.getStartMark());
    if (inProgress.put(node, Boolean.TRUE) != null) {
      throw new SyntaxException("an alias refers to a node that contains it", line, column);
    }
    try {
      return switch (node) {
        case ScalarNode scalar ->
            new DocScalar(
                scalarValue(scalar, line, column),
                line,
                column,
                scalar.getScalarStyle() == ScalarStyle.SINGLE_QUOTED
                    || scalar.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED);
        case SequenceNode sequence -> {
          var items = new ArrayList<DocNode>();
          for (Node item : sequence.getValue()) {
            items.add(convert(item, inProgress));
          }
          yield new DocList(items, line, column);
        }
        case MappingNode mapping -> {
          var builder = new DocTreeBuilder();
          for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
              throw new SyntaxException(
                  "a mapping key must be a plain word, not a list or mapping",
                  line(keyNode.getStartMark()),
                  column(keyNode.getStartMark()));
            }
            builder.put(
                key.getValue(),
                line(key.getStartMark()),
                column(key.getStartMark()),
                convert(tuple.getValueNode(), inProgress));
          }
          yield builder.build(line, column);
        }
        default -> throw new SyntaxException("unsupported YAML node", line, column);
      };
    } finally {
      inProgress.remove(node);
    }
  }

  /** Resolves a scalar by the tag the core schema gave it. */
  private static Object scalarValue(ScalarNode scalar, int line, int column)
      throws SyntaxException {
    String text = scalar.getValue();
    Tag tag = scalar.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
    }
    if (Tag.INT.equals(tag)) {
      return integer(text, line, column);
    }
    if (Tag.FLOAT.equals(tag)) {
      return floating(text);
    }
    return text;
  }

  private static Long integer(String text, int line, int column) throws SyntaxException {
    String digits = text.startsWith("+") ? text.substring(1) : text;
    int radix = 10;
    if (digits.startsWith("0x")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (digits.startsWith("0o")) {
      radix = 8;
      digits = digits.substring(2);
    }
    var value = new BigInteger(digits, radix);
    if (value.bitLength() > 63) {
      throw new SyntaxException("the number " + text + " is too large", line, column);
    }
    return value.longValue();
  }

  private static Double floating(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
      case "-.inf" -> Double.NEGATIVE_INFINITY;
      case ".nan" -> Double.NaN;
      default -> Double.valueOf(text);
    };
  }

  private static SyntaxException translate(MarkedYamlEngineException e) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    int line = mark.map(m -> m.getLine() + 1).orElse(0);
    int column = mark.map(m -> m.getColumn() + 1).orElse(0);
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    String message = explain(problem, context);
    Optional<Mark> opened = e.getContextMark();
    if (opened.isPresent()
        && (problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'"))) {
      String what = problem.contains("']'") ? "list '['" : "mapping '{'";
      message =
          "missing ',' or closing bracket in the "
              + what
              + " that starts at line "
              + (opened.get().getLine() + 1)
              + ", column "
              + (opened.get().getColumn() + 1);
    }
    if (problem.contains("<stream end>") || problem.contains("end of stream")) {
      message =
          opened
              .flatMap(YamlDocReader::unclosed)
              .orElse(
                  "the file ends inside a [list], {mapping} or quoted string that is never"
                      + " closed; a closing bracket or quote is missing");
    }
    return new SyntaxException(message, line, column);
  }

  /** "the file ends inside the list '[' that starts at ..." when the context mark is an opener. */
  private static Optional<String> unclosed(Mark opened) {
    int[] buffer = opened.getBuffer();
    int at = opened.getPointer();
    if (buffer == null || at < 0 || at >= buffer.length) {
      return Optional.empty();
    }
    String what =
        switch (buffer[at]) {
          case '[' -> "the list '['";
          case '{' -> "the mapping '{'";
          case '"', '\'' -> "the quoted string";
          default -> null;
        };
    if (what == null) {
      return Optional.empty();
    }
    String closer = what.startsWith("the quoted") ? "closing quote" : "closing bracket";
    return Optional.of(
        "the file ends inside "
            + what
            + " that starts at line "
            + (opened.getLine() + 1)
            + ", column "
            + (opened.getColumn() + 1)
            + "; a "
            + closer
            + " is missing");
  }

  /** SnakeYAML's problem text in words a person editing the file understands. */
  static String explain(String problem, String context) {
    if (problem.contains("\\t") || problem.contains("\t") || problem.contains("TAB")) {
      return "tab character in indentation; YAML indents with spaces only";
    }
    if (problem.contains("mapping values are not allowed here")) {
      return "unexpected ':' here; check this line's indentation, or quote a value that"
          + " contains ': '";
    }
    if (problem.contains("expected <block end>")
        || problem.contains("did not find expected key")
        || problem.contains("expected a comment or a line break")) {
      return "bad indentation: this line does not line up with the lines above it";
    }
    if (problem.contains("could not find expected ':'")) {
      return "expected 'key: value'; a ':' is missing or the line is indented wrongly";
    }
    if (problem.contains("expected a single document")
        || context.contains("expected a single document")) {
      return "the file holds more than one YAML document ('---'); an experiment file holds one";
    }
    if (problem.contains("found undefined alias")) {
      return problem.replace("found undefined alias", "unknown alias");
    }
    if (problem.contains("found unexpected end of stream")) {
      return "the file ends inside a quoted string or a [list] / {mapping}; a closing quote or"
          + " bracket is missing";
    }
    String text = problem.isBlank() ? context : problem;
    return text.isBlank() ? "malformed YAML" : clean(text);
  }

  private static String clean(String message) {
    if (message == null) {
      return "malformed YAML";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  private static int line(Optional<Mark> mark) {
    return mark.map(m -> m.getLine() + 1).orElse(0);
  }

  private static int column(Optional<Mark> mark) {
    return mark.map(m -> m.getColumn() + 1).orElse(0);
  }
}
