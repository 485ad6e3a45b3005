package dev.faultline.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What the CLI does with an exception no command handled: a bug of ours, not the user's input. It
 * says so in one line naming the command, prints the stack trace for the bug report, and exits
 * {@link ExitCodes#INTERNAL} — not 1, which {@code format --check}, {@code stop} and {@code
 * cleanup} use for answers a script acts on. Usage errors a command throws stay usage errors.
 */
final class InternalErrors implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception exception, CommandLine command, ParseResult parsed)
      throws Exception {
    if (exception instanceof CommandLine.ParameterException) {
      throw exception; // picocli prints it with the usage help and exits 64
    }
    PrintWriter err = command.getErr();
    err.println(
        command.getCommandSpec().qualifiedName()
            + ": internal error: "
            + exception
            + " (a bug in Faultline; please report it with the trace below)");
    exception.printStackTrace(err);
    err.flush();
    return ExitCodes.INTERNAL;
  }
}
