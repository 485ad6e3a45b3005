package dev.faultline.model;

import java.util.Objects;

/**
 * How many of the matching pods (or other objects) an attack hits.
 *
 * <ul>
 *   <li>{@code all}: every match; no value.
 *   <li>{@code one}: one match chosen at random; no value.
 *   <li>{@code count}: exactly {@code value} matches (fewer if fewer match), value 1 or more.
 *   <li>{@code percent}: {@code value}% of the matches, rounded up so at least one is hit, 1..100.
 *   <li>{@code maxPercent}: a random number of matches, at least one and never more than {@code
 *       value}% rounded down, 1..100. With fewer matches than needed for one pod, nothing is hit.
 * </ul>
 *
 * <p>Which matches are hit is decided by a seeded ranking, so the same pods and the same seed
 * always give the same choice (see {@code dev.faultline.target.BlastRadiusSampler}).
 *
 * @param value the count or percentage; {@code null} for {@code all} and {@code one}
 * @param seed fixes the random choices (which pods, and the count for {@code maxPercent}) across
 *     runs; {@code null}: the caller's seed applies
 * @param topology first chooses zones and nodes, and the mode applies to the pods on them; {@code
 *     null}: the mode applies to every match
 */
public record BlastRadius(Mode mode, Integer value, Long seed, Extras extras, Topology topology) {
  public static final BlastRadius ALL = new BlastRadius(Mode.ALL, null, null, Extras.NONE);

  public BlastRadius {
    Objects.requireNonNull(mode, "mode");
    extras = extras == null ? Extras.NONE : extras;
  }

  /** A blast radius without topology. */
  public BlastRadius(Mode mode, Integer value, Long seed, Extras extras) {
    this(mode, value, seed, extras, null);
  }

  /** A copy that first chooses zones and nodes ({@code null}: none). */
  public BlastRadius withTopology(Topology value) {
    return new BlastRadius(mode, this.value, seed, extras, value);
  }

  public static BlastRadius of(Mode mode, Integer value) {
    return new BlastRadius(mode, value, null, Extras.NONE);
  }

  public static BlastRadius percent(int percent) {
    return of(Mode.PERCENT, percent);
  }

  /** The blast-radius modes, by their word in files. */
  public enum Mode implements Keyword {
    ALL("all", false),
    ONE("one", false),
    COUNT("count", true),
    PERCENT("percent", true),
    MAX_PERCENT("maxPercent", true);

    private final String keyword;
    private final boolean takesValue;

    Mode(String keyword, boolean takesValue) {
      this.keyword = keyword;
      this.takesValue = takesValue;
    }

    @Override
    public String keyword() {
      return keyword;
    }

    public boolean takesValue() {
      return takesValue;
    }

    /** Smallest and largest allowed value, for modes that take one. */
    public int min() {
      return 1;
    }

    public int max() {
      return this == COUNT ? Integer.MAX_VALUE : 100;
    }
  }
}
