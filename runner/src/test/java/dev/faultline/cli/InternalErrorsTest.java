package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class InternalErrorsTest {
  @Command(name = "boom", exitCodeOnInvalidInput = ExitCodes.USAGE)
  static final class Boom implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    boolean usage;

    @Override
    public Integer call() {
      if (usage) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--class: not a name");
      }
      throw new NumberFormatException("For input string: \"99999999999999999999\"");
    }
  }

  private final StringWriter err = new StringWriter();

  private int run(Boom boom) {
    return new CommandLine(boom)
        .setErr(new PrintWriter(err))
        .setExecutionExceptionHandler(new InternalErrors())
        .execute();
  }

  @Test
  void anUnhandledExceptionIsABugWithItsOwnExitCodeAndTrace() {
    int code = run(new Boom());

    assertThat(code).isEqualTo(ExitCodes.INTERNAL);
    assertThat(err.toString())
        .startsWith("boom: internal error: java.lang.NumberFormatException")
        .contains("please report it")
        .contains("at dev.faultline.cli.InternalErrorsTest$Boom.call");
  }

  @Test
  void aUsageErrorStaysAUsageError() {
    Boom boom = new Boom();
    boom.usage = true;

    assertThat(run(boom)).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--class: not a name").doesNotContain("internal error");
  }
}
