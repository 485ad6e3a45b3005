package dev.faultline.export.chaosmesh;

import dev.faultline.export.ImportException;
import dev.faultline.export.ImportResult;
import dev.faultline.export.Importer;
import dev.faultline.format.DocMap;
import dev.faultline.format.DocNode;

/** PLACEHOLDER until the ChaosMesh importer lands: recognises the format, refuses to read it. */
public final class ChaosMeshImporter implements Importer {
  @Override
  public String formatName() {
    return "Chaos Mesh Workflow or chaos object";
  }

  @Override
  public boolean accepts(DocNode root) {
    return root instanceof DocMap map
        && map.get("apiVersion")
            .map(DocNode::toPlain)
            .map(String::valueOf)
            .orElse("")
            .startsWith("chaos-mesh.org/");
  }

  @Override
  public ImportResult read(DocNode root, String sourceName) throws ImportException {
    throw new ImportException("import of a " + formatName() + " is not built yet", "", 0, 0);
  }
}
