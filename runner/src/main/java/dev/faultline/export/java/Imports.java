package dev.faultline.export.java;

import java.util.List;
import java.util.TreeSet;

/** The imports a generated class needs, collected while its body is written: no unused ones. */
final class Imports {
  private final TreeSet<String> classes = new TreeSet<>();
  private final TreeSet<String> statics = new TreeSet<>();

  void add(String qualifiedName) {
    classes.add(qualifiedName);
  }

  void addStatic(String qualifiedMember) {
    statics.add(qualifiedMember);
  }

  /**
   * The import lines in Google Java Style order: static imports, a blank line, then the others in
   * ASCII order.
   */
  List<String> lines() {
    var lines = new java.util.ArrayList<String>();
    statics.forEach(name -> lines.add("import static " + name + ";"));
    if (!statics.isEmpty() && !classes.isEmpty()) {
      lines.add("");
    }
    classes.forEach(name -> lines.add("import " + name + ";"));
    return lines;
  }
}
