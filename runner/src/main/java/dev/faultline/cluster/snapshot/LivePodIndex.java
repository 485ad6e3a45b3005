package dev.faultline.cluster.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@link PodIndex} of a {@link LiveSnapshot}, changed with each pod under the snapshot's lock.
 * Label postings are built for a label key the first time a selector asks for it and kept from then
 * on, as sorted arrays (4 bytes per pod and key), so only the keys targets use cost memory.
 * Replicas are counted per workload for every pod.
 */
final class LivePodIndex implements PodIndex {
  static final Comparator<PodView> ORDER =
      Comparator.comparing(PodView::namespace).thenComparing(PodView::name);

  private record Workload(String namespace, String kind, String name) {
    static Workload of(PodView pod) {
      return new Workload(
          pod.namespace(), orEmpty(pod.workloadKind()), orEmpty(pod.workloadName()));
    }
  }

  /** Pods sorted by {@link #ORDER}, one per namespace and name. */
  private static final class Posting {
    PodView[] pods = new PodView[4];
    int size;

    void add(PodView pod) {
      int at = Arrays.binarySearch(pods, 0, size, pod, ORDER);
      if (at >= 0) {
        pods[at] = pod;
        return;
      }
      at = -at - 1;
      if (size == pods.length) {
        pods = Arrays.copyOf(pods, size * 2);
      }
      System.arraycopy(pods, at, pods, at + 1, size - at);
      pods[at] = pod;
      size++;
    }

    void remove(PodView pod) {
      int at = Arrays.binarySearch(pods, 0, size, pod, ORDER);
      if (at >= 0) {
        System.arraycopy(pods, at + 1, pods, at, size - at - 1);
        pods[--size] = null;
      }
    }

    List<PodView> list() {
      return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(pods, size)));
    }
  }

  private final Object lock;
  private final Supplier<Collection<PodView>> allPods;
  private final Map<String, Map<String, Posting>> labels = new HashMap<>();
  private final Map<Workload, Integer> replicas = new HashMap<>();

  LivePodIndex(Object lock, Supplier<Collection<PodView>> allPods) {
    this.lock = lock;
    this.allPods = allPods;
  }

  /** One pod changed; under the lock. */
  void changed(PodView before, PodView after) {
    if (before != null) {
      if (!before.terminating()) {
        replicas.computeIfPresent(Workload.of(before), (w, n) -> n == 1 ? null : n - 1);
      }
      labels.forEach(
          (key, byValue) -> {
            String value = labelsOf(before).get(key);
            Posting posting = value == null ? null : byValue.get(value);
            if (posting != null) {
              posting.remove(before);
              if (posting.size == 0) {
                byValue.remove(value);
              }
            }
          });
    }
    if (after != null) {
      if (!after.terminating()) {
        replicas.merge(Workload.of(after), 1, Integer::sum);
      }
      labels.forEach(
          (key, byValue) -> {
            String value = labelsOf(after).get(key);
            if (value != null) {
              byValue.computeIfAbsent(value, v -> new Posting()).add(after);
            }
          });
    }
  }

  /** The pods were replaced wholesale (a relist); under the lock. */
  void reset() {
    labels.clear();
    replicas.clear();
    for (PodView pod : allPods.get()) {
      if (!pod.terminating()) {
        replicas.merge(Workload.of(pod), 1, Integer::sum);
      }
    }
  }

  @Override
  public List<PodView> labelled(String key, Collection<String> values) {
    synchronized (lock) {
      Map<String, Posting> byValue = labels.computeIfAbsent(key, this::build);
      if (values.size() == 1) {
        Posting posting = byValue.get(values.iterator().next());
        return posting == null ? List.of() : posting.list();
      }
      var pods = new ArrayList<PodView>();
      for (String value : values) {
        Posting posting = byValue.get(value);
        if (posting != null) {
          pods.addAll(Arrays.asList(posting.pods).subList(0, posting.size));
        }
      }
      pods.sort(ORDER);
      return Collections.unmodifiableList(pods);
    }
  }

  private Map<String, Posting> build(String key) {
    Map<String, List<PodView>> grouped = new HashMap<>();
    for (PodView pod : allPods.get()) {
      String value = labelsOf(pod).get(key);
      if (value != null) {
        grouped.computeIfAbsent(value, v -> new ArrayList<>()).add(pod);
      }
    }
    Map<String, Posting> byValue = new HashMap<>();
    grouped.forEach(
        (value, pods) -> {
          pods.sort(ORDER);
          var posting = new Posting();
          posting.pods = pods.toArray(new PodView[Math.max(4, pods.size())]);
          posting.size = pods.size();
          byValue.put(value, posting);
        });
    return byValue;
  }

  @Override
  public int liveReplicas(String namespace, String workloadKind, String workloadName) {
    synchronized (lock) {
      return replicas.getOrDefault(
          new Workload(namespace, orEmpty(workloadKind), orEmpty(workloadName)), 0);
    }
  }

  private static Map<String, String> labelsOf(PodView pod) {
    return pod.labels() == null ? Map.of() : pod.labels();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
