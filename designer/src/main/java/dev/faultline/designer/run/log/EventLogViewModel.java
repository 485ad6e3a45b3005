package dev.faultline.designer.run.log;

import dev.faultline.designer.run.RunEventSink;
import dev.faultline.engine.RunEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

/**
 * The event log's state: every event of the run as a {@link LogLine}, and the lines the filters let
 * through. No controls; use it on the FX thread.
 *
 * <p>Probes sample several times a second, so by default a probe's samples show only when they fail
 * or when its state changes (its first sample, pass→fail, fail→pass); {@link #allSamplesProperty()}
 * shows every one.
 */
public final class EventLogViewModel implements RunEventSink {

  private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
  private final FilteredList<LogLine> visible = new FilteredList<>(lines);
  private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
  private final ObservableSet<LogCategory> categories =
      FXCollections.observableSet(EnumSet.allOf(LogCategory.class));
  private final BooleanProperty allSamples = new SimpleBooleanProperty(this, "allSamples", false);
  private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
  private final Map<String, Boolean> probePassing = new HashMap<>();

  /** The run's own context: lines about another one (a multi-cluster run) name theirs. */
  private String runContext = "";

  public EventLogViewModel() {
    filterText.addListener((obs, o, n) -> refilter());
    allSamples.addListener((obs, o, n) -> refilter());
    categories.addListener((javafx.collections.SetChangeListener<LogCategory>) c -> refilter());
    refilter();
  }

  /** Adds a line per event, in one change of {@link #lines()}. */
  @Override
  public void accept(List<RunEvent> batch) {
    List<LogLine> added = new ArrayList<>(batch.size());
    for (RunEvent event : batch) {
      boolean changed = true;
      if (event instanceof RunEvent.ProbeSampled sampled) {
        Boolean before = probePassing.put(sampled.probeId(), sampled.sample().passed());
        changed = before == null || before != sampled.sample().passed();
      }
      if (event instanceof RunEvent.RunStarted started) {
        runContext = started.context() == null ? "" : started.context();
      }
      added.add(EventLines.line(event, changed, runContext));
    }
    lines.addAll(added);
    total.set(lines.size());
  }

  /** Every line of the run, oldest first. */
  public ObservableList<LogLine> lines() {
    return FXCollections.unmodifiableObservableList(lines);
  }

  /** The lines the text, kind and sample filters let through, oldest first. */
  public ObservableList<LogLine> visibleLines() {
    return visible;
  }

  /** Text any column must contain, ignoring case; empty shows all. */
  public StringProperty filterTextProperty() {
    return filterText;
  }

  /** The kinds shown: a line shows when any of its categories is in here. */
  public ObservableSet<LogCategory> categories() {
    return categories;
  }

  /** Whether every probe sample shows, not just failures and changes. */
  public BooleanProperty allSamplesProperty() {
    return allSamples;
  }

  /** How many lines there are, filtered or not. */
  public ReadOnlyIntegerProperty totalProperty() {
    return total.getReadOnlyProperty();
  }

  /** The lines as copied to the clipboard: one per line, columns tab-separated. */
  public static String copyText(List<LogLine> selected) {
    StringBuilder text = new StringBuilder();
    for (LogLine line : selected) {
      text.append(line.copyText()).append('\n');
    }
    return text.toString();
  }

  private void refilter() {
    String needle =
        filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
    Set<LogCategory> shown = EnumSet.noneOf(LogCategory.class);
    shown.addAll(categories);
    boolean samples = allSamples.get();
    Predicate<LogLine> predicate =
        line ->
            (samples || !line.sample())
                && line.categories().stream().anyMatch(shown::contains)
                && line.matches(needle);
    visible.setPredicate(predicate);
  }
}
