package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotificationRuleTest {
  @Test
  void aWebhookNeedsAnHttpUrlWithAHost() {
    assertThat(
            Check.located(
                """
                spec:
                  steps: []
                  notifications:
                    - webhook: {url: "ftp://example.com/x"}
                    - webhook: {url: "https:///nohost"}
                    - webhook: {url: "https://${env:HOOK_HOST}/x"}
                """))
        .containsExactly(
            "8:23 'ftp://example.com/x' is not a webhook URL: it must start with http:// or"
                + " https://",
            "9:23 'https:///nohost' is not a webhook URL: it names no host",
            "10:23 environment variable HOOK_HOST is not set here; a run without it skips this"
                + " notification");
  }

  @Test
  void aHeaderNamingAnUnsetVariableIsAWarningAtTheHeaderThatNeverShowsValues() {
    var problems =
        Check.problems(
            """
            spec:
              steps: []
              notifications:
                - webhook:
                    url: https://example.com/hook
                    headers:
                      Authorization: Bearer ${env:FAULTLINE_TEST_UNSET_TOKEN}
                      X-Home: ${env:HOME}
            """);

    assertThat(problems)
        .extracting(p -> p.severity().word() + " " + p.path() + " " + p.line() + ": " + p.message())
        .containsExactly(
            "warning spec.notifications[0].webhook.headers.Authorization 11: environment variable"
                + " FAULTLINE_TEST_UNSET_TOKEN is not set here; a run without it skips this"
                + " notification");
  }

  @Test
  void aLogFileNeedsAPath() {
    assertThat(
            Check.messages(
                """
                spec:
                  steps: []
                  notifications:
                    - logFile: {path: " "}
                    - logFile: {format: text}
                """))
        .containsExactly(
            "error: 'logFile' is missing the required field 'path'",
            "error: the log file path is empty");
  }
}
