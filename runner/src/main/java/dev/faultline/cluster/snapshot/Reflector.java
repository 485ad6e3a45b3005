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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * List-then-watch for one resource type, keeping only compact views ({@code V}) of the objects:
 * fabric8's informers would keep every full object in their cache, which at 30,000 pods is the
 * memory this snapshot exists to save. Lists are paged; a watch resumes from the last resource
 * version, relists on {@code 410 Gone}, and reconnects with backoff after errors, reporting its
 * state meanwhile.
 *
 * @param <T> the fabric8 type
 * @param <V> the view kept per object
 */
final class Reflector<T extends HasMetadata, V> implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Reflector.class.getName());
  static final long PAGE = 500;

  private final String what;
  private final Lister<T> lister;
  private final WatchStarter<T> watcher;
  private final Function<T, V> view;
  private final Runnable changed;
  private final Clock clock;
  private final Map<String, V> store = new ConcurrentHashMap<>();
  private final AtomicLong relists = new AtomicLong();
  private volatile String resourceVersion = "";
  private volatile Watch watch;
  private volatile boolean closed;
  private volatile SnapshotState state;
  private volatile Duration backoff = Duration.ofMillis(500);

  Reflector(
      String what,
      Lister<T> lister,
      WatchStarter<T> watcher,
      Function<T, V> view,
      Runnable changed,
      Clock clock) {
    this.what = what;
    this.lister = lister;
    this.watcher = watcher;
    this.view = view;
    this.changed = changed;
    this.clock = clock;
    this.state = new SnapshotState(SnapshotState.Phase.SYNCING, clock.instant(), "");
  }

  /** One page of a list call, as fabric8's {@code list(ListOptions)}. */
  @FunctionalInterface
  interface Lister<T extends HasMetadata> {
    KubernetesResourceList<T> list(ListOptions options);
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

  Map<String, V> store() {
    return store;
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
    var seen = new HashSet<String>();
    String next = null;
    String version = "";
    do {
      ListOptions options = new ListOptionsBuilder().withLimit(PAGE).withContinue(next).build();
      KubernetesResourceList<T> page = lister.list(options);
      for (T item : page.getItems()) {
        String key = key(item);
        seen.add(key);
        store.put(key, view.apply(item));
      }
      version = page.getMetadata() == null ? "" : page.getMetadata().getResourceVersion();
      next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (next != null && !next.isEmpty());
    Set<String> gone = new HashSet<>(store.keySet());
    gone.removeAll(seen);
    gone.forEach(store::remove);
    resourceVersion = version == null ? "" : version;
    relists.incrementAndGet();
    changed.run();
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
                  case ADDED, MODIFIED -> store.put(key(object), view.apply(object));
                  case DELETED -> store.remove(key(object));
                  default -> {
                    return; // BOOKMARK and ERROR change no object
                  }
                }
                changed.run();
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
      changed.run();
    }
  }

  private void stale(String message) {
    if (state.phase() != SnapshotState.Phase.STALE) {
      state = new SnapshotState(SnapshotState.Phase.STALE, clock.instant(), message);
      LOG.log(System.Logger.Level.INFO, message);
      changed.run();
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
