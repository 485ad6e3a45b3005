package dev.faultline.cli;

import picocli.CommandLine.Command;

/** {@code faultline}: the top command; does nothing itself but list its subcommands. */
@Command(
    name = "faultline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = "Design, check and run chaos experiments against Kubernetes.",
    subcommands = {
      ValidateCommand.class,
      FormatCommand.class,
      SandboxCommand.class,
      PreviewCommand.class,
      ContextsCommand.class,
      RunCommand.class,
      StopCommand.class,
      RunsCommand.class,
      StatusCommand.class,
      CleanupCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      CatalogCommand.class,
      WorkflowCommand.class,
      VersionCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  faultline validate docs/examples/*.yaml",
      "  faultline validate -o json experiment.yaml",
      "  faultline format experiment.yaml",
      "  faultline format --check experiments/*.yaml",
      "  faultline sandbox --pods 1000",
      "  faultline preview docs/examples/checkout-freeze-and-recover.yaml --sandbox",
      "  faultline contexts protect prod-eu",
      "  faultline stop --all",
      "  faultline runs",
      "  faultline cleanup --context kind-dev --dry-run",
      "  faultline export experiment.yaml --to chaos-mesh -o workflow.yaml",
      "  faultline import workflow.yaml -o experiment.yaml",
      "  faultline catalog save experiment.yaml -n team-chaos -m \"first version\"",
      "  faultline workflow run chaos-workflow.yaml --sandbox"
    },
    exitCodeListHeading = "%nExit codes (each command lists its own):%n",
    exitCodeList = {
      " 0:ok",
      " 1:format --check found changes; stop, cleanup: faults left open",
      " 2:problems found in a file",
      "64:usage error",
      "69:the cluster could not be reached",
      "70:internal error (a bug in Faultline; reported with its stack trace)",
      "74:a file could not be written"
    })
public final class FaultlineCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
