package dev.faultline.export.java;

import java.util.ArrayList;
import java.util.List;

/**
 * Expressions of generated code that lay themselves out the way google-java-format would: on one
 * line when they fit in {@value #WIDTH} columns, else one argument or chained call per line.
 */
final class Code {
  static final int WIDTH = 100;

  private Code() {}

  /** Whether {@code text} fits on a line from {@code indent}, leaving a column for what follows. */
  static boolean fits(int indent, String text) {
    return indent + text.length() < WIDTH;
  }

  /** An expression that can lay itself out starting at a column. */
  interface Expr {
    /**
     * The expression's text; continuation lines carry their own indentation.
     *
     * @param indent the column of the line the expression starts on
     */
    String render(int indent);
  }

  /** Source text that is laid out as given. */
  static Expr text(String source) {
    return indent -> source;
  }

  /**
   * A string literal; one too long for its line is split at spaces into constant parts joined with
   * {@code +}, one per line, which the compiler joins back into the same string.
   */
  static Expr string(String value) {
    return indent -> {
      String literal = JavaLiterals.string(value);
      if (fits(indent, literal) || !value.contains(" ")) {
        return literal;
      }
      // Continuation lines start "+ " four columns in; each part keeps its leading space.
      int room = Math.max(40, WIDTH - indent - 4 - 2 - 2);
      List<String> parts = new ArrayList<>();
      var part = new StringBuilder();
      for (String word : value.split("(?= )")) {
        if (!part.isEmpty() && JavaLiterals.string(part + word).length() - 2 > room) {
          parts.add(part.toString());
          part.setLength(0);
        }
        part.append(word);
      }
      parts.add(part.toString());
      String pad = " ".repeat(indent + 4);
      var out = new StringBuilder(JavaLiterals.string(parts.getFirst()));
      parts.stream()
          .skip(1)
          .forEach(p -> out.append('\n').append(pad).append("+ ").append(JavaLiterals.string(p)));
      return out.toString();
    };
  }

  /** One call of a chain: {@code .name(arg, arg)}. */
  record Call(String name, List<Expr> args) {
    Call {
      args = List.copyOf(args);
    }

    static Call of(String name, Expr... args) {
      return new Call(name, List.of(args));
    }

    /** {@code .name(args)}, wrapping the arguments one per line below {@code indent}. */
    String render(int indent) {
      List<String> flat = args.stream().map(arg -> arg.render(indent)).toList();
      String oneLine = "." + name + "(" + String.join(", ", flat) + ")";
      if (flat.stream().noneMatch(a -> a.contains("\n")) && fits(indent, oneLine)) {
        return oneLine;
      }
      String pad = " ".repeat(indent + 4);
      var out = new StringBuilder("." + name + "(");
      for (int i = 0; i < args.size(); i++) {
        out.append(i == 0 ? "\n" : ",\n").append(pad).append(args.get(i).render(indent + 4));
      }
      return out.append(")").toString();
    }
  }

  /** {@code head.call().call()}: on one line, or one call per line indented below the head. */
  record Chain(String head, List<Call> calls) implements Expr {
    Chain {
      calls = List.copyOf(calls);
    }

    @Override
    public String render(int indent) {
      String oneLine = head + String.join("", calls.stream().map(c -> c.render(indent)).toList());
      if (!oneLine.contains("\n") && fits(indent, oneLine)) {
        return oneLine;
      }
      var out = new StringBuilder(head);
      String pad = " ".repeat(indent + 4);
      for (Call call : calls) {
        out.append('\n').append(pad).append(call.render(indent + 4));
      }
      return out.toString();
    }
  }

  /**
   * {@code step -> step.a().b()}: a lambda that configures a builder, on one line when it fits,
   * else with the chain below the arrow; {@code step -> {}} when there is nothing to set.
   */
  record Lambda(String parameter, List<Call> calls) implements Expr {
    Lambda {
      calls = List.copyOf(calls);
    }

    @Override
    public String render(int indent) {
      if (calls.isEmpty()) {
        return parameter + " -> {}";
      }
      String oneLine = parameter + " -> " + new Chain(parameter, calls).render(indent);
      if (!oneLine.contains("\n") && fits(indent, oneLine)) {
        return oneLine;
      }
      // google-java-format: the body goes on the next line, on one line if it fits there, else one
      // call per line; a receiver longer than the 4-column indent gets a line of its own.
      String pad = " ".repeat(indent + 4);
      String body = new Chain(parameter, calls).render(indent + 4);
      if (!body.contains("\n") && fits(indent + 4, body)) {
        return parameter + " ->\n" + pad + body;
      }
      String callPad = " ".repeat(indent + 8);
      var out = new StringBuilder(parameter).append(" ->\n").append(pad).append(parameter);
      boolean ownLine = parameter.length() > 4;
      for (int i = 0; i < calls.size(); i++) {
        String rendered = calls.get(i).render(indent + 8);
        out.append(i == 0 && !ownLine ? "" : "\n" + callPad).append(rendered);
      }
      return out.toString();
    }
  }

  /** Collects chained calls in order. */
  static final class Calls {
    private final List<Call> calls = new ArrayList<>();

    Calls add(String name, Expr... args) {
      calls.add(Call.of(name, args));
      return this;
    }

    List<Call> list() {
      return List.copyOf(calls);
    }
  }
}
