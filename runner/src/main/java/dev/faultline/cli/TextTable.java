package dev.faultline.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns as wide as their widest cell, like kubectl's. */
final class TextTable {
  private static final int MAX_CELL = 80;
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... headers) {
    rows.add(headers);
  }

  void row(String... cells) {
    rows.add(cells);
  }

  void print(PrintWriter out) {
    int columns = rows.getFirst().length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      var line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 3));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** The first line of {@code text}, cut to 80 characters; {@code ""} for none. */
  static String firstLine(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() <= MAX_CELL ? line : line.substring(0, MAX_CELL - 1) + "…";
  }
}
