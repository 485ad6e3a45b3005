package dev.faultline.cli;

import dev.faultline.export.ExportFormat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --to FORMAT} by the formats' CLI names ({@code chaos-mesh}, not the enum's {@code
 * CHAOS_MESH}); an unknown name is a usage error that lists the known ones.
 */
final class ExportFormatConverter implements ITypeConverter<ExportFormat> {
  @Override
  public ExportFormat convert(String value) {
    return ExportFormat.byCliName(value.strip())
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "unknown format '" + value + "'; expected one of: " + names()));
  }

  /** {@code yaml, chaos-mesh, chaostoolkit, java}. */
  static String names() {
    return Arrays.stream(ExportFormat.values())
        .map(ExportFormat::cliName)
        .collect(Collectors.joining(", "));
  }

  /** The CLI names, for picocli's help ({@code ${COMPLETION-CANDIDATES}}) and shell completion. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(ExportFormat.values()).map(ExportFormat::cliName).iterator();
    }
  }
}
