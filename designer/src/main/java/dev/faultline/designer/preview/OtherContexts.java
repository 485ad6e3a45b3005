package dev.faultline.designer.preview;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.LiveSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * The live snapshots of the contexts a multi-cluster experiment names besides the connected one:
 * one opened (on the background executor) per context some target lives in, closed (also off the FX
 * thread) when no target names it any more or the preview goes away.
 *
 * <p>{@link #want} and {@link #drain} run on the FX thread; an opening that ends, or a change of an
 * opened snapshot, only calls {@code changed} (which asks for a frame), and its result is taken at
 * that frame by {@link #drain}. So the preview's one-update-per-pulse gate covers every cluster.
 */
final class OtherContexts {
  static final String NO_OPENER = "other clusters cannot be opened here";

  private final Executor background;
  private final Runnable changed;
  private ContextOpener opener;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final ConcurrentLinkedQueue<Runnable> finished = new ConcurrentLinkedQueue<>();
  private volatile Map<String, ClusterSnapshot> snapshots = Map.of();

  /** One context: opening, open, or failed with a message. Fields are FX-thread state. */
  private static final class Entry {
    final String context;
    ContextOpener.Opened opened;
    String error;
    boolean closed;

    Entry(String context) {
      this.context = context;
    }
  }

  OtherContexts(Executor background, Runnable changed) {
    this.background = background;
    this.changed = changed;
  }

  /** How to open a context; contexts already open or failing stay as they are until wanted anew. */
  void setOpener(ContextOpener value) {
    opener = value;
  }

  /** Opens the contexts newly in {@code contexts}, closes those no longer in it. FX thread. */
  void want(Set<String> contexts) {
    boolean any = false;
    for (var it = entries.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (!contexts.contains(entry.context)) {
        it.remove();
        close(entry);
        any = true;
      }
    }
    for (String context : contexts) {
      if (!entries.containsKey(context)) {
        Entry entry = new Entry(context);
        entries.put(context, entry);
        open(entry);
        any = true;
      }
    }
    if (any) {
      publish();
    }
  }

  private void open(Entry entry) {
    ContextOpener using = opener;
    if (using == null) {
      entry.error = NO_OPENER;
      return;
    }
    background.execute(
        () -> {
          ContextOpener.Opened opened = null;
          String error = null;
          try {
            opened = using.open(entry.context);
          } catch (Exception | LinkageError e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
          }
          ContextOpener.Opened result = opened;
          String why = error;
          finished.add(() -> settle(entry, result, why));
          changed.run();
        });
  }

  /** FX thread, at a frame: an opening ended. */
  private void settle(Entry entry, ContextOpener.Opened opened, String error) {
    if (entry.closed) {
      if (opened != null) {
        background.execute(opened.close()); // nobody wants it any more
      }
      return;
    }
    entry.opened = opened;
    entry.error = error;
    if (opened != null && opened.snapshot() instanceof LiveSnapshot live) {
      // LiveSnapshot has no way to remove a listener: once closed, this one is never called.
      live.onChange(
          () -> {
            if (!entry.closed) {
              changed.run();
            }
          });
    }
  }

  /** Takes the openings that ended since the last frame. FX thread. @return whether any did */
  boolean drain() {
    boolean any = false;
    for (Runnable done; (done = finished.poll()) != null; ) {
      done.run();
      any = true;
    }
    if (any) {
      publish();
    }
    return any;
  }

  private void close(Entry entry) {
    entry.closed = true;
    if (entry.opened != null) {
      background.execute(entry.opened.close());
      entry.opened = null;
    }
  }

  /** Closes every context: the preview goes away or loses its own cluster. FX thread. */
  void closeAll() {
    want(Set.of());
  }

  private void publish() {
    var now = new LinkedHashMap<String, ClusterSnapshot>();
    entries.forEach(
        (context, entry) -> {
          if (entry.opened != null) {
            now.put(context, entry.opened.snapshot());
          }
        });
    snapshots = java.util.Collections.unmodifiableMap(now);
  }

  /** The opened snapshots by context; a new map object whenever one opens or closes. Any thread. */
  Map<String, ClusterSnapshot> snapshots() {
    return snapshots;
  }

  /** Why {@code context} has no snapshot: still opening, or the opener's message. FX thread. */
  String problem(String context) {
    Entry entry = entries.get(context);
    if (entry == null || entry.opened != null) {
      return null;
    }
    return entry.error != null ? entry.error : "connecting…";
  }

  /** The contexts wanted now, in the order they were first wanted. FX thread. */
  List<String> contexts() {
    return new ArrayList<>(entries.keySet());
  }
}
