package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation's pictures stay honest: every image the README and docs/ show exists, no image
 * in docs/ lies there unused, and every docs/screenshot-*.png is redrawn by a screenshot test
 * ({@code -Pscreenshots}), so none can silently go stale. No JavaFX: part of the normal suite.
 */
class DocsImagesTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path DOCS = ROOT.resolve("docs");

  /**
   * Screenshots drawn by something other than a {@code screenshots}-tagged test, with the file that
   * draws them (relative to the repository root). That file must name the image, when it exists.
   */
  private static final Map<String, String> MADE_ELSEWHERE =
      Map.of(
          // The installed .deb's desktop entry on a real desktop, by the package smoke test.
          "screenshot-installed-deb.png", "installers/src/test/smoke-deb.sh",
          // The HTML report in a browser: a real run on the sandbox rendered by headless Chromium.
          "screenshot-run-report.png", "docs/tools/screenshot-run-report.sh");

  /** {@code ![alt](x.png)}, {@code [text](x.png)} and {@code <img src="x.png">}. */
  private static final Pattern IMAGE =
      Pattern.compile(
          "(?:\\]\\(\\s*<?|src=\")([^)\\s\">#?]+\\.(?:png|jpe?g|gif|svg|webp))",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern IMAGE_FILE =
      Pattern.compile(".*\\.(?:png|jpe?g|gif|svg|webp)", Pattern.CASE_INSENSITIVE);

  @Test
  void everyImageTheDocsShowExists() {
    List<String> missing = new ArrayList<>();
    for (Path markdown : markdownFiles()) {
      for (Reference ref : references(markdown)) {
        if (!Files.isRegularFile(ref.image())) {
          missing.add(ref + " does not exist");
        }
      }
    }
    assertThat(missing).as("images referenced from the docs").isEmpty();
  }

  @Test
  void everyImageInDocsIsShownSomewhere() {
    Set<Path> referenced = new TreeSet<>();
    markdownFiles().forEach(m -> references(m).forEach(r -> referenced.add(r.image())));
    List<String> orphans =
        imagesInDocs().stream()
            .filter(image -> !referenced.contains(image))
            .map(
                image -> ROOT.relativize(image) + " is not referenced by README.md or docs/**/*.md")
            .toList();
    assertThat(orphans).as("orphan images").isEmpty();
  }

  @Test
  void everyScreenshotIsDrawnByAScreenshotTest() {
    List<Path> producers = screenshotTests();
    List<String> stale = new ArrayList<>();
    for (Path image : imagesInDocs()) {
      String name = image.getFileName().toString();
      if (!name.startsWith("screenshot-") || MADE_ELSEWHERE.containsKey(name)) {
        continue;
      }
      if (producers.stream().noneMatch(test -> read(test).contains("\"" + name + "\""))) {
        stale.add(
            ROOT.relativize(image)
                + " is written by no @Tag(\"screenshots\") test (nor listed in MADE_ELSEWHERE)");
      }
    }
    assertThat(stale).as("screenshots nothing redraws").isEmpty();
  }

  @Test
  void everyScreenshotMadeElsewhereIsNamedByItsProducer() {
    List<String> wrong = new ArrayList<>();
    MADE_ELSEWHERE.forEach(
        (image, producer) -> {
          Path file = ROOT.resolve(producer);
          // The producer may live on a branch not merged yet; once it is here, it must match.
          if (Files.isRegularFile(file) && !read(file).contains(image)) {
            wrong.add(producer + " does not mention docs/" + image);
          }
          if (Files.exists(DOCS.resolve(image)) && !Files.isRegularFile(file)) {
            wrong.add("docs/" + image + " exists but its producer " + producer + " does not");
          }
        });
    assertThat(wrong).as("the MADE_ELSEWHERE allow-list").isEmpty();
  }

  @Test
  void theReferenceFinderSeesEveryKindOfLink() {
    String text =
        """
        ![a](one.png) [shot](two.PNG) <img src="three.svg" alt="">
        ![multi
        line (3/3)](four.png) [not an image](five.md) https://x.test/six.png
        """;
    assertThat(IMAGE.matcher(text).results().map(m -> m.group(1)).toList())
        .containsExactly("one.png", "two.PNG", "three.svg", "four.png");
  }

  /** An image reference, with where it was written for the failure message. */
  private record Reference(Path markdown, int line, String target, Path image) {
    @Override
    public String toString() {
      return ROOT.relativize(markdown) + ":" + line + ": " + target;
    }
  }

  private static List<Reference> references(Path markdown) {
    String text = read(markdown);
    List<Reference> refs = new ArrayList<>();
    Matcher m = IMAGE.matcher(text);
    while (m.find()) {
      String target = m.group(1);
      if (target.contains("://")) {
        continue;
      }
      int line = (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
      Path image = markdown.getParent().resolve(target).normalize();
      refs.add(new Reference(markdown, line, target, image));
    }
    return refs;
  }

  private static List<Path> markdownFiles() {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    files.addAll(walk(DOCS, p -> p.toString().endsWith(".md")));
    assertThat(files).as("README.md and docs/**/*.md").hasSizeGreaterThan(5);
    return files;
  }

  private static List<Path> imagesInDocs() {
    return walk(DOCS, p -> IMAGE_FILE.matcher(p.getFileName().toString()).matches());
  }

  /** Test sources in every module that carry the screenshots tag. */
  private static List<Path> screenshotTests() {
    List<Path> tests = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.toList()) {
        Path sources = module.resolve("src/test/java");
        if (Files.isDirectory(sources)) {
          tests.addAll(
              walk(
                  sources,
                  p ->
                      p.toString().endsWith(".java") && read(p).contains("@Tag(\"screenshots\")")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(tests).as("screenshot tests").isNotEmpty();
    return tests;
  }

  private static List<Path> walk(Path dir, java.util.function.Predicate<Path> keep) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(keep).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
