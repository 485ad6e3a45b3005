package dev.faultline.export.chaostoolkit;

import dev.faultline.export.ConversionWarning;
import java.util.ArrayList;
import java.util.List;

/** The warnings of one export, in the order the steps were converted. */
final class ExportLog {
  private final List<ConversionWarning> warnings = new ArrayList<>();

  void warn(String path, String message) {
    warnings.add(ConversionWarning.at(path, message));
  }

  List<ConversionWarning> warnings() {
    return List.copyOf(warnings);
  }
}
