package dev.faultline.designer.palette;

import dev.faultline.catalog.Catalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the palette shows: every attack and probe of the catalog plus wait and gate, grouped under
 * headers (attacks by category, then probes by category, then flow), filtered by the search query.
 *
 * <p>Groups keep the catalog's order, so related descriptors stay together as their authors listed
 * them; only the query changes what is shown.
 */
public final class PaletteViewModel {

  private final List<PaletteEntry> entries;
  private final StringProperty query = new SimpleStringProperty(this, "query", "");
  private final ObservableList<PaletteRow> rows = FXCollections.observableArrayList();
  private final ObservableList<PaletteRow> readOnlyRows =
      FXCollections.unmodifiableObservableList(rows);
  private final ReadOnlyStringWrapper emptyMessage =
      new ReadOnlyStringWrapper(this, "emptyMessage", "");

  public PaletteViewModel(Catalog catalog) {
    List<PaletteEntry> all = new ArrayList<>();
    catalog.attacks().stream().map(PaletteEntry::of).forEach(all::add);
    catalog.probes().stream().map(PaletteEntry::of).forEach(all::add);
    all.add(PaletteEntry.waitEntry());
    all.add(PaletteEntry.gateEntry());
    this.entries = List.copyOf(all);
    query.addListener((obs, old, now) -> filter());
    filter();
  }

  /** The search text; words separated by spaces must all match. */
  public StringProperty queryProperty() {
    return query;
  }

  /** Every entry, whatever the query. */
  public List<PaletteEntry> entries() {
    return entries;
  }

  /** Headers and the entries that match the query, in display order; headers of empty groups go. */
  public ObservableList<PaletteRow> rows() {
    return readOnlyRows;
  }

  /** The first entry shown, which Enter in the search field adds. */
  public Optional<PaletteEntry> firstMatch() {
    return rows.stream()
        .filter(PaletteEntry.class::isInstance)
        .map(PaletteEntry.class::cast)
        .findFirst();
  }

  /** {@code No attack or probe matches “xyz”} when nothing matches; empty otherwise. */
  public ReadOnlyStringProperty emptyMessageProperty() {
    return emptyMessage.getReadOnlyProperty();
  }

  private void filter() {
    String text = query.get() == null ? "" : query.get().strip();
    List<String> words =
        text.isEmpty() ? List.of() : Arrays.asList(text.toLowerCase(Locale.ROOT).split("\\s+"));
    Map<String, List<PaletteEntry>> groups = new LinkedHashMap<>();
    for (PaletteEntry entry : entries) {
      if (entry.matches(words)) {
        groups.computeIfAbsent(groupTitle(entry), t -> new ArrayList<>()).add(entry);
      }
    }
    List<PaletteRow> shown = new ArrayList<>();
    groups.forEach(
        (title, members) -> {
          shown.add(new PaletteRow.Header(title));
          shown.addAll(members);
        });
    rows.setAll(shown);
    emptyMessage.set(shown.isEmpty() ? "No attack or probe matches \u201c" + text + "\u201d" : "");
  }

  /** {@code Attacks · Kubernetes}, {@code Probes · HTTP}, {@code Flow}. */
  static String groupTitle(PaletteEntry entry) {
    return switch (entry.template().kind()) {
      case ATTACK -> "Attacks \u00b7 " + entry.category();
      case PROBE -> "Probes \u00b7 " + entry.category();
      case WAIT, GATE -> PaletteEntry.FLOW;
    };
  }
}
