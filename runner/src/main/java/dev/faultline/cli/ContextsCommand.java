package dev.faultline.cli;

import dev.faultline.cluster.ContextDiscovery;
import dev.faultline.cluster.ContextRef;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.cluster.KubeconfigProblem;
import dev.faultline.safety.ProtectedContexts;
import dev.faultline.safety.RunGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code faultline contexts}: lists the kubeconfig contexts with their server, namespace and
 * whether they are protected; {@code contexts protect NAME} and {@code contexts unprotect NAME}
 * change the protection, stored in Faultline's own settings (kubeconfig files are never written).
 */
@Command(
    name = "contexts",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = {
      "Lists the kubeconfig contexts (KUBECONFIG, else ~/.kube/config, or --kubeconfig) with",
      "their server, default namespace and protection; * marks the current context.",
      "Runs against a protected context need --yes-i-mean-CONTEXT on the command line."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:ok",
      " 2:the protected-contexts settings could not be read",
      "64:usage error",
      "74:the settings could not be written (protect, unprotect)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  faultline contexts",
      "  faultline contexts protect prod-eu",
      "  faultline contexts unprotect prod-eu",
      "  faultline contexts --kubeconfig ~/clusters/eks.yaml"
    })
final class ContextsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--kubeconfig",
      paramLabel = "PATH",
      scope = ScopeType.INHERIT,
      description = "Read this kubeconfig file instead of KUBECONFIG or ~/.kube/config.")
  Path kubeconfig;

  private final CliEnvironment environment;

  ContextsCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ContextDiscovery found = kubeContexts().discover();
    ProtectedContexts protectedContexts;
    try {
      protectedContexts = ProtectedContexts.load(environment.protectedContextsFile());
    } catch (IOException e) {
      err.println("contexts: " + e.getMessage());
      err.flush();
      return ExitCodes.PROBLEMS;
    }
    reportProblems(found, err);
    if (!found.kubeconfigExists()) {
      err.println("no kubeconfig found (looked in " + files(found.files()) + ")");
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("CURRENT", "NAME", "SERVER", "NAMESPACE", "PROTECTED"));
    String current = found.current().map(ContextRef::name).orElse("");
    for (ContextRef context : found.contexts()) {
      rows.add(
          List.of(
              context.name().equals(current) ? "*" : "",
              context.name(),
              context.server().isEmpty() ? "(no cluster)" : context.server(),
              context.namespace(),
              protectedContexts.isProtected(context.name()) ? "yes" : ""));
    }
    if (!found.contexts().isEmpty()) {
      printTable(rows, out);
    }
    List<String> strays =
        protectedContexts.names().stream()
            .filter(name -> found.contexts().stream().noneMatch(c -> c.name().equals(name)))
            .toList();
    if (!strays.isEmpty()) {
      err.println("protected, but not in this kubeconfig: " + String.join(", ", strays));
    }
    out.flush();
    err.flush();
    return ExitCodes.OK;
  }

  @Command(
      name = "protect",
      exitCodeOnInvalidInput = ExitCodes.USAGE,
      mixinStandardHelpOptions = true,
      description = {
        "Marks a context protected (production): runs against it then need",
        "--yes-i-mean-CONTEXT. Stored in Faultline's settings, not in the kubeconfig."
      })
  int protect(@Parameters(paramLabel = "NAME", description = "The context name.") String name) {
    return change(name, true);
  }

  @Command(
      name = "unprotect",
      exitCodeOnInvalidInput = ExitCodes.USAGE,
      mixinStandardHelpOptions = true,
      description = "Lifts the protection of a context.")
  int unprotect(@Parameters(paramLabel = "NAME", description = "The context name.") String name) {
    return change(name, false);
  }

  private int change(String name, boolean protect) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (name.isBlank()) {
      err.println("contexts: name a context");
      err.flush();
      return ExitCodes.USAGE;
    }
    try {
      ProtectedContexts before = ProtectedContexts.load(environment.protectedContextsFile());
      boolean was = before.isProtected(name);
      ProtectedContexts after = protect ? before.protect(name) : before.unprotect(name);
      if (protect) {
        out.println(
            was
                ? "context \"" + name + "\" was already protected"
                : "protected context \""
                    + name
                    + "\": runs against it now need "
                    + RunGuard.flag(name));
        ContextDiscovery found = kubeContexts().discover();
        if (found.contexts().stream().noneMatch(c -> c.name().equals(name))) {
          err.println(
              "note: no context \""
                  + name
                  + "\" in "
                  + files(found.files())
                  + "; it is protected anyway");
        }
      } else {
        out.println(
            was
                ? "context \"" + name + "\" is no longer protected"
                : "context \"" + name + "\" was not protected");
      }
      out.println("(settings: " + after.file() + ")");
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println("contexts: " + e.getMessage());
      return ExitCodes.IO_ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private KubeContexts kubeContexts() {
    return environment.kubeContexts().overriddenBy(Optional.ofNullable(kubeconfig));
  }

  private static void reportProblems(ContextDiscovery found, PrintWriter err) {
    for (KubeconfigProblem problem : found.problems()) {
      err.println("warning: " + problem);
    }
  }

  private static String files(List<Path> files) {
    return files.stream().map(Path::toString).collect(Collectors.joining(", "));
  }

  /** Left-aligned columns two spaces apart, like {@code kubectl get}. */
  static void printTable(List<List<String>> rows, PrintWriter out) {
    int columns = rows.getFirst().size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row.get(i));
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
