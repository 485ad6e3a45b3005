package dev.faultline.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enum constant that is written in files as a fixed word ({@code maxPercent}, {@code failing}).
 */
public interface Keyword {
  String keyword();

  static <E extends Enum<E> & Keyword> Optional<E> parse(Class<E> type, String word) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.keyword().equals(word)).findFirst();
  }

  static <E extends Enum<E> & Keyword> List<String> words(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Keyword::keyword).toList();
  }
}
