package dev.faultline.validate;

import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.format.Syntax;
import java.util.ArrayList;
import java.util.List;

/** Reads a YAML experiment from a text block and returns all problems, reading and validation. */
final class Check {
  static final String HEADER =
      "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata:\n  name: t\n";

  /** Line of the first line after {@link #HEADER}. */
  static final int FIRST_LINE = 5;

  private Check() {}

  static List<Problem> problems(String body) {
    ReadResult read = new ExperimentReader().read(HEADER + body, Syntax.YAML);
    var all = new ArrayList<>(read.problems());
    read.experiment().ifPresent(e -> all.addAll(Validator.standard().validate(e, read.locator())));
    return all;
  }

  static List<String> messages(String body) {
    return problems(body).stream().map(p -> p.severity().word() + ": " + p.message()).toList();
  }

  /** "line:column message" of each problem. */
  static List<String> located(String body) {
    return problems(body).stream()
        .map(p -> p.line() + ":" + p.column() + " " + p.message())
        .toList();
  }
}
