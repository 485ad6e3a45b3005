package dev.faultline.validate;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;

/**
 * The function calls and definitions in a compiled query.
 *
 * <p>jackson-jq looks functions up only when a query runs, and its syntax tree has no public
 * accessors, so this reads the tree's private fields by reflection. The field names are those of
 * jackson-jq 1.6.2; if a later version renames them the walk finds no calls and the check quietly
 * degrades to syntax only (the tests pin the current behaviour, so an upgrade shows up there).
 */
final class JqCalls {
  private static final String TREE = "net.thisptr.jackson.jq.internal.tree.";

  /**
   * A function call or format use.
   *
   * @param name the function name, or {@code @name} for a format
   * @param arity the number of arguments
   */
  record Call(String name, int arity) {
    boolean isFormat() {
      return name.startsWith("@");
    }
  }

  /**
   * What the query calls and defines.
   *
   * @param calls calls in the order the walk met them
   * @param defined {@code name/arity} of every {@code def} and every parameter (parameters are
   *     callable as arity-0 functions). Scoping is ignored: a name defined anywhere counts as
   *     defined everywhere, which can miss an error but never reports a false one.
   */
  record Found(List<Call> calls, Set<String> defined) {}

  private static final ClassValue<List<Field>> FIELDS =
      new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
          var fields = new ArrayList<Field>();
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
              if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                field.setAccessible(true);
                fields.add(field);
              }
            }
          }
          return List.copyOf(fields);
        }
      };

  private JqCalls() {}

  /** The calls and definitions, or empty if the tree cannot be read. */
  static Optional<Found> of(JsonQuery query) {
    try {
      return Optional.of(walk(query));
    } catch (ReflectiveOperationException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  // Iterative, so a deeply nested query cannot overflow the stack here.
  private static Found walk(JsonQuery query) throws ReflectiveOperationException {
    var calls = new ArrayList<Call>();
    var defined = new HashSet<String>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    var pending = new ArrayDeque<Object>();
    pending.push(query);
    while (!pending.isEmpty()) {
      Object node = pending.pop();
      if (!seen.add(node)) {
        continue;
      }
      if (node instanceof Collection<?> items) {
        items.forEach(item -> pushIfPresent(pending, item));
      } else if (node instanceof Map<?, ?> map) {
        map.forEach(
            (key, value) -> {
              pushIfPresent(pending, key);
              pushIfPresent(pending, value);
            });
      } else if (node instanceof Object[] array) {
        for (Object item : array) {
          pushIfPresent(pending, item);
        }
      } else if (isJqNode(node)) {
        record(node, calls, defined);
        for (Field field : FIELDS.get(node.getClass())) {
          pushIfPresent(pending, field.get(node));
        }
      }
    }
    return new Found(List.copyOf(calls), Set.copyOf(defined));
  }

  private static void record(Object node, List<Call> calls, Set<String> defined)
      throws ReflectiveOperationException {
    switch (node.getClass().getName()) {
      case TREE + "FunctionCall" -> {
        // Module-qualified calls (mod::f) resolve through imports, which we do not load.
        if (read(node, "moduleName") == null) {
          calls.add(new Call((String) read(node, "name"), ((List<?>) read(node, "args")).size()));
        }
      }
      case TREE + "FunctionDefinition" -> {
        List<?> parameters = (List<?>) read(node, "args");
        defined.add(read(node, "fname") + "/" + parameters.size());
        for (Object parameter : parameters) {
          String name = (String) parameter;
          defined.add((name.startsWith("$") ? name.substring(1) : name) + "/0");
        }
      }
      case TREE + "FormattingFilter" -> calls.add(new Call("@" + read(node, "name"), 0));
      default -> {}
    }
  }

  private static Object read(Object node, String name) throws ReflectiveOperationException {
    for (Field field : FIELDS.get(node.getClass())) {
      if (field.getName().equals(name)) {
        return field.get(node);
      }
    }
    throw new NoSuchFieldException(node.getClass().getName() + "." + name);
  }

  // Only jackson-jq's own objects are tree nodes; JSON literals and the like are leaves. A scope
  // would lead into every built-in, so it is never followed.
  private static boolean isJqNode(Object node) {
    return node.getClass().getName().startsWith("net.thisptr.jackson.jq.")
        && !(node instanceof Scope);
  }

  private static void pushIfPresent(ArrayDeque<Object> pending, Object item) {
    if (item != null) {
      pending.push(item);
    }
  }
}
