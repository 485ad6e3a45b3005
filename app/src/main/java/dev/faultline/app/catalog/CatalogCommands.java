package dev.faultline.app.catalog;

import dev.faultline.app.connection.ConnectionViewModel;
import dev.faultline.app.connection.LiveCluster;
import dev.faultline.app.prefs.CatalogPrefs;
import dev.faultline.cluster.catalog.CatalogException;
import dev.faultline.cluster.catalog.ExperimentCatalog;
import dev.faultline.cluster.catalog.OpenedExperiment;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.UiTaskExecutor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The two cluster-catalog commands of the File menu: they open their dialogs on the cluster the
 * window is connected to.
 */
public final class CatalogCommands {
  private final ConnectionViewModel connection;
  private final UiTaskExecutor tasks;
  private final CatalogPrefs prefs;
  private final Supplier<Window> owner;

  public CatalogCommands(
      ConnectionViewModel connection,
      UiTaskExecutor tasks,
      CatalogPrefs prefs,
      Supplier<Window> owner) {
    this.connection = connection;
    this.tasks = tasks;
    this.prefs = prefs;
    this.owner = owner;
  }

  /** The connected cluster's catalogs; read on the FX thread, used in the background. */
  private CatalogSource source() {
    LiveCluster live = connection.liveClusterProperty().get();
    return namespace -> {
      if (live == null) {
        throw new CatalogException(
            "not connected to a cluster: choose a context at the top right first");
      }
      return ExperimentCatalog.of(live.client(), namespace);
    };
  }

  private String clusterLabel() {
    LiveCluster live = connection.liveClusterProperty().get();
    return live == null ? "no cluster (not connected)" : live.contextName();
  }

  /** Shows the open dialog; {@code onOpened} gets the chosen version on the FX thread. */
  public OpenCatalogDialog showOpen(Consumer<OpenedExperiment> onOpened) {
    var model = new OpenCatalogViewModel(source(), tasks, prefs);
    var dialog = new OpenCatalogDialog(owner.get(), clusterLabel(), model, onOpened);
    dialog.show();
    model.start();
    return dialog;
  }

  /** Shows the save dialog for what {@code document} holds. */
  public SaveCatalogDialog showSave(ExperimentDocument document) {
    var model = new SaveCatalogViewModel(source(), tasks, prefs);
    var dialog = new SaveCatalogDialog(owner.get(), clusterLabel(), model, document);
    dialog.show();
    model.start();
    return dialog;
  }
}
