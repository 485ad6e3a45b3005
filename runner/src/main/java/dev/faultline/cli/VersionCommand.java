package dev.faultline.cli;

import dev.faultline.updates.UpdateCheckException;
import dev.faultline.updates.UpdateChecker;
import dev.faultline.updates.UpdateFeed;
import dev.faultline.updates.UpdateStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code faultline version}: prints the version; with {@code --check}, asks the release feed
 * whether a newer release exists (one plain GET, see {@code docs/privacy.md}). Only on request: no
 * other command contacts the feed.
 */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = {
      "Prints Faultline's version. With --check, asks the release feed whether a newer release",
      "exists: one plain HTTPS GET sending only 'User-Agent: Faultline/<version>'. Nothing is",
      "downloaded. The feed is " + UpdateFeed.DEFAULT_URL + ",",
      "or FAULTLINE_UPDATES_URL / -Dfaultline.updates.url."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:printed; with --check: up to date",
      ExitCodes.UPDATE_AVAILABLE + ":with --check: a newer release exists",
      ExitCodes.USAGE + ":usage error",
      ExitCodes.CLUSTER + ":with --check: the release feed could not be read"
    },
    footerHeading = "%nExamples:%n",
    footer = {"  faultline version", "  faultline version --check"})
final class VersionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"--check", "--check-updates"},
      description = "Ask the release feed whether a newer release exists.")
  boolean check;

  @Option(
      names = "--pre-releases",
      description = "With --check, offer pre-releases (release candidates) too.")
  boolean preReleases;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String version = VersionProvider.version();
    if (!check) {
      out.println("faultline " + version);
      out.flush();
      return ExitCodes.OK;
    }
    UpdateChecker checker =
        new UpdateChecker(
            UpdateFeed.configured(), version, UpdateChecker.DEFAULT_TIMEOUT, preReleases);
    try {
      switch (checker.check()) {
        case UpdateStatus.UpToDate same -> {
          out.println(
              "faultline " + version + ": up to date (newest release " + same.latest() + ")");
          out.flush();
          return ExitCodes.OK;
        }
        case UpdateStatus.Available newer -> {
          out.println(
              "Faultline "
                  + newer.release().version()
                  + " is available (you have "
                  + version
                  + ")"
                  + newer.release().page().map(page -> ": " + page).orElse(""));
          out.flush();
          return ExitCodes.UPDATE_AVAILABLE;
        }
      }
    } catch (UpdateCheckException e) {
      err.println("version --check: " + e.getMessage());
      err.flush();
      return ExitCodes.CLUSTER;
    }
  }
}
