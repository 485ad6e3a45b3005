package dev.faultline.validate;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Version;
import net.thisptr.jackson.jq.Versions;

/**
 * The jq 1.6 built-in functions, loaded once. Loading takes a few hundred milliseconds, so it
 * happens lazily on first use; the JVM's class initialisation makes that thread-safe, and the root
 * scope is never written to afterwards, so sharing it is safe.
 */
final class JqBuiltins {
  static final Version VERSION = Versions.JQ_1_6;

  private JqBuiltins() {}

  /** The shared scope holding the built-ins; give each evaluation its own child scope. */
  static Scope root() {
    return Loaded.ROOT;
  }

  /** The argument counts a built-in accepts, empty if there is no built-in of that name. */
  static SortedSet<Integer> arities(String name) {
    return Loaded.ARITIES.getOrDefault(name, Collections.emptySortedSet());
  }

  /** The names of the built-in formats, such as {@code @base64}, sorted. */
  static List<String> formats() {
    return Loaded.ARITIES.keySet().stream().filter(name -> name.startsWith("@")).sorted().toList();
  }

  private static final class Loaded {
    static final Scope ROOT = load();
    static final Map<String, SortedSet<Integer>> ARITIES = arities(ROOT);

    private static Scope load() {
      Scope root = Scope.newEmptyScope();
      BuiltinFunctionLoader.getInstance().loadFunctions(VERSION, root);
      return root;
    }

    // The scope keys its functions as "name/arity".
    private static Map<String, SortedSet<Integer>> arities(Scope root) {
      var arities = new HashMap<String, SortedSet<Integer>>();
      for (String key : root.getLocalFunctions().keySet()) {
        int slash = key.lastIndexOf('/');
        arities
            .computeIfAbsent(key.substring(0, slash), name -> new TreeSet<>())
            .add(Integer.parseInt(key.substring(slash + 1)));
      }
      arities.replaceAll((name, counts) -> Collections.unmodifiableSortedSet(counts));
      return Map.copyOf(arities);
    }
  }
}
