package dev.faultline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.model.LabelSelector.Operator;
import dev.faultline.model.LabelSelector.Requirement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorTest {

  private static Requirement req(String key, Operator operator, String... values) {
    return new Requirement(key, operator, List.of(values));
  }

  static Stream<Arguments> validSelectors() {
    return Stream.of(
        Arguments.of("app=web", List.of(req("app", Operator.EQUALS, "web"))),
        Arguments.of("app==web", List.of(req("app", Operator.EQUALS, "web"))),
        Arguments.of("app!=web", List.of(req("app", Operator.NOT_EQUALS, "web"))),
        Arguments.of("tier in (web,api)", List.of(req("tier", Operator.IN, "api", "web"))),
        Arguments.of("tier notin (web, api)", List.of(req("tier", Operator.NOT_IN, "api", "web"))),
        Arguments.of("legacy", List.of(req("legacy", Operator.EXISTS))),
        Arguments.of("!legacy", List.of(req("legacy", Operator.NOT_EXISTS))),
        Arguments.of("replicas>2", List.of(req("replicas", Operator.GREATER_THAN, "2"))),
        Arguments.of("replicas<10", List.of(req("replicas", Operator.LESS_THAN, "10"))),
        Arguments.of(
            "app=web,tier in (api,web),!legacy",
            List.of(
                req("app", Operator.EQUALS, "web"),
                req("tier", Operator.IN, "api", "web"),
                req("legacy", Operator.NOT_EXISTS))),
        // Whitespace (space, tab, CR, LF) may surround every token.
        Arguments.of(
            " \tapp = web ,\r\n tier  in\t( api ,web ) , ! legacy ",
            List.of(
                req("app", Operator.EQUALS, "web"),
                req("tier", Operator.IN, "api", "web"),
                req("legacy", Operator.NOT_EXISTS))),
        Arguments.of("x notin\n (abc)", List.of(req("x", Operator.NOT_IN, "abc"))),
        // Prefixed keys, dotted values, digits first.
        Arguments.of(
            "app.kubernetes.io/name=check-out_v1.2",
            List.of(req("app.kubernetes.io/name", Operator.EQUALS, "check-out_v1.2"))),
        Arguments.of(
            "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)",
            List.of(req("0.1.2.domain/99", Operator.NOT_IN, "10.10.100.1", "tick.tack.clock"))),
        // Empty values, as upstream: "x=", "x in ()", and empty set entries.
        Arguments.of("x=", List.of(req("x", Operator.EQUALS, ""))),
        Arguments.of(
            "x= ,z!=", List.of(req("x", Operator.EQUALS, ""), req("z", Operator.NOT_EQUALS, ""))),
        Arguments.of("x in ()", List.of(req("x", Operator.IN, ""))),
        Arguments.of("x notin ( )", List.of(req("x", Operator.NOT_IN, ""))),
        Arguments.of("x in (abc,)", List.of(req("x", Operator.IN, "", "abc"))),
        Arguments.of("x notin (, a)", List.of(req("x", Operator.NOT_IN, "", "a"))),
        Arguments.of("x in (a,,b)", List.of(req("x", Operator.IN, "", "a", "b"))),
        Arguments.of("x in (a,,,)", List.of(req("x", Operator.IN, "", "a"))),
        // Duplicates collapse; 'in' and 'notin' are plain words outside operator position.
        Arguments.of("x in (b,a,b)", List.of(req("x", Operator.IN, "a", "b"))),
        Arguments.of(
            "a in (x,y,notin, z,in)", List.of(req("a", Operator.IN, "in", "notin", "x", "y", "z"))),
        Arguments.of("notin=in", List.of(req("notin", Operator.EQUALS, "in"))),
        Arguments.of("in in (in)", List.of(req("in", Operator.IN, "in"))),
        Arguments.of("in", List.of(req("in", Operator.EXISTS))),
        // The same key may appear more than once; all requirements must hold.
        Arguments.of(
            "x!=a,x", List.of(req("x", Operator.NOT_EQUALS, "a"), req("x", Operator.EXISTS))));
  }

  @ParameterizedTest
  @MethodSource("validSelectors")
  void parsesValidSelectors(String text, List<Requirement> expected) {
    assertThat(LabelSelector.parse(text).requirements()).containsExactlyElementsOf(expected);
    assertThat(LabelSelector.check(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\r\n "})
  void emptyTextMatchesEverything(String text) {
    LabelSelector selector = LabelSelector.parse(text);

    assertThat(selector.isEmpty()).isTrue();
    assertThat(selector.requirements()).isEmpty();
    assertThat(selector.matches(Map.of())).isTrue();
    assertThat(selector.matches(Map.of("app", "web"))).isTrue();
    assertThat(selector).hasToString("");
  }

  @Test
  void nonEmptySelectorIsNotEmpty() {
    assertThat(LabelSelector.parse("app").isEmpty()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          app=web,tier in (web,api),!legacy         | app=web,tier in (api,web),!legacy
          app==web                                  | app=web
          ' a = b , c notin ( z , y ) , d , ! e '   | a=b,c notin (y,z),d,!e
          x in ()                                   | x in ()
          x in (b,,a)                               | x in (,a,b)
          x=                                        | x=
          replicas > 2 , replicas<9                 | replicas>2,replicas<9
          """)
  void printsCanonicalText(String text, String canonical) {
    LabelSelector selector = LabelSelector.parse(text);

    assertThat(selector).hasToString(canonical);
    assertThat(LabelSelector.parse(canonical)).isEqualTo(selector);
  }

  static Stream<Arguments> matching() {
    Map<String, String> web = Map.of("app", "web", "tier", "api", "replicas", "3");
    Map<String, String> none = Map.of();
    return Stream.of(
        Arguments.of("app=web", web, true),
        Arguments.of("app=db", web, false),
        Arguments.of("app=web", none, false),
        Arguments.of("app!=db", web, true),
        Arguments.of("app!=web", web, false),
        // '!=' and 'notin' also hold when the label is absent.
        Arguments.of("app!=web", none, true),
        Arguments.of("tier in (api,web)", web, true),
        Arguments.of("tier in (db,cache)", web, false),
        Arguments.of("tier in (api)", none, false),
        Arguments.of("tier notin (db,cache)", web, true),
        Arguments.of("tier notin (api,db)", web, false),
        Arguments.of("tier notin (api)", none, true),
        Arguments.of("app", web, true),
        Arguments.of("app", none, false),
        Arguments.of("!app", web, false),
        Arguments.of("!app", none, true),
        Arguments.of("replicas>2", web, true),
        Arguments.of("replicas>3", web, false),
        Arguments.of("replicas<4", web, true),
        Arguments.of("replicas<3", web, false),
        Arguments.of("replicas>0", none, false),
        // A label that is not a whole number satisfies neither '>' nor '<'.
        Arguments.of("app>0", web, false),
        Arguments.of("app<0", web, false),
        // The empty value: "x in ()" needs the label present and empty.
        Arguments.of("x in ()", Map.of("x", ""), true),
        Arguments.of("x in ()", Map.of("x", "a"), false),
        Arguments.of("x in ()", none, false),
        Arguments.of("x=", Map.of("x", ""), true),
        // Requirements are ANDed.
        Arguments.of("app=web,tier=api", web, true),
        Arguments.of("app=web,tier=db", web, false),
        Arguments.of("app=web,!legacy,tier notin (db)", web, true));
  }

  @ParameterizedTest
  @MethodSource("matching")
  void matchesLikeKubernetes(String text, Map<String, String> labels, boolean expected) {
    assertThat(LabelSelector.parse(text).matches(labels)).isEqualTo(expected);
  }

  @Test
  void nullLabelValueCountsAsAbsent() {
    var labels = new java.util.HashMap<String, String>();
    labels.put("app", null);

    assertThat(LabelSelector.parse("!app").matches(labels)).isTrue();
    assertThat(LabelSelector.parse("app").matches(labels)).isFalse();
  }

  @Test
  void requirementMatchesOnItsOwn() {
    Requirement requirement = req("tier", Operator.IN, "api", "web");

    assertThat(requirement.matches(Map.of("tier", "web"))).isTrue();
    assertThat(requirement.matches(Map.of("tier", "db"))).isFalse();
    assertThat(requirement).hasToString("tier in (api,web)");
  }

  @Test
  void requirementsAreImmutable() {
    LabelSelector selector = LabelSelector.parse("tier in (a,b)");

    assertThatThrownBy(() -> selector.requirements().add(req("x", Operator.EXISTS)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> selector.requirements().getFirst().values().add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builtSelectorEqualsParsedOne() {
    var built =
        new LabelSelector(
            List.of(req("app", Operator.EQUALS, "web"), req("tier", Operator.IN, "web", "api")));

    assertThat(built).isEqualTo(LabelSelector.parse("app=web,tier in (api,web)"));
    assertThat(built).hasToString("app=web,tier in (api,web)");
  }

  @Test
  void checkReturnsTheProblem() {
    assertThat(LabelSelector.check("app=web tier"))
        .hasValueSatisfying(
            problem -> {
              assertThat(problem)
                  .hasMessage("expected ',' or end of selector after 'app=web', found 'tier'");
              assertThat(problem.index()).isEqualTo(8);
            });
  }

  @Test
  void parsingIsLinearOnHugeInput() {
    String many =
        String.join(",", IntStream.range(0, 50_000).mapToObj(i -> "k" + i + "=v" + i).toList());
    String longWord = "a".repeat(1_000_000);

    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          assertThat(LabelSelector.parse(many).requirements()).hasSize(50_000);
          assertThat(LabelSelector.check(longWord)).isPresent();
          assertThat(LabelSelector.check("x in (" + ",".repeat(200_000))).isPresent();
        });
  }

  @Test
  void parsesConcurrently() {
    List<String> texts = validSelectors().map(arguments -> (String) arguments.get()[0]).toList();

    List<String> printed =
        IntStream.range(0, 2_000)
            .parallel()
            .mapToObj(i -> LabelSelector.parse(texts.get(i % texts.size())).toString())
            .toList();

    for (int i = 0; i < printed.size(); i++) {
      assertThat(printed.get(i))
          .isEqualTo(LabelSelector.parse(texts.get(i % texts.size())).toString());
    }
  }
}
