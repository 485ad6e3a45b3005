package dev.faultline.designer.run.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A span on the timeline: a step, a step's faults, a gate wait or a pause. It grows while open (up
 * to "now") and is closed by a later event. Mutable, owned by {@link TimelineModel}; read it on the
 * FX thread.
 */
public final class Bar {
  /** The end of a bar still open. */
  public static final long OPEN = Long.MAX_VALUE;

  private final Lane lane;
  private final String key;
  private final long start;
  private final int row;
  private long end = OPEN;
  private Tone tone;
  private String label;
  private String endLabel = "";
  private String tooltip;
  private boolean hollow;
  private final List<Long> marks = new ArrayList<>();

  Bar(Lane lane, String key, long start, int row, Tone tone, String label, String tooltip) {
    this.lane = lane;
    this.key = key;
    this.start = start;
    this.row = row;
    this.tone = tone;
    this.label = label;
    this.tooltip = tooltip;
  }

  public Lane lane() {
    return lane;
  }

  /** The step id (or step id with a suffix) the bar stands for. */
  public String key() {
    return key;
  }

  public long start() {
    return start;
  }

  /** The end in run nanos, or {@link #OPEN}. */
  public long end() {
    return end;
  }

  public boolean open() {
    return end == OPEN;
  }

  /** The row within its lane; overlapping bars take different rows. */
  public int row() {
    return row;
  }

  public Tone tone() {
    return tone;
  }

  /** Text drawn inside the bar where it fits. */
  public String label() {
    return label;
  }

  /** Text drawn right after the bar's end (who answered a gate), or empty. */
  public String endLabel() {
    return endLabel;
  }

  /** Text shown when the pointer rests on the bar. */
  public String tooltip() {
    return tooltip;
  }

  /** Drawn as an outline: something planned, not done. */
  public boolean hollow() {
    return hollow;
  }

  /** Moments within the bar marked with a cross: a fault or rollback that failed. */
  public List<Long> marks() {
    return List.copyOf(marks);
  }

  void close(long at) {
    end = Math.max(start, at);
  }

  void tone(Tone newTone) {
    tone = newTone;
  }

  void label(String text) {
    label = text;
  }

  void endLabel(String text) {
    endLabel = text;
  }

  void tooltip(String text) {
    tooltip = text;
  }

  void hollow(boolean on) {
    hollow = on;
  }

  void mark(long at) {
    marks.add(at);
  }
}
