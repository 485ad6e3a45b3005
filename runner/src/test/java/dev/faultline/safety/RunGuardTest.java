package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against protected contexts need --yes-i-mean-CONTEXT, spelled exactly. */
class RunGuardTest {

  @TempDir Path dataDir;
  private RunGuard guard;

  @BeforeEach
  void protectProd() throws IOException {
    guard =
        new RunGuard(
            ProtectedContexts.load(dataDir.resolve(ProtectedContexts.FILE_NAME))
                .protect("prod-eu")
                .protect("arn:aws:eks:eu-west-1:123:cluster/prod")
                .protect("my prod"));
  }

  @Test
  void anUnprotectedContextNeedsNothing() {
    Confirmation confirmation = guard.confirm("staging", List.of("run", "x.yaml"));

    assertThat(confirmation.allowed()).isTrue();
    assertThat(confirmation.outcome()).isEqualTo(Confirmation.Outcome.NOT_PROTECTED);
    assertThat(confirmation.message()).isEmpty();
  }

  @Test
  void aProtectedContextIsRefusedWithTheFlagToAdd() {
    Confirmation confirmation = guard.confirm("prod-eu", List.of("run", "x.yaml"));

    assertThat(confirmation.allowed()).isFalse();
    assertThat(confirmation.outcome()).isEqualTo(Confirmation.Outcome.REFUSED);
    assertThat(confirmation.message())
        .isEqualTo(
            "context \"prod-eu\" is protected (production): to run against it, add"
                + " --yes-i-mean-prod-eu to the command line, or lift the protection with:"
                + " faultline contexts unprotect prod-eu");
  }

  @Test
  void theExactFlagConfirms() {
    Confirmation confirmation =
        guard.confirm("prod-eu", List.of("run", "--yes-i-mean-prod-eu", "x.yaml"));

    assertThat(confirmation.allowed()).isTrue();
    assertThat(confirmation.outcome()).isEqualTo(Confirmation.Outcome.CONFIRMED);
    assertThat(confirmation.message())
        .isEqualTo(
            "running against protected context \"prod-eu\" (confirmed with --yes-i-mean-prod-eu)");
    assertThat(
            guard
                .confirm(
                    "arn:aws:eks:eu-west-1:123:cluster/prod",
                    List.of("--yes-i-mean-arn:aws:eks:eu-west-1:123:cluster/prod"))
                .allowed())
        .isTrue();
  }

  @Test
  void nearMissesAreRefusedAndSaySo() {
    for (String wrong :
        List.of(
            "--yes-i-mean-prod",
            "--yes-i-mean-PROD-EU",
            "--YES-I-MEAN-prod-eu",
            "--yes-i-mean-prod-eu=true",
            "--yes-i-mean-prod-eu ",
            "--yes-i-mean-staging")) {
      Confirmation confirmation = guard.confirm("prod-eu", List.of("run", wrong));

      assertThat(confirmation.allowed()).as(wrong).isFalse();
      assertThat(confirmation.message())
          .isEqualTo(
              "context \"prod-eu\" is protected, and "
                  + wrong
                  + " does not confirm it: write exactly --yes-i-mean-prod-eu");
    }
    assertThat(guard.confirm("prod-eu", List.of("--yes", "-y", "--force")).allowed()).isFalse();
  }

  @Test
  void theFlagForAnotherContextDoesNotCarryOver() {
    assertThat(guard.confirm("prod-eu", List.of("--yes-i-mean-my prod")).allowed()).isFalse();
    assertThat(guard.confirm("my prod", List.of("run")).message())
        .endsWith("faultline contexts unprotect 'my prod'");
  }

  @Test
  void theFlagIsThePrefixAndTheName() {
    assertThat(RunGuard.flag("prod-eu")).isEqualTo("--yes-i-mean-prod-eu");
    assertThat(RunGuard.shellWord("it's")).isEqualTo("'it'\\''s'");
  }
}
