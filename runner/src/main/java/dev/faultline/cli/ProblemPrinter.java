package dev.faultline.cli;

import dev.faultline.format.JsonText;
import dev.faultline.validate.Problem;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints problems as {@code FILE:LINE:COL: error|warning: message} (the form editors and CI
 * annotate), or as a JSON array.
 */
final class ProblemPrinter {
  private ProblemPrinter() {}

  /** One problem of one file. */
  record FileProblem(String file, Problem problem) {}

  static void text(List<FileProblem> problems, PrintWriter out) {
    for (FileProblem fp : problems) {
      Problem p = fp.problem();
      String where = p.hasPosition() ? fp.file() + ":" + p.line() + ":" + p.column() : fp.file();
      out.println(
          where
              + ": "
              + p.severity().word()
              + ": "
              + p.message()
              + (p.path().isEmpty() ? "" : " [" + p.path() + "]"));
    }
    out.flush();
  }

  static void json(List<FileProblem> problems, PrintWriter out) {
    List<Map<String, Object>> items =
        problems.stream()
            .map(
                fp -> {
                  var item = new LinkedHashMap<String, Object>();
                  item.put("file", fp.file());
                  item.put("line", (long) fp.problem().line());
                  item.put("column", (long) fp.problem().column());
                  item.put("severity", fp.problem().severity().word());
                  item.put("path", fp.problem().path());
                  item.put("message", fp.problem().message());
                  return (Map<String, Object>) item;
                })
            .toList();
    out.print(JsonText.write(items));
    out.flush();
  }
}
