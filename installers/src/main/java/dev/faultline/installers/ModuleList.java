package dev.faultline.installers;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The modules the jlink runtime holds: what jdeps found in the app's jars plus the ones the app
 * loads reflectively, which jdeps cannot see.
 *
 * <p>Run as {@code ModuleList JDEPS_OUTPUT EXTRA_MODULES}; prints a sorted, comma-separated list
 * for {@code jlink --add-modules}.
 */
public final class ModuleList {

  private ModuleList() {}

  /**
   * Merges jdeps' {@code --print-module-deps} output (its last non-blank line is the list; warnings
   * about split packages come before it) with extra module names, comma- or space-separated.
   *
   * @throws IllegalArgumentException when jdeps' output holds no module list: a jdeps error must
   *     fail the build rather than produce a runtime without the app's modules
   */
  public static Set<String> merge(String jdepsOutput, String extraModules) {
    String list =
        jdepsOutput
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .reduce((first, second) -> second)
            .orElse("");
    Set<String> found = names(list);
    if (!found.contains("java.base") || !found.stream().allMatch(ModuleList::isModuleName)) {
      throw new IllegalArgumentException(
          "jdeps printed no module list (last line: '" + list + "')");
    }
    Set<String> extras = names(extraModules);
    extras.stream()
        .filter(name -> !isModuleName(name))
        .findFirst()
        .ifPresent(
            name -> {
              throw new IllegalArgumentException("not a module name: '" + name + "'");
            });
    Set<String> all = new TreeSet<>(found);
    all.addAll(extras);
    return all;
  }

  private static Set<String> names(String list) {
    return Arrays.stream(list.split("[,\\s]+"))
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean isModuleName(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  }

  /**
   * Prints the merged list.
   *
   * @param args jdeps output, extra modules
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: ModuleList JDEPS_OUTPUT EXTRA_MODULES");
      System.exit(64);
    }
    System.out.println(String.join(",", merge(args[0], args[1])));
  }
}
