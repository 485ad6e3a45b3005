package dev.faultline.format;

import dev.faultline.model.Experiment;
import dev.faultline.validate.Locator;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Severity;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads experiment files: parse, check {@code apiVersion} and {@code kind}, migrate older versions,
 * bind to the model. Never throws for bad input: every problem is returned with its line and
 * column.
 */
public final class ExperimentReader {
  private final Migrations migrations;

  public ExperimentReader() {
    this(Migrations.builtIn());
  }

  public ExperimentReader(Migrations migrations) {
    this.migrations = migrations;
  }

  public ReadResult read(Path file) {
    String text;
    try {
      text = TextFiles.readUtf8(file);
    } catch (NoSuchFileException e) {
      return failed(new Problem(Severity.ERROR, "", 0, 0, "file not found"));
    } catch (CharacterCodingException e) {
      return failed(new Problem(Severity.ERROR, "", 0, 0, "the file is not UTF-8 text"));
    } catch (IOException e) {
      return failed(
          new Problem(Severity.ERROR, "", 0, 0, "cannot read the file: " + e.getMessage()));
    }
    return read(text, Syntax.of(file));
  }

  public ReadResult read(String text, Syntax syntax) {
    DocNode tree;
    try {
      tree =
          syntax == Syntax.JSON
              ? new JsonDocReader().read(text)
              : new YamlDocReader().read(stripBom(text), "");
    } catch (SyntaxException e) {
      return failed(new Problem(Severity.ERROR, "", e.line(), e.column(), e.getMessage()));
    }
    var problems = new ArrayList<Problem>();
    if (!(tree instanceof DocMap root)) {
      problems.add(
          Binding.error(
              tree,
              "",
              "an experiment file is a mapping (apiVersion:, kind:, ...), not " + tree.describe()));
      return new ReadResult(null, problems, Locator.NONE);
    }
    Optional<DocMap> current = toCurrentVersion(root, problems);
    if (current.isEmpty()) {
      return new ReadResult(null, problems, SourceMap.of(root));
    }
    checkKind(current.get(), problems);
    Experiment experiment = new ExperimentBinder(problems).bind(current.get());
    return new ReadResult(experiment, problems, SourceMap.of(current.get()));
  }

  private Optional<DocMap> toCurrentVersion(DocMap root, List<Problem> problems) {
    Optional<DocNode> node = root.get("apiVersion");
    String expected = Experiment.API_VERSION;
    if (node.isEmpty()) {
      problems.add(
          Binding.error(
              root,
              "apiVersion",
              "missing 'apiVersion'; an experiment file starts with 'apiVersion: "
                  + expected
                  + "'"));
      return Optional.empty();
    }
    String text = node.get() instanceof DocScalar s && s.value() instanceof String str ? str : null;
    Optional<ApiVersion> version = ApiVersion.parse(text);
    if (version.isEmpty() || !version.get().group().equals(ApiVersion.GROUP)) {
      problems.add(
          Binding.error(
              node.get(),
              "apiVersion",
              "apiVersion '"
                  + (text == null ? node.get().toPlain() : text)
                  + "' is not a Faultline experiment; expected "
                  + expected));
      return Optional.empty();
    }
    if (text.equals(expected)) {
      return Optional.of(root);
    }
    ApiVersion current = ApiVersion.parse(expected).orElseThrow();
    Optional<List<Migration>> chain = migrations.chain(text, expected);
    if (chain.isEmpty()) {
      String message =
          version.get().isNewerThan(current)
              ? "apiVersion "
                  + text
                  + " is newer than this Faultline understands ("
                  + expected
                  + "); update Faultline to open this file"
              : "apiVersion "
                  + text
                  + " is not a known Faultline format; this version reads "
                  + expected;
      problems.add(Binding.error(node.get(), "apiVersion", message));
      return Optional.empty();
    }
    DocMap migrated = root;
    for (Migration migration : chain.get()) {
      migrated = migration.migrate(migrated);
    }
    problems.add(
        new Problem(
            Severity.WARNING,
            "apiVersion",
            node.get().line(),
            node.get().column(),
            "this file uses the older format " + text + "; saving it writes " + expected));
    return Optional.of(migrated);
  }

  private static void checkKind(DocMap root, List<Problem> problems) {
    Optional<DocNode> kind = root.get("kind");
    if (kind.isEmpty()) {
      problems.add(Binding.error(root, "kind", "missing 'kind: " + Experiment.KIND + "'"));
    } else if (!(kind.get() instanceof DocScalar s && Experiment.KIND.equals(s.value()))) {
      problems.add(
          Binding.error(
              kind.get(),
              "kind",
              "kind is '"
                  + kind.get().toPlain()
                  + "'; an experiment file has 'kind: "
                  + Experiment.KIND
                  + "'"));
    }
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static ReadResult failed(Problem problem) {
    return new ReadResult(null, List.of(problem), Locator.NONE);
  }
}
