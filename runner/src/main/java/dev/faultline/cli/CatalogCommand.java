package dev.faultline.cli;

import dev.faultline.cluster.catalog.CatalogEntry;
import dev.faultline.cluster.catalog.CatalogException;
import dev.faultline.cluster.catalog.CatalogListing;
import dev.faultline.cluster.catalog.CatalogProblem;
import dev.faultline.cluster.catalog.CatalogVersion;
import dev.faultline.cluster.catalog.OpenedExperiment;
import dev.faultline.cluster.catalog.SaveResult;
import dev.faultline.format.AtomicFiles;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code faultline catalog list|save|open|history}: the team's experiment catalog, kept as
 * ConfigMaps in a namespace of the cluster ({@code docs/catalog.md}).
 */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = {
      "The team's experiment catalog in the cluster: experiments saved as ConfigMaps",
      "(one per version) in a namespace, so a team shares them without a server.",
      "Needs get, list and create on configmaps in that namespace."
    },
    subcommands = {
      CatalogCommand.CatalogList.class,
      CatalogCommand.CatalogSave.class,
      CatalogCommand.CatalogOpen.class,
      CatalogCommand.CatalogHistory.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  faultline catalog save exp.yaml -n team-chaos -m \"longer recovery window\"",
      "  faultline catalog list -n team-chaos",
      "  faultline catalog open checkout-freeze -n team-chaos --version 2 -o exp.yaml",
      "  faultline catalog history checkout-freeze -n team-chaos --context staging"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:ok",
      " 2:the experiment has errors, is too big or does not exist",
      "64:usage error (no such context)",
      "69:the cluster could not be read or written",
      "74:a file could not be read or written"
    })
final class CatalogCommand implements Runnable {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;
  private final CliEnvironment environment;

  CatalogCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What a subcommand does once connected; returns the exit code. */
  @FunctionalInterface
  interface Action {
    int run(CatalogCluster.Connected connected, PrintWriter out, PrintWriter err)
        throws CatalogException, IOException;
  }

  /** Connects, runs {@code action}, and turns failures into messages and exit codes. */
  int connected(CommandSpec sub, CatalogCluster cluster, Action action) {
    PrintWriter out = sub.commandLine().getOut();
    PrintWriter err = sub.commandLine().getErr();
    String command = "catalog " + sub.name();
    try (CliClusters clusters = cluster.clusters(environment)) {
      return action.run(cluster.connect(environment, clusters), out, err);
    } catch (CatalogCluster.UsageError e) {
      err.println(command + ": " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (CatalogException e) {
      err.println(command + ": " + e.getMessage());
      return e.getCause() instanceof KubernetesClientException
          ? ExitCodes.CLUSTER
          : ExitCodes.PROBLEMS;
    } catch (IOException e) {
      err.println(command + ": " + e.getMessage());
      return ExitCodes.IO_ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  static String when(Instant instant) {
    return instant == null ? "-" : WHEN.format(instant);
  }

  /** {@code catalog list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      exitCodeOnInvalidInput = ExitCodes.USAGE,
      description = "Lists the experiments of the catalog with their latest version.")
  static final class CatalogList implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand CatalogCommand parent;
    @Mixin CatalogCluster cluster = new CatalogCluster();

    @Override
    public Integer call() {
      return parent.connected(
          spec,
          cluster,
          (connected, out, err) -> {
            CatalogListing listing = connected.catalog().list();
            for (CatalogProblem problem : listing.problems()) {
              err.println("warning: " + problem);
            }
            if (listing.entries().isEmpty()) {
              err.println("catalog list: no experiments in " + connected.where());
              return ExitCodes.OK;
            }
            var table = new TextTable("NAME", "VERSION", "SAVED BY", "SAVED AT", "DESCRIPTION");
            for (CatalogEntry entry : listing.entries()) {
              CatalogVersion latest = entry.latest();
              table.row(
                  latest.name(),
                  String.valueOf(latest.version()),
                  latest.savedBy(),
                  when(latest.savedAt()),
                  TextTable.firstLine(latest.description()));
            }
            table.print(out);
            return ExitCodes.OK;
          });
    }
  }

  /** {@code catalog save FILE}. */
  @Command(
      name = "save",
      mixinStandardHelpOptions = true,
      exitCodeOnInvalidInput = ExitCodes.USAGE,
      description = {
        "Saves an experiment file as the next version of its metadata.name.",
        "Saving the same content as the latest version writes nothing."
      })
  static final class CatalogSave implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand CatalogCommand parent;
    @Mixin CatalogCluster cluster = new CatalogCluster();

    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file.")
    Path file;

    @Option(
        names = {"-m", "--message"},
        paramLabel = "TEXT",
        description = "Why this version, shown in the history.")
    String message = "";

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      ReadResult read = new ExperimentReader().read(file).validated(Validator.standard());
      if (read.experiment().isEmpty() || read.hasErrors()) {
        ProblemPrinter.text(
            read.problems().stream()
                .filter(Problem::isError)
                .map(p -> new ProblemPrinter.FileProblem(file.toString(), p))
                .toList(),
            err);
        err.println("catalog save: " + file + " has errors; fix them before sharing it");
        err.flush();
        return ExitCodes.PROBLEMS;
      }
      return parent.connected(
          spec,
          cluster,
          (connected, out, e) -> {
            SaveResult saved = connected.catalog().save(read.experiment().get(), message);
            CatalogVersion v = saved.version();
            out.println(
                (saved.created()
                        ? "saved " + v.name() + " version " + v.version()
                        : "unchanged: version " + v.version() + " of " + v.name() + " holds it")
                    + " in "
                    + connected.where()
                    + " (configmap "
                    + v.configMap()
                    + ")");
            return ExitCodes.OK;
          });
    }
  }

  /** {@code catalog open NAME}. */
  @Command(
      name = "open",
      exitCodeOnInvalidInput = ExitCodes.USAGE,
      description = {
        "Writes a version of an experiment (default: the latest) to a file or stdout.",
        "Its problems are printed like a file's; the exit code is 2 when it has errors."
      })
  static final class CatalogOpen implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand CatalogCommand parent;
    @Mixin CatalogCluster cluster = new CatalogCluster();

    @Parameters(index = "0", paramLabel = "NAME", description = "The experiment's name.")
    String name;

    // Not mixinStandardHelpOptions: its --version (print Faultline's version) would clash with this
    // command's --version N, and picocli then drops -h/--help as well.
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help message and exit.")
    boolean help;

    @Option(
        names = "--version",
        paramLabel = "N",
        description = "The version to open (default: the latest).")
    Integer version;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write here (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
      if (version != null && version < 1) {
        spec.commandLine().getErr().println("catalog open: --version is 1 or more");
        return ExitCodes.USAGE;
      }
      return parent.connected(
          spec,
          cluster,
          (connected, out, err) -> {
            OpenedExperiment opened =
                version == null
                    ? connected.catalog().open(name)
                    : connected.catalog().open(name, version);
            if (output == null) {
              out.print(opened.text());
            } else {
              AtomicFiles.write(output, opened.text());
              err.println("catalog open: wrote " + opened.origin() + " to " + output);
            }
            String shownAs = output == null ? opened.origin() : output.toString();
            ProblemPrinter.text(
                opened.read().problems().stream()
                    .map(p -> new ProblemPrinter.FileProblem(shownAs, p))
                    .toList(),
                err);
            return opened.read().hasErrors() ? ExitCodes.PROBLEMS : ExitCodes.OK;
          });
    }
  }

  /** {@code catalog history NAME}. */
  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      exitCodeOnInvalidInput = ExitCodes.USAGE,
      description = "Lists every version of an experiment, oldest first.")
  static final class CatalogHistory implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand CatalogCommand parent;
    @Mixin CatalogCluster cluster = new CatalogCluster();

    @Parameters(index = "0", paramLabel = "NAME", description = "The experiment's name.")
    String name;

    @Override
    public Integer call() {
      return parent.connected(
          spec,
          cluster,
          (connected, out, err) -> {
            List<CatalogVersion> versions = connected.catalog().history(name);
            var table = new TextTable("VERSION", "SAVED BY", "SAVED AT", "MESSAGE");
            for (CatalogVersion v : versions) {
              table.row(
                  String.valueOf(v.version()),
                  v.savedBy(),
                  when(v.savedAt()),
                  TextTable.firstLine(v.message()));
            }
            table.print(out);
            return ExitCodes.OK;
          });
    }
  }
}
