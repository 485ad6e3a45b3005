package dev.faultline.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders the command-line reference ({@code docs/cli.md}) from a picocli command tree: every
 * command that is not hidden, depth first in the order the commands declare their subcommands, with
 * its synopsis, description, positional parameters, options (sorted by name, as {@code --help}
 * sorts them), exit codes and examples.
 *
 * <p>It reads picocli's model ({@link CommandSpec}), never the rendered {@code --help} text, so a
 * new option or command appears here as soon as it is annotated. The synopsis is the one exception
 * that picocli renders, at a fixed width so the file does not depend on the terminal.
 */
public final class CliReference {
  /** The width picocli wraps synopses at; fixed so that the output is the same everywhere. */
  static final int SYNOPSIS_WIDTH = 100;

  private final String header;

  /**
   * @param header the first line of the document (the "generated; do not edit" comment)
   */
  public CliReference(String header) {
    this.header = header;
  }

  /** The reference of {@code root} and all its visible subcommands, as Markdown. */
  public String render(CommandLine root) {
    List<CommandLine> commands = new ArrayList<>();
    collect(root, commands, new IdentityHashMap<>());
    var md = new StringBuilder();
    md.append(header).append("\n\n");
    md.append("# Command-line reference\n\n");
    md.append("Every `")
        .append(root.getCommandName())
        .append("` command with its options, parameters and exit codes. ")
        .append("`")
        .append(root.getCommandName())
        .append(" COMMAND --help` prints the same on a terminal.\n\n");
    md.append("## Contents\n\n");
    for (CommandLine command : commands) {
      int depth = depth(command);
      md.append("  ".repeat(depth))
          .append("- [")
          .append(qualifiedName(command))
          .append("](#")
          .append(anchor(command))
          .append(")\n");
    }
    md.append('\n');
    for (CommandLine command : commands) {
      command(command, md);
    }
    return md.toString().stripTrailing() + "\n";
  }

  private static void collect(
      CommandLine command, List<CommandLine> into, Map<CommandLine, Boolean> seen) {
    if (seen.put(command, Boolean.TRUE) != null
        || command.getCommandSpec().usageMessage().hidden()) {
      return;
    }
    into.add(command);
    // The map holds aliases as extra keys of the same CommandLine: the identity set drops them.
    for (CommandLine sub : command.getSubcommands().values()) {
      collect(sub, into, seen);
    }
  }

  private static void command(CommandLine command, StringBuilder md) {
    CommandSpec spec = command.getCommandSpec();
    md.append(Markdown.anchorLine(anchor(command))).append('\n');
    md.append("#".repeat(Math.min(depth(command) + 2, 6)))
        .append(' ')
        .append(Markdown.code(qualifiedName(command)))
        .append("\n\n");
    md.append("```text\n").append(synopsis(spec)).append("\n```\n\n");
    for (String paragraph : paragraphs(headerAndDescription(spec))) {
      md.append(Markdown.text(paragraph)).append("\n\n");
    }
    List<CommandLine> subs = visibleSubcommands(command);
    if (!subs.isEmpty()) {
      md.append("**Commands**\n\n| Command | Description |\n|---|---|\n");
      for (CommandLine sub : subs) {
        md.append("| [")
            .append(Markdown.codeCell(sub.getCommandName()))
            .append("](#")
            .append(anchor(sub))
            .append(") | ")
            .append(Markdown.cell(firstSentence(sub.getCommandSpec())))
            .append(" |\n");
      }
      md.append('\n');
    }
    positionals(spec, md);
    options(spec, md);
    exitCodes(command, md);
    footer(spec, md);
  }

  private static void positionals(CommandSpec spec, StringBuilder md) {
    List<PositionalParamSpec> params =
        spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    if (params.isEmpty()) {
      return;
    }
    md.append("**Parameters**\n\n| Parameter | Description |\n|---|---|\n");
    for (PositionalParamSpec param : params) {
      md.append("| ")
          .append(Markdown.codeCell(positionalLabel(param)))
          .append(" | ")
          .append(Markdown.cell(description(param)))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void options(CommandSpec spec, StringBuilder md) {
    List<OptionSpec> options =
        spec.options().stream()
            .filter(o -> !o.hidden())
            .sorted(Comparator.comparing(CliReference::sortKey))
            .toList();
    if (options.isEmpty()) {
      return;
    }
    md.append("**Options**\n\n| Option | Description | Default |\n|---|---|---|\n");
    for (OptionSpec option : options) {
      md.append("| ")
          .append(Markdown.codeCell(optionLabel(option)))
          .append(option.required() ? " (required)" : "")
          .append(" | ")
          .append(Markdown.cell(description(option)))
          .append(" | ")
          .append(defaultValue(option))
          .append(" |\n");
    }
    md.append('\n');
  }

  /**
   * The command's own exit codes, else those of the nearest parent that lists some (subcommands of
   * {@code catalog} share its list), else nothing.
   */
  private static void exitCodes(CommandLine command, StringBuilder md) {
    CommandLine owner = command;
    while (owner != null && owner.getCommandSpec().usageMessage().exitCodeList().isEmpty()) {
      owner = owner.getParent();
    }
    if (owner == null) {
      return;
    }
    md.append("**Exit codes**");
    if (owner != command) {
      md.append(" (those of [")
          .append(Markdown.code(qualifiedName(owner)))
          .append("](#")
          .append(anchor(owner))
          .append("))");
    }
    md.append("\n\n| Code | Meaning |\n|---|---|\n");
    owner
        .getCommandSpec()
        .usageMessage()
        .exitCodeList()
        .forEach(
            (code, meaning) ->
                md.append("| ")
                    .append(Markdown.cell(code.strip()))
                    .append(" | ")
                    .append(Markdown.cell(format(meaning)))
                    .append(" |\n"));
    md.append('\n');
  }

  /** The footer (examples) as written, in a code block: it is command lines and aligned text. */
  private static void footer(CommandSpec spec, StringBuilder md) {
    String[] footer = spec.usageMessage().footer();
    if (footer.length == 0) {
      return;
    }
    String heading = format(spec.usageMessage().footerHeading()).strip();
    if (heading.endsWith(":")) {
      heading = heading.substring(0, heading.length() - 1);
    }
    if (!heading.isEmpty()) {
      md.append("**").append(Markdown.text(heading)).append("**\n\n");
    }
    List<String> lines =
        Arrays.stream(footer).flatMap(l -> format(l).lines()).map(String::stripTrailing).toList();
    // --help indents the examples under their heading; a code block needs no indent.
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    md.append("```text\n");
    for (String line : lines) {
      md.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    md.append("```\n\n");
  }

  private static String synopsis(CommandSpec spec) {
    int width = spec.usageMessage().width();
    spec.usageMessage().width(SYNOPSIS_WIDTH);
    try {
      var help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
      return help.synopsis(0).stripTrailing();
    } finally {
      spec.usageMessage().width(width);
    }
  }

  /**
   * Description lines as picocli wraps them in {@code --help}: consecutive lines are one paragraph,
   * an empty line starts the next.
   */
  static List<String> paragraphs(String[] lines) {
    List<String> paragraphs = new ArrayList<>();
    var current = new StringBuilder();
    for (String raw : lines) {
      for (String line : format(raw).split("\n", -1)) {
        if (line.isBlank()) {
          if (!current.isEmpty()) {
            paragraphs.add(current.toString());
            current.setLength(0);
          }
        } else {
          if (!current.isEmpty()) {
            current.append(' ');
          }
          current.append(line.strip());
        }
      }
    }
    if (!current.isEmpty()) {
      paragraphs.add(current.toString());
    }
    return paragraphs;
  }

  /** A command's header (picocli's own help command has one) above its description. */
  private static String[] headerAndDescription(CommandSpec spec) {
    List<String> lines = new ArrayList<>(Arrays.asList(spec.usageMessage().header()));
    if (!lines.isEmpty()) {
      lines.add("");
    }
    lines.addAll(Arrays.asList(spec.usageMessage().description()));
    return lines.toArray(String[]::new);
  }

  /** The summary of a command in its parent's table: the first sentence of its description. */
  static String firstSentence(CommandSpec spec) {
    List<String> paragraphs = paragraphs(headerAndDescription(spec));
    if (paragraphs.isEmpty()) {
      return "";
    }
    String first = paragraphs.getFirst();
    int end = first.indexOf(". ");
    return end < 0 ? first : first.substring(0, end + 1);
  }

  /** The description with picocli's variables ({@code ${DEFAULT-VALUE}} ...) filled in. */
  private static String description(ArgSpec arg) {
    return String.join(" ", paragraphs(arg.renderedDescription()));
  }

  /** picocli texts are format strings: {@code %n} is a line break and {@code %%} a percent sign. */
  private static String format(String text) {
    return text == null ? "" : text.replace("%n", "\n").replace("%%", "%");
  }

  private static String optionLabel(OptionSpec option) {
    String names = String.join(", ", option.names());
    if (option.arity().max() == 0) {
      return names;
    }
    String label = option.paramLabel();
    return names + "=" + (option.arity().min() == 0 ? "[" + label + "]" : label);
  }

  private static String positionalLabel(PositionalParamSpec param) {
    String label = param.paramLabel();
    boolean many = param.arity().max() > 1 || param.arity().isUnspecified() && param.isMultiValue();
    String text = many ? label + "..." : label;
    return param.arity().min() == 0 ? "[" + text + "]" : text;
  }

  /**
   * The option's default: the annotation's {@code defaultValue}, else the field's initial value;
   * none for flags (they default to off) and help options.
   */
  private static String defaultValue(OptionSpec option) {
    if (option.usageHelp() || option.versionHelp() || option.arity().max() == 0) {
      return "";
    }
    String value = option.defaultValue();
    if (value == null && option.hasInitialValue() && option.initialValue() != null) {
      Object initial = option.initialValue();
      value =
          initial instanceof java.util.Collection<?> c && c.isEmpty()
              ? null
              : String.valueOf(initial);
    }
    return value == null || value.isEmpty() ? "" : Markdown.codeCell(value);
  }

  /** Options sort by their longest name without dashes, as a reader scans for {@code --name}. */
  private static String sortKey(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
  }

  private static List<CommandLine> visibleSubcommands(CommandLine command) {
    Set<CommandLine> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    return command.getSubcommands().values().stream()
        .filter(seen::add)
        .filter(c -> !c.getCommandSpec().usageMessage().hidden())
        .collect(Collectors.toList());
  }

  private static String qualifiedName(CommandLine command) {
    return command.getCommandSpec().qualifiedName(" ");
  }

  private static String anchor(CommandLine command) {
    return Markdown.anchor(qualifiedName(command));
  }

  private static int depth(CommandLine command) {
    int depth = 0;
    for (CommandLine c = command.getParent(); c != null; c = c.getParent()) {
      depth++;
    }
    return depth;
  }
}
