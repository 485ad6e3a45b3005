package dev.faultline.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void replacesEveryPlaceholderAndScrubsTheValuesFromMessages() throws Exception {
    Secrets secrets = Secrets.forCall(Map.of("USER", "ada", "PASS", "p@ss$1\\x")::get);
    assertThat(secrets.resolve("${env:USER}:${env:PASS} and ${env:USER}"))
        .isEqualTo("ada:p@ss$1\\x and ada");
    assertThat(secrets.resolve("no placeholders, $USER, ${USER}"))
        .isEqualTo("no placeholders, $USER, ${USER}");
    assertThat(secrets.scrub("login ada failed with p@ss$1\\x"))
        .isEqualTo("login *** failed with ***");
  }

  @Test
  void aMissingVariableNamesTheVariableOnly() {
    Secrets secrets = Secrets.forCall(name -> null);
    assertThatThrownBy(() -> secrets.resolve("Bearer ${env:TOKEN}"))
        .isInstanceOf(Secrets.MissingSecretException.class)
        .hasMessage("environment variable TOKEN is not set");
  }
}
