package dev.faultline.target;

import static dev.faultline.model.BlastRadius.Mode.ALL;
import static dev.faultline.model.BlastRadius.Mode.COUNT;
import static dev.faultline.model.BlastRadius.Mode.MAX_PERCENT;
import static dev.faultline.model.BlastRadius.Mode.PERCENT;
import static dev.faultline.target.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.BlastRadius;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlastRadiusSamplerTest {
  private static int count(BlastRadius.Mode mode, Integer value, int candidates) {
    return BlastRadiusSampler.count(BlastRadius.of(mode, value), candidates, 7);
  }

  private static List<PodView> pods(int n) {
    return IntStream.range(0, n).mapToObj(i -> pod("ns", "pod-" + i).build()).toList();
  }

  @ParameterizedTest(name = "{0} {1} of {2} pods hits {3}")
  @CsvSource({
    "ALL,     , 10, 10",
    "ONE,     , 10, 1",
    "COUNT,  3, 10, 3",
    "COUNT, 30, 10, 10",
    "PERCENT, 25, 10, 3",
    "PERCENT, 20, 10, 2",
    "PERCENT, 1, 10, 1",
    "PERCENT, 1, 1, 1",
    "PERCENT, 100, 7, 7",
    "PERCENT, 50, 3, 2",
    "MAX_PERCENT, 25, 3, 0",
    "MAX_PERCENT, 100, 1, 1",
    "ALL,     , 0, 0",
    "ONE,     , 0, 0",
    "PERCENT, 50, 0, 0",
  })
  void countsFollowTheDocumentedRounding(
      BlastRadius.Mode mode, Integer value, int candidates, int hits) {
    assertThat(count(mode, value, candidates)).isEqualTo(hits);
  }

  @Test
  void maxPercentIsBetweenOneAndTheFloorAndReachesBothEnds() {
    Set<Integer> seen = new TreeSet<>();
    for (long seed = 0; seed < 200; seed++) {
      seen.add(BlastRadiusSampler.count(BlastRadius.of(MAX_PERCENT, 25), 10, seed));
    }
    assertThat(seen).containsExactly(1, 2);
    Set<Integer> large = new TreeSet<>();
    for (long seed = 0; seed < 2000; seed++) {
      large.add(BlastRadiusSampler.count(BlastRadius.of(MAX_PERCENT, 10), 100, seed));
    }
    assertThat(large).containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
  }

  @Test
  void invalidValuesAreRejected() {
    assertThatThrownBy(() -> count(PERCENT, null, 3)).isInstanceOf(InvalidTargetException.class);
    assertThatThrownBy(() -> count(PERCENT, 101, 3)).isInstanceOf(InvalidTargetException.class);
    assertThatThrownBy(() -> count(COUNT, 0, 3)).isInstanceOf(InvalidTargetException.class);
    assertThat(count(ALL, null, 3)).isEqualTo(3);
  }

  @Test
  void sameCandidatesAndSeedGiveTheSameChoiceWhateverTheirOrder() {
    List<PodView> pods = pods(50);
    List<PodView> shuffled = new ArrayList<>(pods);
    Collections.shuffle(shuffled, new Random(1));

    assertThat(BlastRadiusSampler.choose(shuffled, 7, 99))
        .containsExactlyInAnyOrderElementsOf(BlastRadiusSampler.choose(pods, 7, 99))
        .hasSize(7);
    assertThat(BlastRadiusSampler.choose(pods, 7, 100))
        .as("another seed, another choice")
        .isNotEqualTo(BlastRadiusSampler.choose(pods, 7, 99));
  }

  @Test
  void theChosenAreTheLowestRanks() {
    List<PodView> pods = pods(40);
    List<PodView> byRank = new ArrayList<>(pods);
    byRank.sort(
        (a, b) -> Long.compare(BlastRadiusSampler.rank(a, 5), BlastRadiusSampler.rank(b, 5)));

    assertThat(BlastRadiusSampler.choose(pods, 4, 5))
        .containsExactlyInAnyOrderElementsOf(byRank.subList(0, 4));
  }

  @Test
  void podsComingAndGoingDoNotReshuffleTheOthers() {
    List<PodView> pods = pods(100);
    List<PodView> chosen = BlastRadiusSampler.choose(pods, 10, 3);

    // Removing pods that were not chosen keeps the choice.
    List<PodView> fewer = new ArrayList<>(pods);
    fewer.removeIf(p -> !chosen.contains(p) && p.name().endsWith("7"));
    assertThat(BlastRadiusSampler.choose(fewer, 10, 3)).isEqualTo(chosen);

    // Adding pods: whoever of the old pods is still chosen was chosen before.
    List<PodView> more = new ArrayList<>(pods);
    IntStream.range(0, 30).forEach(i -> more.add(pod("ns", "new-" + i).build()));
    List<PodView> after = BlastRadiusSampler.choose(more, 10, 3);
    assertThat(after.stream().filter(pods::contains)).allMatch(chosen::contains);
    assertThat(after.stream().filter(pods::contains).count())
        .as("most of the old choice survives 30 newcomers among 130")
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void choiceKeepsTheGivenOrderAndHandlesTheEdges() {
    List<PodView> pods = pods(20);
    List<PodView> chosen = BlastRadiusSampler.choose(pods, 5, 11);
    assertThat(chosen).isSortedAccordingTo((a, b) -> pods.indexOf(a) - pods.indexOf(b));
    assertThat(BlastRadiusSampler.choose(pods, 0, 11)).isEmpty();
    assertThat(BlastRadiusSampler.choose(pods, 20, 11)).isEqualTo(pods);
    assertThat(BlastRadiusSampler.choose(pods, 25, 11)).isEqualTo(pods);
  }

  @Test
  void everyPodIsAboutEquallyLikelyToBeChosen() {
    List<PodView> pods = pods(10);
    Map<PodView, Integer> times = new HashMap<>();
    for (long seed = 0; seed < 5000; seed++) {
      BlastRadiusSampler.choose(pods, 1, seed).forEach(p -> times.merge(p, 1, Integer::sum));
    }
    // 500 expected each; the bounds are > 6 standard deviations wide, and the seeds are fixed.
    assertThat(times).hasSize(10);
    assertThat(times.values()).allSatisfy(n -> assertThat(n).isBetween(380, 620));
  }

  @Test
  void quickselectAgreesWithSortingEvenWithManyDuplicates() {
    Random random = new Random(8);
    for (int round = 0; round < 500; round++) {
      long[] values = new long[1 + random.nextInt(60)];
      int distinct = 1 + random.nextInt(5);
      for (int i = 0; i < values.length; i++) {
        values[i] = round % 2 == 0 ? random.nextInt(distinct) : random.nextLong();
      }
      long[] sorted = values.clone();
      java.util.Arrays.sort(sorted);
      int k = random.nextInt(values.length);
      assertThat(BlastRadiusSampler.kthSmallest(values.clone(), k)).isEqualTo(sorted[k]);
    }
  }

  @Test
  void ranksDependOnTheWholeKey() {
    Set<Long> ranks = new HashSet<>();
    ranks.add(BlastRadiusSampler.rank(pod("ab", "c").build(), 1));
    ranks.add(BlastRadiusSampler.rank(pod("a", "bc").build(), 1));
    ranks.add(BlastRadiusSampler.rank(pod("a", "b").build(), 1));
    ranks.add(BlastRadiusSampler.rank(pod("a", "b").build(), 2));
    assertThat(ranks).hasSize(4);
  }
}
