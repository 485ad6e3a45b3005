package dev.faultline.export;

import dev.faultline.export.chaosmesh.ChaosMeshImporter;
import dev.faultline.export.chaostoolkit.ChaosToolkitImporter;
import dev.faultline.format.DocMap;
import dev.faultline.format.DocNode;
import dev.faultline.format.DocScalar;
import dev.faultline.format.Documents;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.format.Syntax;
import dev.faultline.format.SyntaxException;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.util.List;

/**
 * Reads a file of any format we export: our own experiments, Chaos Mesh Workflows and single chaos
 * objects, Chaos Toolkit experiments. The text is parsed once; the format is recognised from the
 * document itself, not from the file name.
 */
public final class Imports {
  private static final String OURS = "Faultline experiment";
  private final List<Importer> importers;

  public Imports(List<Importer> importers) {
    this.importers = List.copyOf(importers);
  }

  public static Imports standard() {
    return new Imports(List.of(new ChaosMeshImporter(), new ChaosToolkitImporter()));
  }

  /**
   * @param syntax how to parse the text (from the file name: {@code .json} is JSON, else YAML)
   * @param sourceName the file name, for messages and for a name when the document has none
   * @throws ImportException when the text does not parse, is of no known format, or lacks what its
   *     format requires; with the line and column
   */
  public ImportResult read(String text, Syntax syntax, String sourceName) throws ImportException {
    DocNode root;
    try {
      root = Documents.parse(text, syntax, sourceName);
    } catch (SyntaxException e) {
      throw new ImportException(e.getMessage(), "", e.line(), e.column());
    }
    if (isOurs(root)) {
      return readOurs(text, syntax);
    }
    for (Importer importer : importers) {
      if (importer.accepts(root)) {
        return importer.read(root, sourceName);
      }
    }
    throw new ImportException(
        "this is not a format Faultline imports: expected a Faultline experiment (apiVersion "
            + "faultline.dev/…), a Chaos Mesh Workflow or chaos object (apiVersion "
            + "chaos-mesh.org/…) or a Chaos Toolkit experiment (title and method)",
        "",
        root.line(),
        root.column());
  }

  private static boolean isOurs(DocNode root) {
    return root instanceof DocMap map
        && map.get("apiVersion")
            .filter(
                v ->
                    v instanceof DocScalar s
                        && s.value() instanceof String a
                        && a.startsWith("faultline.dev/"))
            .isPresent();
  }

  private static ImportResult readOurs(String text, Syntax syntax) throws ImportException {
    ReadResult read = new ExperimentReader().read(text, syntax).validated(Validator.standard());
    if (read.experiment().isEmpty() || read.hasErrors()) {
      Problem first = read.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
      throw new ImportException(first.message(), first.path(), first.line(), first.column());
    }
    List<ConversionWarning> warnings =
        read.problems().stream()
            .map(p -> new ConversionWarning(p.path(), p.line(), p.column(), p.message()))
            .toList();
    return new ImportResult(read.experiment().get(), OURS, warnings);
  }
}
