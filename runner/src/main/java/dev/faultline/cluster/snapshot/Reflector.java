package dev.faultline.cluster.snapshot;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * List-then-watch for one resource type, keeping only compact views ({@code V}) of the objects:
 * fabric8's informers would keep every full object in their cache, which at 30,000 pods is the
 * memory this snapshot exists to save. Lists are paged; a watch resumes from the last resource
 * version, relists on {@code 410 Gone}, and reconnects with backoff after errors, reporting its
 * state meanwhile. The views live in a {@link Sink} of the snapshot's, which applies each change
 * under the snapshot's lock; a relist replaces them all at once when its last page is in.
 *
 * @param <T> the fabric8 type
 * @param <V> the view kept per object
 */
final class Reflector<T extends HasMetadata, V> implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Reflector.class.getName());
  static final long PAGE = 500;

  private final String what;
  private final PageLister<V> lister;
  private final Function<V, String> key;
  private final WatchStarter<T> watcher;
  private final Function<T, V> view;
  private final Sink<V> sink;
  private final Clock clock;
  private final AtomicLong relists = new AtomicLong();
  private volatile String resourceVersion = "";
  private volatile Watch watch;
  private volatile boolean closed;
  private volatile SnapshotState state;
  private volatile Duration backoff = Duration.ofMillis(500);

  Reflector(
      String what,
      PageLister<V> lister,
      Function<V, String> key,
      WatchStarter<T> watcher,
      Function<T, V> view,
      Sink<V> sink,
      Clock clock) {
    this.what = what;
    this.lister = lister;
    this.key = key;
    this.watcher = watcher;
    this.view = view;
    this.sink = sink;
    this.clock = clock;
    this.state = new SnapshotState(SnapshotState.Phase.SYNCING, clock.instant(), "");
  }

  /** One page of a list call, as fabric8's {@code list(ListOptions)}. */
  @FunctionalInterface
  interface Lister<T extends HasMetadata> {
    KubernetesResourceList<T> list(ListOptions options);
  }

  /** One page of views: what a list call returns, already turned into views. */
  record Page<V>(List<V> items, String resourceVersion, String continueToken) {}

  /** Lists one page of views. */
  @FunctionalInterface
  interface PageLister<V> {
    Page<V> list(long limit, String continueToken);
  }

  /** A fabric8 list call whose items are turned into views. */
  static <T extends HasMetadata, V> PageLister<V> viewing(Lister<T> lister, Function<T, V> view) {
    return (limit, next) -> {
      KubernetesResourceList<T> page =
          lister.list(new ListOptionsBuilder().withLimit(limit).withContinue(next).build());
      var items = page.getItems().stream().map(view).toList();
      return page.getMetadata() == null
          ? new Page<>(items, "", null)
          : new Page<>(
              items, page.getMetadata().getResourceVersion(), page.getMetadata().getContinue());
    };
  }

  /** Where the views go; each call is one change, applied atomically. */
  interface Sink<V> {
    void put(String key, V view);

    void remove(String key);

    /** After a relist: exactly these views. */
    void replaceAll(Map<String, V> views);

    /** The reflector's state (live, stale) changed. */
    void stateChanged();
  }

  /** A watch call, as fabric8's {@code watch(ListOptions, Watcher)}. */
  @FunctionalInterface
  interface WatchStarter<T extends HasMetadata> {
    Watch watch(ListOptions options, Watcher<T> watcher);
  }

  /** Lists (on a virtual thread) and then watches; returns at once. */
  void start() {
    Thread.ofVirtual().name("snapshot-" + what).start(this::listAndWatch);
  }

  SnapshotState state() {
    return state;
  }

  long relists() {
    return relists.get();
  }

  private void listAndWatch() {
    while (!closed) {
      try {
        relist();
        startWatch();
        return;
      } catch (RuntimeException e) {
        stale("cannot list " + what + ": " + rootMessage(e));
        sleepBackoff();
      }
    }
  }

  private void relist() {
    var listed = new HashMap<String, V>();
    String next = null;
    String version;
    do {
      Page<V> page = lister.list(PAGE, next);
      for (V item : page.items()) {
        listed.put(key.apply(item), item);
      }
      version = page.resourceVersion();
      next = page.continueToken();
    } while (next != null && !next.isEmpty());
    sink.replaceAll(listed);
    resourceVersion = version == null ? "" : version;
    relists.incrementAndGet();
  }

  private void startWatch() {
    ListOptions options =
        new ListOptionsBuilder()
            .withResourceVersion(resourceVersion)
            .withAllowWatchBookmarks(true)
            .build();
    watch =
        watcher.watch(
            options,
            new Watcher<T>() {
              @Override
              public void eventReceived(Action action, T object) {
                String rv =
                    object.getMetadata() == null ? null : object.getMetadata().getResourceVersion();
                if (rv != null && !rv.isEmpty()) {
                  resourceVersion = rv;
                }
                switch (action) {
                  case ADDED, MODIFIED -> sink.put(key(object), view.apply(object));
                  case DELETED -> sink.remove(key(object));
                  default -> {
                    // BOOKMARK and ERROR change no object
                  }
                }
              }

              @Override
              public void onClose(WatcherException cause) {
                if (closed) {
                  return;
                }
                stale(
                    cause.isHttpGone()
                        ? what + " watch expired (410 Gone); relisting"
                        : "lost the " + what + " watch: " + rootMessage(cause));
                Thread.ofVirtual()
                    .name("snapshot-" + what + "-rewatch")
                    .start(
                        () -> {
                          if (!cause.isHttpGone()) {
                            sleepBackoff();
                          }
                          listAndWatch();
                        });
              }

              @Override
              public void onClose() {
                if (!closed) {
                  onClose(new WatcherException("the server closed the " + what + " watch"));
                }
              }
            });
    live();
  }

  private void live() {
    backoff = Duration.ofMillis(500);
    if (state.phase() != SnapshotState.Phase.LIVE) {
      state = new SnapshotState(SnapshotState.Phase.LIVE, clock.instant(), "");
      sink.stateChanged();
    }
  }

  private void stale(String message) {
    if (state.phase() != SnapshotState.Phase.STALE) {
      state = new SnapshotState(SnapshotState.Phase.STALE, clock.instant(), message);
      LOG.log(System.Logger.Level.INFO, message);
      sink.stateChanged();
    }
  }

  private void sleepBackoff() {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    backoff =
        backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
            ? Duration.ofSeconds(30)
            : backoff.multipliedBy(2);
  }

  private static String key(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return namespace == null
        ? object.getMetadata().getName()
        : namespace + "/" + object.getMetadata().getName();
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  @Override
  public void close() {
    closed = true;
    Watch current = watch;
    if (current != null) {
      current.close();
    }
  }
}
