package dev.faultline.app.runs;

import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.ActiveRuns.ActiveRun;
import dev.faultline.safety.ActiveRuns.Liveness;
import dev.faultline.safety.Since;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The runs in progress on this machine, read from the {@link ActiveRuns} registry off the FX thread
 * on each {@link #refresh}, and the Stop each row offers ({@code faultline stop RUN_ID}'s request).
 * Lives on the FX thread.
 */
public final class ActiveRunsViewModel {

  /**
   * One run as the window lists it.
   *
   * @param startedAt when the run started; {@link #since} words it against the last poll's time
   * @param state running, waiting at gate, stopping, or stale
   * @param stoppable whether Stop can reach it (its process runs on this machine)
   */
  public record Row(
      String runId,
      String experiment,
      String context,
      Instant startedAt,
      String state,
      int faults,
      boolean stoppable) {}

  private final ActiveRuns registry;
  private final UiTaskExecutor tasks;
  private final Clock clock;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
  private final ReadOnlyObjectWrapper<Instant> now;
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private boolean refreshing;

  public ActiveRunsViewModel(ActiveRuns registry, UiTaskExecutor tasks, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.now = new ReadOnlyObjectWrapper<>(this, "now", clock.instant());
  }

  /**
   * The time of the last poll. "Since" is worded from it in the cell, not stored in the row: a row
   * that changed every second would be replaced every second, and a Stop click whose press and
   * release straddled the swap would be lost.
   */
  public ReadOnlyObjectProperty<Instant> nowProperty() {
    return now.getReadOnlyProperty();
  }

  /** Relative and absolute start, e.g. {@code 4m 10s ago (2026-12-03T12:01:05Z)}. */
  public String since(Row row) {
    return Since.describe(row.startedAt(), now.get());
  }

  /** The runs, oldest first. */
  public ObservableList<Row> rows() {
    return readOnlyRows;
  }

  /** What the last Stop or refresh said: a stop requested, or why the registry cannot be read. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /**
   * Reads the registry in the background and replaces the rows. A refresh asked for while one is
   * reading is dropped: the poll comes again within a second.
   */
  public void refresh() {
    if (refreshing) {
      return;
    }
    refreshing = true;
    tasks.execute(
        () -> registry.list().stream().map(this::row).toList(),
        (List<Row> listed) -> {
          refreshing = false;
          now.set(clock.instant());
          update(listed);
        },
        failure -> {
          refreshing = false;
          message.set("Cannot read the runs in progress: " + failure.getMessage());
        });
  }

  /**
   * Replaces only the rows that changed, so a row whose run did not change keeps its cell (and a
   * Stop button being clicked is not swapped away under the pointer).
   */
  private void update(List<Row> listed) {
    for (int i = 0; i < listed.size(); i++) {
      if (i >= rows.size()) {
        rows.add(listed.get(i));
      } else if (!rows.get(i).equals(listed.get(i))) {
        rows.set(i, listed.get(i));
      }
    }
    if (rows.size() > listed.size()) {
      rows.remove(listed.size(), rows.size());
    }
  }

  /** Asks the run to stop and roll back, as {@code faultline stop RUN_ID} does; confirm first. */
  public void stop(String runId) {
    String by = "the Faultline app (pid " + ProcessHandle.current().pid() + ")";
    tasks.execute(
        () -> registry.requestStop(runId, by),
        (Boolean asked) -> {
          message.set(
              asked
                  ? "Asked run " + runId + " to stop and roll back."
                  : "Run " + runId + " has already ended.");
          refresh();
        },
        failure -> message.set("Cannot stop run " + runId + ": " + failure.getMessage()));
  }

  private Row row(ActiveRun run) {
    return new Row(
        run.runId(),
        run.experiment(),
        run.context(),
        run.startedAt(),
        run.shownState(),
        run.activeFaults(),
        run.liveness() == Liveness.ALIVE);
  }
}
