package dev.faultline.designer.run;

import dev.faultline.designer.run.chart.ProbeChart;
import dev.faultline.designer.run.chart.ProbeChart.FaultWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * One {@link ProbeChart} per probe in a grid of up to three columns, each with a caption (samples,
 * failures, the last message). Charts show the whole run while it is shorter than {@link #WINDOW},
 * then follow now with the last minute, and the whole run once it is over; fault windows are shaded
 * on every chart.
 */
final class ProbeChartGrid extends GridPane {
  /** How much of the run the charts show while it lasts. */
  static final Duration WINDOW = Duration.ofMinutes(1);

  /** The shortest span shown, so the first seconds of a run are not stretched across the chart. */
  private static final Duration MIN_SPAN = Duration.ofSeconds(10);

  private final RunViewModel model;
  private final List<ProbeChart> charts = new ArrayList<>();
  private final Label empty =
      new Label(
          "No probes in this experiment: add a probe step or a continuous probe to watch the"
              + " system live.");

  ProbeChartGrid(RunViewModel model) {
    this.model = model;
    setId("probe-charts");
    getStyleClass().add("probe-charts");
    empty.getStyleClass().add("empty-charts");
    empty.setWrapText(true);
    model.probes().addListener((ListChangeListener<ProbeTrack>) c -> rebuild());
    model
        .faultWindows()
        .addListener(
            (ListChangeListener<FaultWindow>)
                c -> {
                  while (c.next()) {
                    if (c.wasReplaced()) {
                      // A window closed: the last fault was rolled back.
                      long end = c.getAddedSubList().getLast().end();
                      charts.forEach(chart -> chart.closeFaultWindows(end));
                    } else if (c.wasAdded()) {
                      for (FaultWindow w : c.getAddedSubList()) {
                        charts.forEach(chart -> chart.addFaultWindow(w.start(), w.end()));
                      }
                    }
                  }
                });
    model.elapsedTextProperty().addListener((o, old, now) -> followRun());
    model.phaseProperty().addListener((o, old, now) -> followRun());
    rebuild();
  }

  /** The charts, in the order of {@link RunViewModel#probes()}. */
  List<ProbeChart> charts() {
    return List.copyOf(charts);
  }

  private void rebuild() {
    getChildren().clear();
    getColumnConstraints().clear();
    getRowConstraints().clear();
    charts.clear();
    var tracks = model.probes();
    if (tracks.isEmpty()) {
      add(empty, 0, 0);
      return;
    }
    // One row up to four probes (wide charts read best), then rows of three or four.
    int n = tracks.size();
    int columns = n <= 4 ? n : n <= 6 ? 3 : 4;
    int rows = (tracks.size() + columns - 1) / columns;
    for (int c = 0; c < columns; c++) {
      ColumnConstraints column = new ColumnConstraints();
      column.setPercentWidth(100.0 / columns);
      column.setHgrow(Priority.ALWAYS);
      getColumnConstraints().add(column);
    }
    for (int r = 0; r < rows; r++) {
      RowConstraints row = new RowConstraints(150, 200, Double.MAX_VALUE);
      row.setVgrow(Priority.ALWAYS);
      getRowConstraints().add(row);
    }
    for (int i = 0; i < tracks.size(); i++) {
      ProbeTrack track = tracks.get(i);
      ProbeChart chart = new ProbeChart(track.id(), track.series());
      chart.setUnit(track.unit());
      for (FaultWindow w : model.faultWindows()) {
        chart.addFaultWindow(w.start(), w.end());
      }
      charts.add(chart);
      Label caption = new Label();
      caption.getStyleClass().add("chart-caption");
      caption
          .textProperty()
          .bind(
              javafx.beans.binding.Bindings.createStringBinding(
                  () -> caption(track),
                  track.samplesProperty(),
                  track.failuresProperty(),
                  track.lastMessageProperty()));
      VBox cell = new VBox(2, chart, caption);
      cell.getStyleClass().add("chart-cell");
      VBox.setVgrow(chart, Priority.ALWAYS);
      chart.setMinHeight(110);
      add(cell, i % columns, i / columns);
    }
    followRun();
  }

  private static String caption(ProbeTrack track) {
    int samples = track.samplesProperty().get();
    String type = track.probeType().isEmpty() ? "" : track.probeType() + " · ";
    if (samples == 0) {
      return type + "waiting for the first sample";
    }
    int failures = track.failuresProperty().get();
    String rate = failures == 0 ? "all passing" : failures + " of " + samples + " failed";
    return samples
        + (samples == 1 ? " sample · " : " samples · ")
        + rate
        + " · "
        + track.lastMessageProperty().get();
  }

  /**
   * Whole run while shorter than the window, then the last minute; the whole run at the end. While
   * running, the charts follow the clock every pulse; the window grows once a second (with the
   * elapsed time) so the run's start stays at the left edge, and an open fault window ends at now.
   */
  private void followRun() {
    long start = model.startEpochMillis();
    if (start == 0) {
      return;
    }
    long now = System.currentTimeMillis();
    long window = WINDOW.toMillis();
    for (ProbeChart chart : charts) {
      if (model.phase() == RunPhase.FINISHED) {
        chart.showRange(start, Math.max(start + 1_000, now));
      } else {
        long sinceStart = Math.max(MIN_SPAN.toMillis(), now - start + 1_000);
        chart.followNow(Duration.ofMillis(Math.min(window, sinceStart)));
      }
    }
  }
}
