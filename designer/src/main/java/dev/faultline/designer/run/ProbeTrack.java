package dev.faultline.designer.run;

import dev.faultline.designer.run.chart.TimeSeries;
import java.util.Objects;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One probe's live data for its chart: the {@link TimeSeries} the run listener appends to on the
 * runner's event thread, and counters updated on the FX thread with each batch.
 *
 * <p>What the chart plots: {@link dev.faultline.probe.ProbeSample#value()} of each passing sample,
 * the number the probe itself reports (response time in ms for {@code http.check} and {@code
 * tcp.connect}, matching objects or ready replicas for {@code k8s.state}, the query result for
 * Prometheus). A failing sample is recorded as {@code NaN}, a gap in the line: a hole in the chart
 * reads at a glance as "the check did not hold", and its message shows under the chart. The failure
 * count gives the success rate without a second series.
 */
public final class ProbeTrack {
  private final String id;
  private final String probeType;
  private final TimeSeries series;
  private final ReadOnlyIntegerWrapper samples = new ReadOnlyIntegerWrapper(this, "samples");
  private final ReadOnlyIntegerWrapper failures = new ReadOnlyIntegerWrapper(this, "failures");
  private final ReadOnlyStringWrapper lastMessage =
      new ReadOnlyStringWrapper(this, "lastMessage", "");

  ProbeTrack(String id, String probeType, TimeSeries series) {
    this.id = Objects.requireNonNull(id);
    this.probeType = probeType == null ? "" : probeType;
    this.series = Objects.requireNonNull(series);
  }

  /** The probe step's id or the continuous probe's id. */
  public String id() {
    return id;
  }

  /** The probe type, e.g. {@code http.check}; empty when unknown. */
  public String probeType() {
    return probeType;
  }

  /** {@code until-recovered · http.check}. */
  public String title() {
    return probeType.isEmpty() ? id : id + " · " + probeType;
  }

  /** The unit of the plotted value: {@code ms} for probes that report a response time. */
  public String unit() {
    return unitOf(probeType);
  }

  static String unitOf(String probeType) {
    return switch (probeType) {
      case "http.check", "tcp.connect", "load.http" -> "ms";
      default -> "";
    };
  }

  /** The plotted values, epoch millis; appended on the runner's thread, read on the FX thread. */
  public TimeSeries series() {
    return series;
  }

  public ReadOnlyIntegerProperty samplesProperty() {
    return samples.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty failuresProperty() {
    return failures.getReadOnlyProperty();
  }

  /** The last sample's message, e.g. {@code 200 in 12 ms, jq: true}. */
  public ReadOnlyStringProperty lastMessageProperty() {
    return lastMessage.getReadOnlyProperty();
  }

  /** Folds one sample into the counters; FX thread. */
  void counted(boolean passed, String message) {
    samples.set(samples.get() + 1);
    if (!passed) {
      failures.set(failures.get() + 1);
    }
    lastMessage.set((passed ? "" : "✗ ") + message);
  }
}
