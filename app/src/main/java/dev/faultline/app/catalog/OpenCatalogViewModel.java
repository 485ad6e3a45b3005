package dev.faultline.app.catalog;

import dev.faultline.app.prefs.CatalogPrefs;
import dev.faultline.cluster.catalog.CatalogEntry;
import dev.faultline.cluster.catalog.CatalogListing;
import dev.faultline.cluster.catalog.CatalogVersion;
import dev.faultline.cluster.catalog.OpenedExperiment;
import dev.faultline.designer.fx.UiTaskExecutor;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State of the Open from Cluster Catalog dialog: the namespace, the experiments listed there
 * (filtered by the search text), the chosen experiment's versions, and a status line for progress
 * and errors. Cluster calls run through the task executor; results land on the FX thread.
 */
public final class OpenCatalogViewModel {
  private final CatalogSource source;
  private final UiTaskExecutor tasks;
  private final CatalogPrefs prefs;
  private final StringProperty namespace = new SimpleStringProperty(this, "namespace");
  private final StringProperty search = new SimpleStringProperty(this, "search", "");
  private final ObservableList<CatalogEntry> entries = FXCollections.observableArrayList();
  private final FilteredList<CatalogEntry> shown = new FilteredList<>(entries);
  private final ObjectProperty<CatalogEntry> selected =
      new SimpleObjectProperty<>(this, "selected");
  private final ObservableList<Integer> versions = FXCollections.observableArrayList();
  private final ObjectProperty<Integer> version = new SimpleObjectProperty<>(this, "version");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final BooleanProperty error = new SimpleBooleanProperty(this, "error");
  private long listRequest;
  private long historyRequest;
  private long openRequest;

  public OpenCatalogViewModel(CatalogSource source, UiTaskExecutor tasks, CatalogPrefs prefs) {
    this.source = source;
    this.tasks = tasks;
    this.prefs = prefs;
    search.addListener((obs, old, now) -> shown.setPredicate(e -> matches(e, now)));
    selected.addListener((obs, old, now) -> loadVersions(now));
  }

  /** Fills in the namespace used last (read in the background), then lists its experiments. */
  public void start() {
    busy.set(true);
    tasks.execute(
        prefs::lastNamespace,
        ns -> {
          busy.set(false);
          namespace.set(ns);
          load();
        },
        failure -> {
          busy.set(false);
          show(failure.getMessage(), true);
        });
  }

  static boolean matches(CatalogEntry entry, String text) {
    if (text == null || text.isBlank()) {
      return true;
    }
    String needle = text.strip().toLowerCase(Locale.ROOT);
    CatalogVersion latest = entry.latest();
    return (latest.name()
            + "\n"
            + latest.description()
            + "\n"
            + latest.savedBy()
            + "\n"
            + String.join("\n", latest.tags()))
        .toLowerCase(Locale.ROOT)
        .contains(needle);
  }

  /** Lists the namespace's experiments; remembers the namespace once it could be read. */
  public void load() {
    String ns = namespace.get() == null ? "" : namespace.get().strip();
    if (ns.isEmpty()) {
      show("Type the namespace that holds the team's catalog.", true);
      return;
    }
    long request = ++listRequest;
    busy.set(true);
    show("Reading the catalog in " + ns + "\u2026", false);
    tasks.execute(
        () -> {
          CatalogListing listing = source.catalog(ns).list();
          prefs.rememberNamespace(ns);
          return listing;
        },
        listing -> {
          if (request == listRequest) {
            busy.set(false);
            entries.setAll(listing.entries());
            show(describe(listing), false);
          }
        },
        failure -> {
          if (request == listRequest) {
            busy.set(false);
            entries.clear();
            show(failure.getMessage(), true);
          }
        });
  }

  private static String describe(CatalogListing listing) {
    int n = listing.entries().size();
    String found =
        n == 0
            ? "No experiments in " + listing.namespace() + " yet."
            : n + (n == 1 ? " experiment" : " experiments") + " in " + listing.namespace() + ".";
    List<String> problems = listing.problems().stream().map(Object::toString).toList();
    return problems.isEmpty()
        ? found
        : found + " Skipped " + problems.size() + " unreadable: " + String.join("; ", problems);
  }

  private void loadVersions(CatalogEntry entry) {
    long request = ++historyRequest;
    versions.clear();
    version.set(null);
    if (entry == null) {
      return;
    }
    versions.add(entry.latest().version());
    version.set(entry.latest().version());
    if (entry.versions() == 1) {
      return;
    }
    String ns = namespace.get().strip();
    tasks.execute(
        () -> source.catalog(ns).history(entry.name()),
        history -> {
          if (request == historyRequest) {
            versions.setAll(history.reversed().stream().map(CatalogVersion::version).toList());
            version.set(entry.latest().version());
          }
        },
        failure -> {
          if (request == historyRequest) {
            show(failure.getMessage(), true);
          }
        });
  }

  /** Reads the chosen version and hands it over on the FX thread. */
  public void open(Consumer<OpenedExperiment> onOpened) {
    CatalogEntry entry = selected.get();
    if (entry == null) {
      show("Choose an experiment first.", true);
      return;
    }
    int chosen = version.get() == null ? entry.latest().version() : version.get();
    String ns = namespace.get().strip();
    long request = ++openRequest;
    busy.set(true);
    show("Opening " + entry.name() + " v" + chosen + "\u2026", false);
    tasks.execute(
        () -> source.catalog(ns).open(entry.name(), chosen),
        opened -> {
          if (request != openRequest) {
            return;
          }
          busy.set(false);
          show("Opened " + opened.origin() + ".", false);
          onOpened.accept(opened);
        },
        failure -> {
          busy.set(false);
          show(failure.getMessage(), true);
        });
  }

  /** Forgets the reads still running: closing the dialog must not open what it was reading. */
  public void cancel() {
    listRequest++;
    historyRequest++;
    openRequest++;
    busy.set(false);
  }

  private void show(String text, boolean isError) {
    status.set(text);
    error.set(isError);
  }

  public StringProperty namespaceProperty() {
    return namespace;
  }

  public StringProperty searchProperty() {
    return search;
  }

  /** The listed experiments that match the search. */
  public ObservableList<CatalogEntry> shown() {
    return shown;
  }

  public ObjectProperty<CatalogEntry> selectedProperty() {
    return selected;
  }

  /** The selected experiment's versions, newest first. */
  public ObservableList<Integer> versions() {
    return versions;
  }

  public ObjectProperty<Integer> versionProperty() {
    return version;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public BooleanProperty errorProperty() {
    return error;
  }
}
