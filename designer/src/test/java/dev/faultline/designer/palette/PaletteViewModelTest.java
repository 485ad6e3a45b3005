package dev.faultline.designer.palette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor;
import dev.faultline.designer.document.StepDrag;
import dev.faultline.designer.document.StepTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteViewModelTest {

  private final Catalog catalog = Catalog.builtIn();
  private final PaletteViewModel palette = new PaletteViewModel(catalog);

  @Test
  void everyDescriptorOnceThenWaitAndGate() {
    List<StepTemplate> shown = templates(palette);

    List<StepTemplate> expected =
        catalog.all().stream().map(StepTemplate::of).collect(java.util.stream.Collectors.toList());
    expected.add(StepTemplate.WAIT);
    expected.add(StepTemplate.GATE);
    assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(shown).doesNotHaveDuplicates();
    assertThat(palette.emptyMessageProperty().get()).isEmpty();
  }

  @Test
  void groupsAttacksThenProbesThenFlowEachUnderOneHeader() {
    List<String> headers =
        palette.rows().stream()
            .filter(PaletteRow.Header.class::isInstance)
            .map(row -> ((PaletteRow.Header) row).title())
            .toList();

    assertThat(headers).doesNotHaveDuplicates();
    assertThat(headers.getFirst()).isEqualTo("Attacks \u00b7 Kubernetes");
    assertThat(headers.getLast()).isEqualTo("Flow");
    int lastAttack = lastIndexStartingWith(headers, "Attacks");
    int firstProbe = headers.indexOf("Probes \u00b7 HTTP");
    assertThat(firstProbe).isGreaterThan(lastAttack);
    // Every entry sits under the header of its own group.
    String current = null;
    for (PaletteRow row : palette.rows()) {
      if (row instanceof PaletteRow.Header header) {
        current = header.title();
      } else {
        assertThat(PaletteViewModel.groupTitle((PaletteEntry) row)).isEqualTo(current);
      }
    }
    assertThat(palette.rows().getFirst()).isInstanceOf(PaletteRow.Header.class);
  }

  @Test
  void searchPodFindsPodDeleteUnderItsHeader() {
    palette.queryProperty().set("pod");

    assertThat(templates(palette))
        .contains(new StepTemplate(StepTemplate.Kind.ATTACK, "k8s.pod.delete"));
    assertThat(templates(palette)).doesNotContain(StepTemplate.WAIT, StepTemplate.GATE);
    assertThat(palette.rows().getFirst())
        .isEqualTo(new PaletteRow.Header("Attacks \u00b7 Kubernetes"));
    assertThat(palette.firstMatch()).map(PaletteEntry::id).contains("k8s.pod.delete");
  }

  @Test
  void everyWordMustMatchIgnoringCaseInAnyField() {
    palette.queryProperty().set("  HTTP   probe ");

    assertThat(templates(palette))
        .containsExactly(
            new StepTemplate(StepTemplate.Kind.PROBE, "http.check"),
            new StepTemplate(StepTemplate.Kind.PROBE, "load.http"),
            // Its description compares it with load.http.
            new StepTemplate(StepTemplate.Kind.PROBE, "load.grpc"));

    palette.queryProperty().set("HTTP probe JQ");
    assertThat(templates(palette))
        .containsExactly(new StepTemplate(StepTemplate.Kind.PROBE, "http.check"));

    palette.queryProperty().set("chaos mesh stress");
    assertThat(templates(palette))
        .containsExactly(new StepTemplate(StepTemplate.Kind.ATTACK, "chaosmesh.stress"));

    palette.queryProperty().set("flow");
    assertThat(templates(palette)).containsExactly(StepTemplate.WAIT, StepTemplate.GATE);
  }

  @Test
  void nonsenseShowsNothingAndSaysSo() {
    palette.queryProperty().set("xyzzy");

    assertThat(palette.rows()).isEmpty();
    assertThat(palette.firstMatch()).isEmpty();
    assertThat(palette.emptyMessageProperty().get())
        .isEqualTo("No attack or probe matches \u201cxyzzy\u201d");

    palette.queryProperty().set("");
    assertThat(templates(palette)).hasSize(catalog.all().size() + 2);
    assertThat(palette.emptyMessageProperty().get()).isEmpty();
  }

  @Test
  void entriesCarryWhatTheListAndTooltipShow() {
    Descriptor podDelete = catalog.find("k8s.pod.delete").orElseThrow();
    PaletteEntry entry = PaletteEntry.of(podDelete);

    assertThat(entry.title()).isEqualTo("Delete pods");
    assertThat(entry.iconId()).isEqualTo(podDelete.iconId());
    assertThat(entry.accessibleText())
        .isEqualTo("Attack: Delete pods. Drag onto the canvas or press Enter to add.");
    assertThat(entry.tooltipText())
        .startsWith(podDelete.description())
        .contains("\u2022 gracePeriod (optional, default 0s)");
    PaletteEntry signal = PaletteEntry.of(catalog.find("process.signal").orElseThrow());
    assertThat(signal.tooltipText()).contains("\u2022 signal (required)");
    assertThat(PaletteEntry.gateEntry().accessibleText()).startsWith("Flow: Gate.");
  }

  @Test
  void dragContentCarriesTheTemplateToken() {
    StepTemplate template = new StepTemplate(StepTemplate.Kind.PROBE, "http.check");

    var content = PaletteDrag.content(template);

    assertThat(content.get(StepDrag.FORMAT)).isEqualTo("probe:http.check");
    assertThat(content.getString()).isEqualTo("probe:http.check");
    assertThat(StepTemplate.parse((String) content.get(StepDrag.FORMAT))).contains(template);
  }

  private static List<StepTemplate> templates(PaletteViewModel palette) {
    return palette.rows().stream()
        .filter(PaletteEntry.class::isInstance)
        .map(row -> ((PaletteEntry) row).template())
        .toList();
  }

  private static int lastIndexStartingWith(List<String> items, String prefix) {
    int last = -1;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).startsWith(prefix)) {
        last = i;
      }
    }
    return last;
  }
}
