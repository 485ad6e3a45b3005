package dev.faultline.app.prefs;

import java.util.Objects;
import java.util.Optional;

/**
 * What a store read at start-up: the value (the defaults when the file was missing or damaged) and,
 * when something was wrong, a warning for the user. Start-up never fails over settings.
 *
 * @param warning a sentence for the status bar or log, e.g. that a damaged file was set aside
 */
public record Loaded<T>(T value, Optional<String> warning) {

  public Loaded {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(warning, "warning");
  }

  static <T> Loaded<T> ok(T value) {
    return new Loaded<>(value, Optional.empty());
  }

  <R> Loaded<R> map(java.util.function.Function<? super T, ? extends R> change) {
    return new Loaded<>(change.apply(value), warning);
  }
}
