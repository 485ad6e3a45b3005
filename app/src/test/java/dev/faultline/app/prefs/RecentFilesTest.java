package dev.faultline.app.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {

  @TempDir Path config;
  @TempDir Path work;

  @Test
  void newestFirstAndAFileOpenedAgainMovesUpInsteadOfRepeating() throws Exception {
    var recent = new RecentFiles(config);
    Path a = existing("a.yaml");
    Path b = existing("b.yaml");

    recent.add(a);
    recent.add(b);
    recent.add(work.resolve("sub/../a.yaml"));

    assertThat(recent.list()).extracting(RecentFile::path).containsExactly(a, b);
    assertThat(recent.list().getFirst().fileName()).isEqualTo("a.yaml");
  }

  @Test
  void keepsTheTenNewest() throws Exception {
    var recent = new RecentFiles(config);
    for (int i = 0; i < 12; i++) {
      recent.add(work.resolve("f" + i + ".yaml"));
    }

    assertThat(recent.list())
        .hasSize(RecentFiles.MAX)
        .extracting(r -> r.path().getFileName().toString())
        .startsWith("f11.yaml", "f10.yaml")
        .endsWith("f2.yaml");
  }

  @Test
  void aFileThatIsGoneStaysListedButFlagged() throws Exception {
    var recent = new RecentFiles(config);
    Path kept = existing("kept.yaml");
    Path gone = existing("gone.yaml");
    recent.add(gone);
    recent.add(kept);

    Files.delete(gone);

    assertThat(recent.list())
        .containsExactly(new RecentFile(kept, true), new RecentFile(gone, false));
  }

  @Test
  void survivesARestartAndClearEmptiesIt() throws Exception {
    Path a = existing("a.yaml");
    new RecentFiles(config).add(a);

    var afterRestart = new RecentFiles(config);
    assertThat(afterRestart.load().value()).extracting(RecentFile::path).containsExactly(a);
    assertThat(afterRestart.load().warning()).isEmpty();

    afterRestart.clear();
    assertThat(new RecentFiles(config).list()).isEmpty();
  }

  @Test
  void twoInstancesAddToOneList() throws Exception {
    var first = new RecentFiles(config);
    var second = new RecentFiles(config);

    first.add(work.resolve("one.yaml"));
    second.add(work.resolve("two.yaml"));

    assertThat(first.list())
        .extracting(r -> r.path().getFileName().toString())
        .containsExactly("two.yaml", "one.yaml");
  }

  @Test
  void aCorruptFileGivesAnEmptyListAWarningAndIsKeptAside() throws Exception {
    Files.writeString(config.resolve(RecentFiles.FILE_NAME), "{\"files\": [\"/a.yaml\", ");
    var recent = new RecentFiles(config);

    Loaded<?> loaded = recent.load();

    assertThat(loaded.value()).asList().isEmpty();
    assertThat(loaded.warning()).hasValueSatisfying(w -> assertThat(w).contains("using defaults"));
    assertThat(config.resolve(RecentFiles.FILE_NAME + ".corrupt")).exists();

    recent.add(work.resolve("fresh.yaml"));
    assertThat(recent.load().warning()).isEmpty();
    assertThat(recent.list()).hasSize(1);
  }

  @Test
  void entriesOfTheWrongTypeAreSkippedAndTheRestKept() throws Exception {
    Files.writeString(
        config.resolve(RecentFiles.FILE_NAME),
        "{\"files\": [42, \"" + work.resolve("ok.yaml") + "\", null]}");

    assertThat(new RecentFiles(config).list())
        .extracting(RecentFile::path)
        .containsExactly(work.resolve("ok.yaml"));
  }

  @Test
  void writesLeaveNoTemporaryFiles() throws Exception {
    var recent = new RecentFiles(config);
    for (int i = 0; i < 3; i++) {
      recent.add(work.resolve(i + ".yaml"));
    }

    assertThat(TempFiles.namesIn(config)).containsExactly(RecentFiles.FILE_NAME);
  }

  private Path existing(String name) throws Exception {
    return Files.writeString(work.resolve(name), "kind: Experiment\n");
  }
}
