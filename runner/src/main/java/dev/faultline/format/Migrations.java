package dev.faultline.format;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registered {@link Migration}s, chained from a file's version to the current one. */
public final class Migrations {
  private final Map<String, Migration> byFrom;

  public Migrations(List<Migration> migrations) {
    this.byFrom =
        migrations.stream().collect(Collectors.toMap(Migration::from, Function.identity()));
  }

  /**
   * The migrations shipped with this version. {@code faultline.dev/v1alpha1} is the first format,
   * so there are none yet; the next format change adds {@code v1alpha1 -> v1alpha2} here.
   */
  public static Migrations builtIn() {
    return new Migrations(List.of());
  }

  /**
   * The chain from {@code from} to {@code target}, or empty when no chain exists (an unknown or a
   * newer version).
   */
  public Optional<List<Migration>> chain(String from, String target) {
    var chain = new java.util.ArrayList<Migration>();
    String at = from;
    while (!at.equals(target)) {
      Migration next = byFrom.get(at);
      if (next == null || chain.size() > byFrom.size()) {
        return Optional.empty();
      }
      chain.add(next);
      at = next.to();
    }
    return Optional.of(List.copyOf(chain));
  }
}
