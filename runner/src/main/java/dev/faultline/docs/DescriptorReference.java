package dev.faultline.docs;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor;
import dev.faultline.catalog.Descriptor.Role;
import dev.faultline.catalog.Param;
import dev.faultline.catalog.ParamType;
import dev.faultline.model.TargetKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the attack and probe reference ({@code docs/reference.md}) from the catalog's
 * descriptors, the same ones the designer's palette and inspector and {@code faultline validate}
 * read: every attack and probe with its id, title, description, target and parameters (type,
 * required, default, allowed values or range, docs).
 *
 * <p>Descriptors are grouped as the palette groups them: attacks by category, then probes by
 * category, each group and each descriptor in the catalog's order.
 */
public final class DescriptorReference {
  private final String header;

  /**
   * @param header the first line of the document (the "generated; do not edit" comment)
   */
  public DescriptorReference(String header) {
    this.header = header;
  }

  /** The reference of every attack and probe in {@code catalog}, as Markdown. */
  public String render(Catalog catalog) {
    Map<String, List<Descriptor>> groups = groups(catalog);
    var md = new StringBuilder();
    md.append(header).append("\n\n");
    md.append("# Attack and probe reference\n\n");
    md.append(
        "Every attack and probe a step can name, with its parameters. A step names one with"
            + " `attack: ID` or `probe: ID`, a `target` when it takes one, and its parameters under"
            + " `with:` (see [the file format](format.md#specsteps)). The designer's palette and"
            + " inspector and `faultline validate` read the same descriptors, so what is listed"
            + " here is what they accept. More on what some of them do:"
            + " [attacks.md](attacks.md), [probes.md](probes.md).\n\n");
    md.append("## Contents\n\n");
    groups.forEach(
        (title, members) -> {
          md.append("- [").append(title).append("](#").append(Markdown.anchor(title)).append("): ");
          md.append(
              members.stream()
                  .map(d -> "[" + Markdown.code(d.id()) + "](#" + Markdown.anchor(d.id()) + ")")
                  .collect(Collectors.joining(", ")));
          md.append('\n');
        });
    md.append("- [Parameter types](#parameter-types)\n");
    groups.forEach(
        (title, members) -> {
          md.append('\n').append(Markdown.anchorLine(Markdown.anchor(title))).append('\n');
          md.append("## ").append(title).append('\n');
          members.forEach(d -> descriptor(d, md));
        });
    types(md);
    return md.toString();
  }

  /** {@code Attacks · Kubernetes} → its descriptors, in palette order. */
  static Map<String, List<Descriptor>> groups(Catalog catalog) {
    Map<String, List<Descriptor>> groups = new LinkedHashMap<>();
    List<Descriptor> ordered = new ArrayList<>(catalog.attacks());
    ordered.addAll(catalog.probes());
    for (Descriptor d : ordered) {
      groups.computeIfAbsent(groupTitle(d), t -> new ArrayList<>()).add(d);
    }
    return groups;
  }

  private static String groupTitle(Descriptor d) {
    String category = d.category() == null || d.category().isBlank() ? "Other" : d.category();
    return (d.role() == Role.ATTACK ? "Attacks" : "Probes") + " \u00b7 " + category;
  }

  private static void descriptor(Descriptor d, StringBuilder md) {
    md.append('\n').append(Markdown.anchorLine(Markdown.anchor(d.id()))).append('\n');
    md.append("### ").append(Markdown.code(d.id()));
    if (d.title() != null && !d.title().isBlank()) {
      md.append(" — ").append(Markdown.text(d.title()));
    }
    md.append("\n\n");
    if (d.description() != null && !d.description().isBlank()) {
      md.append(Markdown.text(d.description().strip())).append("\n\n");
    }
    md.append("**Step:** `")
        .append(d.role() == Role.ATTACK ? "attack" : "probe")
        .append(": ")
        .append(d.id())
        .append("` · **Target:** ")
        .append(target(d))
        .append("\n\n");
    if (d.params().isEmpty()) {
      md.append("No parameters.\n");
      return;
    }
    md.append("| Parameter | Type | Required | Default | Allowed | Description |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (Param p : d.params()) {
      md.append("| ")
          .append(Markdown.codeCell(p.name()))
          .append(" | ")
          .append(Markdown.cell(p.type().label()))
          .append(" | ")
          .append(p.required() ? "yes" : "no")
          .append(" | ")
          .append(p.defaultValue() == null ? "" : Markdown.codeCell(value(p.defaultValue())))
          .append(" | ")
          .append(allowed(p))
          .append(" | ")
          .append(Markdown.cell(p.docs().strip()))
          .append(" |\n");
    }
  }

  private static String target(Descriptor d) {
    String kinds =
        d.targetKinds().isEmpty()
            ? "any kind"
            : Arrays.stream(TargetKind.values())
                .filter(d.targetKinds()::contains)
                .map(TargetKind::keyword)
                .collect(Collectors.joining(", "));
    return switch (d.targetUse()) {
      case REQUIRED -> "required (" + kinds + ")";
      case OPTIONAL -> "optional (" + kinds + ")";
      case NONE -> "none";
    };
  }

  /** Allowed values of an enum, else the range of a number: {@code 0–100}, {@code ≥ 1}. */
  static String allowed(Param p) {
    if (!p.allowed().isEmpty()) {
      return p.allowed().stream().map(Markdown::codeCell).collect(Collectors.joining(", "));
    }
    if (p.min() != null && p.max() != null) {
      return number(p.min()) + "–" + number(p.max());
    }
    if (p.min() != null) {
      return "≥ " + number(p.min());
    }
    if (p.max() != null) {
      return "≤ " + number(p.max());
    }
    return "";
  }

  /** {@code 0.0} → {@code 0}, {@code 0.1} → {@code 0.1}: no float noise in a reader's document. */
  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String value(Object value) {
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> e.getKey() + ": " + e.getValue())
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(value);
  }

  private static void types(StringBuilder md) {
    md.append('\n').append(Markdown.anchorLine("parameter-types")).append('\n');
    md.append("## Parameter types\n\n| Type | How to write it |\n|---|---|\n");
    for (ParamType type : ParamType.values()) {
      // docs() is Markdown already (code spans): only its pipes need escaping in the cell.
      md.append("| ")
          .append(Markdown.cell(type.label()))
          .append(" | ")
          .append(type.docs().replace("|", "\\|"))
          .append(" |\n");
    }
  }
}
