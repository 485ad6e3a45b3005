package dev.faultline.app.catalog;

import dev.faultline.app.prefs.CatalogPrefs;
import dev.faultline.cluster.catalog.SaveResult;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.model.Experiment;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the Save to Cluster Catalog dialog: namespace, message, and the outcome (the new version
 * or why not). The experiment is taken from the document when Save is pressed; one with errors or
 * text that does not parse is not shared.
 */
public final class SaveCatalogViewModel {
  private final CatalogSource source;
  private final UiTaskExecutor tasks;
  private final CatalogPrefs prefs;
  private final StringProperty namespace = new SimpleStringProperty(this, "namespace");
  private final StringProperty message = new SimpleStringProperty(this, "message", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");
  private final ReadOnlyObjectWrapper<SaveResult> saved =
      new ReadOnlyObjectWrapper<>(this, "saved");

  public SaveCatalogViewModel(CatalogSource source, UiTaskExecutor tasks, CatalogPrefs prefs) {
    this.source = source;
    this.tasks = tasks;
    this.prefs = prefs;
  }

  /** Fills in the namespace used last, read in the background. */
  public void start() {
    busy.set(true);
    tasks.execute(
        prefs::lastNamespace,
        ns -> {
          busy.set(false);
          if (namespace.get() == null || namespace.get().isBlank()) {
            namespace.set(ns);
          }
        },
        failure -> busy.set(false));
  }

  /** Saves what {@code document} holds now as the next version. */
  public void save(ExperimentDocument document) {
    ExperimentDocument.Snapshot snapshot = document.snapshot();
    if (snapshot.unparsedText() != null) {
      show("The text does not parse; fix it before sharing the experiment.", true);
      return;
    }
    Experiment experiment = snapshot.experiment();
    long errors =
        Validator.standard().validate(experiment).stream().filter(Problem::isError).count();
    if (errors > 0) {
      show(
          "The experiment has "
              + errors
              + (errors == 1 ? " error" : " errors")
              + " (see Problems); fix them before sharing it.",
          true);
      return;
    }
    String ns = namespace.get() == null ? "" : namespace.get().strip();
    if (ns.isEmpty()) {
      show("Type the namespace that holds the team's catalog.", true);
      return;
    }
    String why = message.get() == null ? "" : message.get().strip();
    busy.set(true);
    show("Saving " + experiment.metadata().name() + " to " + ns + "\u2026", false);
    tasks.execute(
        () -> {
          SaveResult result = source.catalog(ns).save(experiment, why);
          prefs.rememberNamespace(ns);
          return result;
        },
        result -> {
          busy.set(false);
          saved.set(result);
          var v = result.version();
          show(
              result.created()
                  ? "Saved " + v.name() + " as version " + v.version() + " in " + ns + "."
                  : "Unchanged: version " + v.version() + " in " + ns + " already holds this.",
              false);
        },
        failure -> {
          busy.set(false);
          show(failure.getMessage(), true);
        });
  }

  private void show(String text, boolean isError) {
    status.set(text);
    error.set(isError);
  }

  public StringProperty namespaceProperty() {
    return namespace;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The last successful save; {@code null} before. */
  public ReadOnlyObjectProperty<SaveResult> savedProperty() {
    return saved.getReadOnlyProperty();
  }
}
