package dev.faultline.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately strict little parser for the Prometheus text exposition format, so the tests check
 * the format itself and not just a few substrings.
 */
final class PromText {
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)");
  private static final Pattern META =
      Pattern.compile("# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)");

  record Sample(String name, Map<String, String> labels, double value) {}

  /** One metric family: its declared type and help and its samples in order. */
  static final class Family {
    final String name;
    String type;
    String help;
    final List<Sample> samples = new ArrayList<>();

    Family(String name) {
      this.name = name;
    }
  }

  private PromText() {}

  /** Parses and checks {@code text}; fails the test on the first violation. */
  static Map<String, Family> parse(String text) {
    assertThat(text).as("exposition ends with a newline").endsWith("\n");
    Map<String, Family> families = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        meta(families, line);
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        fail("not a sample line: '%s'", line);
      }
      Family family = familyOf(families, m.group(1), line);
      family.samples.add(new Sample(m.group(1), labels(m.group(2), line), value(m.group(3))));
    }
    for (Family f : families.values()) {
      assertThat(f.help).as("HELP of %s", f.name).isNotBlank();
      assertThat(f.type)
          .as("TYPE of %s", f.name)
          .isIn("counter", "gauge", "histogram", "summary", "untyped");
      if (f.type.equals("histogram")) {
        checkHistogram(f);
      }
    }
    return families;
  }

  private static void meta(Map<String, Family> families, String line) {
    Matcher m = META.matcher(line);
    if (!m.matches()) {
      return; // other comments are allowed
    }
    Family f = families.computeIfAbsent(m.group(2), Family::new);
    assertThat(f.samples).as("%s before the samples of %s", m.group(1), f.name).isEmpty();
    if (m.group(1).equals("HELP")) {
      assertThat(f.help).as("one HELP for %s", f.name).isNull();
      f.help = m.group(3);
    } else {
      assertThat(f.type).as("one TYPE for %s", f.name).isNull();
      f.type = m.group(3);
    }
  }

  private static Family familyOf(Map<String, Family> families, String name, String line) {
    Family exact = families.get(name);
    if (exact != null) {
      assertThat(exact.type).as("TYPE before '%s'", line).isNotNull();
      return exact;
    }
    for (String suffix : List.of("_bucket", "_sum", "_count")) {
      if (name.endsWith(suffix)) {
        Family base = families.get(name.substring(0, name.length() - suffix.length()));
        if (base != null && "histogram".equals(base.type)) {
          return base;
        }
      }
    }
    return fail("sample of an undeclared family: '%s'", line);
  }

  private static Map<String, String> labels(String text, String line) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text == null) {
      return labels;
    }
    Matcher m = LABEL.matcher(text);
    int at = 0;
    while (at < text.length()) {
      if (!m.find(at) || m.start() != at) {
        fail("bad labels in '%s'", line);
      }
      assertThat(labels.put(m.group(1), m.group(2))).as("duplicate label in '%s'", line).isNull();
      at = m.end();
    }
    return labels;
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  /** Buckets rise in {@code le}, counts never drop, the last is +Inf and equals {@code _count}. */
  private static void checkHistogram(Family f) {
    Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
    Map<Map<String, String>, Double> counts = new LinkedHashMap<>();
    Map<Map<String, String>, Double> sums = new LinkedHashMap<>();
    for (Sample s : f.samples) {
      if (s.name().equals(f.name + "_bucket")) {
        Map<String, String> series = new LinkedHashMap<>(s.labels());
        assertThat(series.remove("le")).as("le label on %s", s).isNotNull();
        buckets.computeIfAbsent(series, k -> new ArrayList<>()).add(s);
      } else if (s.name().equals(f.name + "_count")) {
        counts.put(s.labels(), s.value());
      } else if (s.name().equals(f.name + "_sum")) {
        sums.put(s.labels(), s.value());
      } else {
        fail("unexpected sample %s in histogram %s", s, f.name);
      }
    }
    assertThat(buckets).as("series of %s", f.name).isNotEmpty();
    buckets.forEach(
        (series, list) -> {
          double previousLe = Double.NEGATIVE_INFINITY;
          double previousCount = 0;
          for (Sample b : list) {
            double le = value(b.labels().get("le"));
            assertThat(le).as("le rises in %s", f.name).isGreaterThan(previousLe);
            assertThat(b.value()).as("cumulative %s", b).isGreaterThanOrEqualTo(previousCount);
            previousLe = le;
            previousCount = b.value();
          }
          assertThat(list.getLast().labels()).containsEntry("le", "+Inf");
          assertThat(counts).as("_count of %s", series).containsKey(series);
          assertThat(sums).as("_sum of %s", series).containsKey(series);
          assertThat(counts.get(series)).as("+Inf equals _count").isEqualTo(previousCount);
        });
  }

  /** The value of the one sample named {@code name} whose labels include {@code labels}. */
  static double value(Map<String, Family> families, String name, Map<String, String> labels) {
    List<Double> values =
        families.values().stream()
            .flatMap(f -> f.samples.stream())
            .filter(s -> s.name().equals(name))
            .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
            .map(Sample::value)
            .toList();
    assertThat(values).as("samples %s%s", name, labels).hasSize(1);
    return values.getFirst();
  }
}
