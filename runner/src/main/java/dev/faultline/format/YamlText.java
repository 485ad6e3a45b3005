package dev.faultline.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writes plain data as block-style YAML in the Kubernetes manner: two-space indent, list dashes
 * indented under their key, lists of plain values and {@link FlowStyle.FlowMap}s on one line,
 * multi-line strings as literal blocks. Strings are unquoted unless YAML would read them as
 * something else ({@code "10"}, {@code "true"}, {@code "a: b"}), which the emitter decides — or
 * unless a YAML 1.1 reader would ({@code "yes"}, {@code "off"}, {@code "0777"}, {@code "1_000"},
 * {@code "10:30"}): kubectl and most Kubernetes tooling read YAML 1.1, where those are booleans and
 * numbers, so a label value {@code on} written plain would reach the API server as {@code true}.
 */
public final class YamlText {
  /** Plain scalars that YAML 1.1's implicit types read as booleans, numbers or null. */
  private static final Pattern YAML_11_NOT_A_STRING =
      Pattern.compile(
          "y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|~|null|Null|NULL"
              + "|[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
              + "|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+"
              + "|[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"
              + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  private static final DumpSettings SETTINGS =
      DumpSettings.builder()
          .setSchema(new CoreSchema())
          .setIndent(2)
          .setIndicatorIndent(2)
          .setIndentWithIndicator(true)
          .setSplitLines(false)
          .setWidth(Integer.MAX_VALUE)
          .setExplicitRootTag(Optional.empty())
          .build();

  private YamlText() {}

  public static String write(Object value) {
    var out = new StringBuilder();
    StreamDataWriter writer =
        new StreamDataWriter() {
          @Override
          public void write(String str) {
            out.append(str);
          }

          @Override
          public void write(String str, int off, int len) {
            out.append(str, off, off + len);
          }
        };
    new Dump(SETTINGS).dumpNode(node(value), writer);
    return out.toString();
  }

  private static Node node(Object value) {
    return switch (value) {
      case null -> new ScalarNode(Tag.NULL, "null", ScalarStyle.PLAIN);
      case dev.faultline.format.FlowStyle.FlowMap map -> mapping(map, FlowStyle.FLOW);
      case Map<?, ?> map -> mapping(map, FlowStyle.BLOCK);
      case List<?> list -> sequence(list);
      case String text -> new ScalarNode(Tag.STR, text, style(text));
      case Boolean bool -> new ScalarNode(Tag.BOOL, bool.toString(), ScalarStyle.PLAIN);
      case Long number -> new ScalarNode(Tag.INT, number.toString(), ScalarStyle.PLAIN);
      case Integer number -> new ScalarNode(Tag.INT, number.toString(), ScalarStyle.PLAIN);
      case Double number -> new ScalarNode(Tag.FLOAT, floating(number), ScalarStyle.PLAIN);
      default -> new ScalarNode(Tag.STR, value.toString(), ScalarStyle.PLAIN);
    };
  }

  private static ScalarStyle style(String text) {
    if (text.contains("\n")) {
      return ScalarStyle.LITERAL;
    }
    return YAML_11_NOT_A_STRING.matcher(text).matches()
        ? ScalarStyle.DOUBLE_QUOTED
        : ScalarStyle.PLAIN;
  }

  private static String floating(double number) {
    if (Double.isNaN(number)) return ".nan";
    if (Double.isInfinite(number)) return number > 0 ? ".inf" : "-.inf";
    return Double.toString(number);
  }

  private static Node mapping(Map<?, ?> map, FlowStyle style) {
    var tuples = new ArrayList<NodeTuple>(map.size());
    map.forEach(
        (key, item) ->
            tuples.add(
                new NodeTuple(
                    new ScalarNode(Tag.STR, String.valueOf(key), ScalarStyle.PLAIN), node(item))));
    return new MappingNode(Tag.MAP, tuples, map.isEmpty() ? FlowStyle.FLOW : style);
  }

  private static Node sequence(List<?> list) {
    boolean plainItems =
        list.stream().noneMatch(item -> item instanceof Map || item instanceof List);
    var items = new ArrayList<Node>(list.size());
    list.forEach(item -> items.add(node(item)));
    return new SequenceNode(
        Tag.SEQ, items, plainItems || list.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK);
  }
}
