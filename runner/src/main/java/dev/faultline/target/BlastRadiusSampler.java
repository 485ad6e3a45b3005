package dev.faultline.target;

import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.BlastRadius;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Applies a blast radius: how many candidates are hit, and which.
 *
 * <p><b>How many</b> ({@link #count}), for {@code n} candidates: {@code all} → n; {@code one} → 1;
 * {@code count N} → min(N, n); {@code percent P} → ⌈P·n/100⌉, so at least one when n ≥ 1; {@code
 * maxPercent P} → a seeded random number from 1 to ⌊P·n/100⌋, or 0 when that floor is 0.
 *
 * <p><b>Which</b> ({@link #choose}): every candidate gets a rank, a 64-bit hash of its {@code
 * namespace/name} (FNV-1a) mixed with the seed (SplitMix64's finaliser); the {@code k} lowest ranks
 * are hit. A pod's rank depends only on its own key and the seed, so the choice does not depend on
 * the order pods arrive in, and pods that come and go do not change which of the others are chosen,
 * unless they rank below them (or change {@code k}). Equal ranks (a 2⁻⁶⁴ chance) go to the
 * candidate that comes first in the list given.
 *
 * <p>The hashes are spelled out here rather than taken from {@link String#hashCode} or {@code
 * java.util.Random}, so a seed in an experiment file chooses the same pods on every Java version.
 */
public final class BlastRadiusSampler {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  // Separates the seed stream that picks maxPercent's count from the one that ranks pods.
  private static final long COUNT_SALT = 0x6a09e667f3bcc909L;

  private BlastRadiusSampler() {}

  /**
   * How many of {@code candidates} the blast radius hits.
   *
   * @throws InvalidTargetException if the radius lacks its value or the value is out of range
   */
  public static int count(BlastRadius radius, int candidates, long seed) {
    BlastRadius.Mode mode = radius.mode();
    Integer value = radius.value();
    if (mode.takesValue() && (value == null || value < mode.min() || value > mode.max())) {
      throw new InvalidTargetException(
          "blastRadius",
          "'" + mode.keyword() + "' needs a value from " + mode.min() + " to " + mode.max(),
          null);
    }
    if (candidates == 0) {
      return 0;
    }
    return switch (mode) {
      case ALL -> candidates;
      case ONE -> 1;
      case COUNT -> Math.min(value, candidates);
      case PERCENT -> (int) ((value * (long) candidates + 99) / 100);
      case MAX_PERCENT -> {
        long most = maxPercentCeiling(value, candidates);
        yield most == 0 ? 0 : (int) (1 + Long.remainderUnsigned(mix(seed ^ COUNT_SALT), most));
      }
    };
  }

  /** ⌊percent·candidates/100⌋: the most that {@code maxPercent} may hit. */
  public static int maxPercentCeiling(int percent, int candidates) {
    return (int) (percent * (long) candidates / 100);
  }

  /**
   * The {@code count} candidates with the lowest rank for this seed, in the order given.
   *
   * @param candidates pods in a stable order (the resolver sorts them by namespace and name), which
   *     breaks ties between equal ranks
   */
  public static List<PodView> choose(List<PodView> candidates, int count, long seed) {
    int[] chosen = chooseIndices(candidates, count, seed);
    var pods = new ArrayList<PodView>(chosen.length);
    for (int index : chosen) {
      pods.add(candidates.get(index));
    }
    return List.copyOf(pods);
  }

  /** Like {@link #choose}, as ascending indices into {@code candidates}. */
  static int[] chooseIndices(List<PodView> candidates, int count, long seed) {
    int n = candidates.size();
    if (count >= n) {
      return IntStream.range(0, n).toArray();
    }
    if (count <= 0) {
      return new int[0];
    }
    long seedHash = mix(seed);
    long[] ranks = new long[n];
    for (int i = 0; i < n; i++) {
      ranks[i] = hashedRank(candidates.get(i), seedHash);
    }
    long threshold = kthSmallest(ranks.clone(), count - 1);
    int below = 0;
    for (long rank : ranks) {
      below += rank < threshold ? 1 : 0;
    }
    int tiesLeft = count - below;
    int[] chosen = new int[count];
    int next = 0;
    for (int i = 0; i < n; i++) {
      if (ranks[i] < threshold) {
        chosen[next++] = i;
      } else if (ranks[i] == threshold && tiesLeft > 0) {
        chosen[next++] = i;
        tiesLeft--;
      }
    }
    return chosen;
  }

  /**
   * The k-th smallest value (0-based) by quickselect, reordering {@code values}: linear on average,
   * where sorting 30,000 ranks would cost more than the rest of a resolution. Ranks are hash
   * outputs, so the middle element is as good a pivot as any.
   */
  static long kthSmallest(long[] values, int k) {
    int lo = 0;
    int hi = values.length - 1;
    while (lo < hi) {
      long pivot = values[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long swap = values[i];
          values[i++] = values[j];
          values[j--] = swap;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return values[k];
      }
    }
    return values[k];
  }

  /**
   * The {@code count} names with the lowest rank for this seed and salt, in the order given: how a
   * topology chooses zones and nodes, ranked like pods so the same names and seed always give the
   * same choice.
   *
   * @param names distinct names in a stable (sorted) order, which breaks ties between equal ranks
   * @param salt separates independent choices made with the same seed (zones, then nodes)
   */
  public static List<String> chooseNames(List<String> names, int count, long seed, long salt) {
    if (count >= names.size()) {
      return List.copyOf(names);
    }
    long seedHash = mix(seed ^ salt);
    Integer[] order = new Integer[names.size()];
    long[] ranks = new long[names.size()];
    for (int i = 0; i < ranks.length; i++) {
      order[i] = i;
      ranks[i] = mix(fnv(FNV_OFFSET, names.get(i)) ^ seedHash);
    }
    java.util.Arrays.sort(
        order, (a, b) -> ranks[a] != ranks[b] ? Long.compare(ranks[a], ranks[b]) : a - b);
    var chosen = new java.util.TreeSet<Integer>();
    for (int i = 0; i < Math.max(count, 0); i++) {
      chosen.add(order[i]);
    }
    return chosen.stream().map(names::get).toList();
  }

  /** A pod's rank for a seed: lower ranks are chosen first. */
  public static long rank(PodView pod, long seed) {
    return hashedRank(pod, mix(seed));
  }

  private static long hashedRank(PodView pod, long seedHash) {
    long hash = FNV_OFFSET;
    hash = fnv(hash, pod.namespace());
    hash = (hash ^ '/') * FNV_PRIME;
    hash = fnv(hash, pod.name());
    return mix(hash ^ seedHash);
  }

  // FNV-1a over UTF-16 code units, hashing the key without building the "namespace/name" string.
  private static long fnv(long hash, String text) {
    for (int i = 0; i < text.length(); i++) {
      hash = (hash ^ text.charAt(i)) * FNV_PRIME;
    }
    return hash;
  }

  // SplitMix64's output function: spreads every input bit over the whole result.
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
