package dev.faultline.docs;

import dev.faultline.catalog.Catalog;
import dev.faultline.cli.Main;
import dev.faultline.format.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The generated reference documents of Faultline itself: {@code docs/cli.md} from the launcher's
 * command line and {@code docs/reference.md} from the built-in catalog. {@code ReferenceDocsTest}
 * fails when a committed file differs from what this renders and rewrites the files when run with
 * {@code -Dfaultline.docs.write=true}: {@link #REGENERATE}.
 */
public final class ReferenceDocs {
  /** The command that rewrites both files, from the repository root. */
  public static final String REGENERATE =
      "./mvnw -o -q -pl runner -Dtest=ReferenceDocsTest -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dfaultline.docs.write=true test";

  /** The CLI reference's file name in {@code docs/}. */
  public static final String CLI_FILE = "cli.md";

  /** The attack and probe reference's file name in {@code docs/}. */
  public static final String DESCRIPTORS_FILE = "reference.md";

  private ReferenceDocs() {}

  /** {@code docs/cli.md} as it should read now. */
  public static String cli() {
    return new CliReference(header("the picocli commands (dev.faultline.docs.CliReference)"))
        .render(Main.commandLine());
  }

  /** {@code docs/reference.md} as it should read now. */
  public static String descriptors() {
    return new DescriptorReference(
            header("the attack and probe descriptors (dev.faultline.docs.DescriptorReference)"))
        .render(Catalog.builtIn());
  }

  /** Writes both documents into {@code docsDirectory}, each atomically. */
  public static void write(Path docsDirectory) throws IOException {
    AtomicFiles.write(docsDirectory.resolve(CLI_FILE), cli());
    AtomicFiles.write(docsDirectory.resolve(DESCRIPTORS_FILE), descriptors());
  }

  private static String header(String source) {
    return "<!-- Generated from " + source + "; do not edit. Regenerate: " + REGENERATE + " -->";
  }
}
