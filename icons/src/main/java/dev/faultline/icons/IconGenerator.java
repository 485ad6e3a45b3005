package dev.faultline.icons;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the application icon files the installers need, rendered from {@link AppLogo}.
 *
 * <pre>
 * java -Djava.awt.headless=true -cp icons/target/classes dev.faultline.icons.IconGenerator OUTDIR
 * </pre>
 *
 * <p>writes {@code faultline-{16,24,32,48,64,128,256,512}.png}, {@code faultline.png} (256 px, for
 * jpackage's Linux {@code --icon}), {@code faultline.ico} (Windows) and {@code faultline.icns}
 * (macOS, with the wider margin of Apple's icon template) into OUTDIR, creating it. Each file is
 * written to a temporary file and moved into place, so a packaging step never picks up a
 * half-written icon. The command line and the file names are what the installer build relies on.
 */
public final class IconGenerator {

  /** Sizes of the separate PNG files. */
  static final List<Integer> PNG_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

  /** Size of {@code faultline.png}. */
  static final int MAIN_PNG_SIZE = 256;

  /** Exit status for a wrong command line (EX_USAGE from sysexits.h). */
  static final int EX_USAGE = 64;

  /** Exit status when a file cannot be written (EX_IOERR). */
  static final int EX_IOERR = 74;

  static final String USAGE =
      "usage: java -Djava.awt.headless=true -cp icons/target/classes"
          + " dev.faultline.icons.IconGenerator OUTDIR\n"
          + "Writes faultline-{16,24,32,48,64,128,256,512}.png, faultline.png (256 px),"
          + " faultline.ico and faultline.icns into OUTDIR, creating it.\n";

  /**
   * The share of a macOS icon's canvas its tile covers: Apple's icon template puts an 824 px tile
   * on a 1024 px canvas. Drawn full size like on the other platforms, the logo would stand out
   * larger than every other icon in the Dock.
   */
  static final double MAC_TILE_SHARE = 824.0 / 1024;

  // PNG bytes by size: the ICO and PNG files share renders of the same size.
  private final Map<Integer, byte[]> pngs = new HashMap<>();

  private IconGenerator() {}

  /**
   * Generates the icon files.
   *
   * @param args exactly one argument, the output directory
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the generator; returns the exit status instead of exiting, for tests. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 1 || args[0].isBlank() || args[0].startsWith("-")) {
      err.print(USAGE);
      return EX_USAGE;
    }
    Path dir = Path.of(args[0]);
    try {
      List<Path> written = new IconGenerator().writeAll(dir);
      out.println("IconGenerator: wrote " + written.size() + " files to " + dir.toAbsolutePath());
      return 0;
    } catch (IOException e) {
      err.println("IconGenerator: cannot write icons to " + dir + ": " + e);
      return EX_IOERR;
    }
  }

  /** Writes every icon file into {@code dir}, creating it, and returns the files written. */
  List<Path> writeAll(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (int size : PNG_SIZES) {
      written.add(writeAtomically(dir.resolve("faultline-" + size + ".png"), png(size)));
    }
    written.add(writeAtomically(dir.resolve("faultline.png"), png(MAIN_PNG_SIZE)));
    written.add(
        writeAtomically(dir.resolve("faultline.ico"), IcoWriter.write(IcoWriter.SIZES, this::png)));
    written.add(
        writeAtomically(
            dir.resolve("faultline.icns"),
            IcnsWriter.write(IcnsWriter.TYPES, IconGenerator::macPng)));
    return written;
  }

  private byte[] png(int size) {
    return pngs.computeIfAbsent(size, s -> Png.encode(LogoRasterizer.render(s)));
  }

  private static byte[] macPng(int size) {
    double tile = SvgPathParser.parse(AppLogo.TILE_PATH).getBounds2D().getWidth();
    return Png.encode(LogoRasterizer.render(size, MAC_TILE_SHARE * AppLogo.VIEW_BOX / tile));
  }

  /** Writes to a temporary file in the same directory, then moves it over the target. */
  private static Path writeAtomically(Path target, byte[] bytes) throws IOException {
    // Not Files.createTempFile: its owner-only permissions would follow the file into installers.
    Path temp =
        target.resolveSibling(
            "."
                + target.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "."
                + System.nanoTime()
                + ".tmp");
    try {
      Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }
}
