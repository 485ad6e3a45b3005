package dev.faultline.validate;

import java.util.Comparator;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import net.thisptr.jackson.jq.JsonQuery;

/** Finds calls of functions and formats that neither jq's built-ins nor the query define. */
final class JqUnknownCalls {
  private JqUnknownCalls() {}

  /** The unknown call that comes first in the text; one we cannot locate comes last. */
  static Optional<JqError> first(JqSource source, JsonQuery query) {
    return JqCalls.of(query).stream()
        .flatMap(
            found ->
                found.calls().stream()
                    .filter(call -> !isKnown(call, found))
                    .map(call -> describe(source, call, found)))
        .min(
            Comparator.comparingInt(
                error -> error.index() < 0 ? Integer.MAX_VALUE : error.index()));
  }

  private static boolean isKnown(JqCalls.Call call, JqCalls.Found found) {
    return JqBuiltins.arities(call.name()).contains(call.arity())
        || found.defined().contains(call.name() + "/" + call.arity());
  }

  private static JqError describe(JqSource source, JqCalls.Call call, JqCalls.Found found) {
    if (call.isFormat()) {
      int index = source.findFormat(call.name().substring(1));
      return new JqError(
          "unknown format "
              + call.name()
              + at(source, index)
              + "; known formats: "
              + String.join(", ", JqBuiltins.formats()),
          index);
    }
    int index = source.findCall(call.name(), call.arity());
    SortedSet<Integer> arities = aritiesOf(call.name(), found);
    return new JqError(
        "unknown function "
            + call.name()
            + "/"
            + call.arity()
            + at(source, index)
            + (arities.isEmpty() ? "" : "; " + call.name() + " takes " + argumentCounts(arities)),
        index);
  }

  // The argument counts the name does exist with, built-in or defined in the query: the usual
  // mistake is a wrong number of arguments (jq separates them with ';', not ',').
  private static SortedSet<Integer> aritiesOf(String name, JqCalls.Found found) {
    var arities = new TreeSet<>(JqBuiltins.arities(name));
    for (String defined : found.defined()) {
      if (defined.startsWith(name + "/")) {
        arities.add(Integer.parseInt(defined.substring(name.length() + 1)));
      }
    }
    return arities;
  }

  private static String at(JqSource source, int index) {
    return index < 0 ? "" : " at " + source.where(index);
  }

  private static String argumentCounts(SortedSet<Integer> arities) {
    if (arities.size() == 1) {
      int only = arities.first();
      return only == 0 ? "no arguments" : only + (only == 1 ? " argument" : " arguments");
    }
    var counts = arities.stream().map(String::valueOf).toList();
    return String.join(", ", counts.subList(0, counts.size() - 1))
        + " or "
        + counts.getLast()
        + " arguments";
  }
}
