package dev.faultline.export.chaostoolkit;

import dev.faultline.export.ImportException;
import dev.faultline.export.ImportResult;
import dev.faultline.export.Importer;
import dev.faultline.format.DocMap;
import dev.faultline.format.DocNode;

/** PLACEHOLDER until the ChaosToolkit importer lands: recognises the format, refuses to read it. */
public final class ChaosToolkitImporter implements Importer {
  @Override
  public String formatName() {
    return "Chaos Toolkit experiment";
  }

  @Override
  public boolean accepts(DocNode root) {
    return root instanceof DocMap map && map.has("title") && map.has("method");
  }

  @Override
  public ImportResult read(DocNode root, String sourceName) throws ImportException {
    throw new ImportException("import of a " + formatName() + " is not built yet", "", 0, 0);
  }
}
