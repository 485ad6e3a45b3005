package dev.faultline.icons;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates the icon files once, into a temporary directory, and reads them back. */
class IconGeneratorTest {

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir static Path out;

  @BeforeAll
  static void generate() {
    assertThat(IconGenerator.run(new String[] {out.resolve("icons").toString()}, quiet(), quiet()))
        .isZero();
  }

  @Test
  void writesTheFilesThePackagingBuildNames() throws IOException {
    try (Stream<Path> files = Files.list(out.resolve("icons"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "faultline-16.png",
              "faultline-24.png",
              "faultline-32.png",
              "faultline-48.png",
              "faultline-64.png",
              "faultline-128.png",
              "faultline-256.png",
              "faultline-512.png",
              "faultline.png",
              "faultline.ico",
              "faultline.icns"); // and no temporary file left behind
    }
  }

  @Test
  void eachPngHasItsSizeTransparentCornersAndAnOpaqueCentre() throws IOException {
    for (int size : List.of(16, 24, 32, 48, 64, 128, 256, 512)) {
      BufferedImage image = read(out.resolve("icons/faultline-" + size + ".png"));
      assertThat(image.getWidth()).as("width %d", size).isEqualTo(size);
      assertThat(image.getHeight()).as("height %d", size).isEqualTo(size);
      assertThat(image.getColorModel().hasAlpha()).isTrue();
      int last = size - 1;
      for (int[] corner : new int[][] {{0, 0}, {last, 0}, {0, last}, {last, last}}) {
        assertThat(alpha(image, corner[0], corner[1])).as("corner alpha at %d px", size).isZero();
      }
      assertThat(alpha(image, size / 2, size / 2)).as("centre alpha at %d px", size).isEqualTo(255);
      // The Windows and Linux icons fill their canvas but for a margin of 3/64.
      assertThat(alpha(image, size / 8, size / 2)).as("left edge at %d px", size).isEqualTo(255);
    }
    BufferedImage main = read(out.resolve("icons/faultline.png"));
    assertThat(main.getWidth()).isEqualTo(256);
    assertThat(Files.readAllBytes(out.resolve("icons/faultline.png")))
        .isEqualTo(Files.readAllBytes(out.resolve("icons/faultline-256.png")));
  }

  @Test
  void smallSizesShowBothTheTileAndTheCrack() throws IOException {
    for (int size : List.of(16, 24, 32)) {
      BufferedImage image = read(out.resolve("icons/faultline-" + size + ".png"));
      int crack = 0;
      int tile = 0;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int argb = image.getRGB(x, y);
          if ((argb >>> 24) < 200) {
            continue;
          }
          if (luminance(argb) > 200) {
            crack++;
          } else if (luminance(argb) < 140) {
            tile++;
          }
        }
      }
      // The crack must survive downscaling as clearly white pixels, not blur into the tile.
      assertThat(crack).as("crack pixels at %d px", size).isGreaterThanOrEqualTo(size);
      assertThat(tile).as("tile pixels at %d px", size).isGreaterThan(size * size / 2);
    }
  }

  @Test
  void icoHasAPngEntryForEachWindowsSize() throws IOException {
    byte[] ico = Files.readAllBytes(out.resolve("icons/faultline.ico"));
    ByteBuffer in = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(in.getShort()).as("reserved").isZero();
    assertThat(in.getShort()).as("type: icon").isEqualTo((short) 1);
    int count = in.getShort();
    assertThat(count).isEqualTo(7);
    List<Integer> sizes = new ArrayList<>();
    int expectedOffset = 6 + 16 * count;
    for (int i = 0; i < count; i++) {
      in.position(6 + 16 * i);
      int width = Byte.toUnsignedInt(in.get());
      int height = Byte.toUnsignedInt(in.get());
      assertThat(in.get()).as("colour count").isZero();
      assertThat(in.get()).as("reserved").isZero();
      assertThat(in.getShort()).as("planes").isEqualTo((short) 1);
      assertThat(in.getShort()).as("bits per pixel").isEqualTo((short) 32);
      int length = in.getInt();
      int offset = in.getInt();
      assertThat(offset).as("entries are packed in order").isEqualTo(expectedOffset);
      expectedOffset += length;
      int size = width == 0 ? 256 : width;
      assertThat(height == 0 ? 256 : height).isEqualTo(size);
      byte[] png = Arrays.copyOfRange(ico, offset, offset + length);
      assertPng(png, size);
      sizes.add(size);
    }
    assertThat(expectedOffset).as("payloads end the file").isEqualTo(ico.length);
    assertThat(sizes).containsExactly(16, 24, 32, 48, 64, 128, 256);
  }

  @Test
  void icnsHasAPngElementForEachMacSize() throws IOException {
    byte[] icns = Files.readAllBytes(out.resolve("icons/faultline.icns"));
    ByteBuffer in = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);
    assertThat(fourCc(in)).isEqualTo("icns");
    assertThat(in.getInt()).as("total length").isEqualTo(icns.length);
    List<String> types = new ArrayList<>();
    while (in.hasRemaining()) {
      String type = fourCc(in);
      int length = in.getInt();
      assertThat(length).as(type).isGreaterThan(8).isLessThanOrEqualTo(in.remaining() + 8);
      byte[] png = new byte[length - 8];
      in.get(png);
      int size =
          switch (type) {
            case "icp4" -> 16;
            case "icp5" -> 32;
            case "icp6" -> 64;
            case "ic07" -> 128;
            case "ic08" -> 256;
            case "ic09" -> 512;
            case "ic10" -> 1024;
            default -> throw new AssertionError("unexpected ICNS type " + type);
          };
      BufferedImage image = assertPng(png, size);
      if (size >= 64) {
        // Apple's template: an 824/1024 tile centred, so about 10 % margin on each side.
        assertThat(alpha(image, (int) (size * 0.08), size / 2)).as("%s margin", type).isZero();
        assertThat(alpha(image, (int) (size * 0.12), size / 2)).as("%s tile", type).isEqualTo(255);
      }
      types.add(type);
    }
    assertThat(types).containsExactly("icp4", "icp5", "icp6", "ic07", "ic08", "ic09", "ic10");
  }

  @Test
  void generatingAgainReplacesTheFiles() throws IOException {
    Path dir = out.resolve("again");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("faultline.ico"), "stale");
    assertThat(IconGenerator.run(new String[] {dir.toString()}, quiet(), quiet())).isZero();
    assertThat(Files.readAllBytes(dir.resolve("faultline.ico")))
        .isEqualTo(Files.readAllBytes(out.resolve("icons/faultline.ico")));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    }
  }

  @Test
  void wrongArgumentsPrintTheUsageAndExit64() {
    for (String[] args : List.of(new String[0], new String[] {"a", "b"}, new String[] {"--help"})) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status =
          IconGenerator.run(args, quiet(), new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(status).as(String.join(" ", args)).isEqualTo(64);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .startsWith("usage:")
          .contains("dev.faultline.icons.IconGenerator OUTDIR");
    }
  }

  @Test
  void anUnwritableDirectoryIsAnIoErrorNotACrash() throws IOException {
    Path file = out.resolve("not-a-directory");
    Files.writeString(file, "x");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        IconGenerator.run(
            new String[] {file.resolve("sub").toString()},
            quiet(),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(74);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot write icons");
  }

  private static BufferedImage assertPng(byte[] png, int size) throws IOException {
    assertThat(Arrays.copyOf(png, 8)).as("PNG signature").isEqualTo(PNG_MAGIC);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("decodes").isNotNull();
    assertThat(image.getWidth()).isEqualTo(size);
    assertThat(image.getHeight()).isEqualTo(size);
    return image;
  }

  private static BufferedImage read(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as(png.toString()).isNotNull();
    return image;
  }

  private static int alpha(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) >>> 24;
  }

  private static int luminance(int argb) {
    int r = (argb >> 16) & 0xff;
    int g = (argb >> 8) & 0xff;
    int b = argb & 0xff;
    return (r * 299 + g * 587 + b * 114) / 1000;
  }

  private static String fourCc(ByteBuffer in) {
    byte[] code = new byte[4];
    in.get(code);
    return new String(code, StandardCharsets.US_ASCII);
  }

  private static PrintStream quiet() {
    return new PrintStream(ByteArrayOutputStream.nullOutputStream());
  }
}
