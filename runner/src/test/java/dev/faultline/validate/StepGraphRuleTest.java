package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepGraphRuleTest {
  @Test
  void fanOutAndJoinIsValid() {
    assertThat(
            Check.problems(
                """
        spec:
          steps:
            - {id: start, wait: 1s}
            - {id: left, after: [start], wait: 1s}
            - {id: right, after: [start], wait: 2s}
            - {id: join, after: [left, right], wait: 1s}
        layout:
          start: {x: 1, y: 2}
        """))
        .isEmpty();
  }

  @Test
  void duplicateIdIsReportedAtTheSecond() {
    assertThat(
            Check.located(
                """
        spec:
          steps:
            - id: a
              wait: 1s
            - id: a
              wait: 2s
        """))
        .containsExactly("9:11 duplicate step id 'a'; spec.steps[0] has it already");
  }

  @Test
  void afterMustNameAStepWithSuggestion() {
    assertThat(
            Check.located(
                """
        spec:
          steps:
            - {id: freeze, wait: 1s}
            - {id: kill, after: [freze], wait: 1s}
        """))
        .containsExactly("8:26 'after' names 'freze', which is not a step; did you mean 'freeze'?");
  }

  @Test
  void selfReferenceAndRepeatedEdge() {
    assertThat(
            Check.messages(
                """
        spec:
          steps:
            - {id: a, wait: 1s}
            - {id: b, after: [b, a, a], wait: 1s}
        """))
        .containsExactly(
            "error: step 'b' cannot run after itself", "warning: 'a' is listed twice in 'after'");
  }

  @Test
  void cycleIsNamedInRunOrder() {
    assertThat(
            Check.located(
                """
        spec:
          steps:
            - {id: a, after: [c], wait: 1s}
            - {id: b, after: [a], wait: 1s}
            - {id: c, after: [b], wait: 1s}
            - {id: d, after: [c], wait: 1s}
        """))
        .containsExactly(
            "7:22 steps form a cycle: a → b → c → a; a step cannot (indirectly) wait for itself");
  }

  @Test
  void idSyntaxAndIdsSharedWithContinuousProbes() {
    assertThat(
            Check.messages(
                """
        spec:
          steps:
            - {id: "has space", wait: 1s}
            - {id: -dash, wait: 1s}
          probes:
            - {id: -dash, probe: tcp.connect, with: {host: a, port: 1}}
        """))
        .containsExactly(
            "error: 'has space' is not a valid step id; use letters, digits, '-', '_' or '.', at most 63, starting and ending with a letter or digit",
            "error: '-dash' is not a valid step id; use letters, digits, '-', '_' or '.', at most 63, starting and ending with a letter or digit",
            "error: '-dash' is not a valid probe id; use letters, digits, '-', '_' or '.', at most 63, starting and ending with a letter or digit",
            "error: duplicate id '-dash'; step and probe ids must be unique");
  }

  @Test
  void layoutOfAMissingStepIsAWarning() {
    assertThat(
            Check.located(
                """
        spec:
          steps:
            - {id: a, wait: 1s}
        layout:
          a: {x: 0, y: 0}
          gone: {x: 5, y: 5}
        """))
        .containsExactly(
            "10:9 layout names step 'gone', which does not exist; the entry is ignored");
  }
}
