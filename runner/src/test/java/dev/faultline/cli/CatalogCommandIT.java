package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code faultline catalog} against a sandbox: reached through {@code --kubeconfig} like any
 * cluster, and through {@code --sandbox} as the running app's sandbox (its kubeconfig in the data
 * directory).
 */
class CatalogCommandIT {
  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static CliEnvironment environment;
  private StringWriter out;
  private StringWriter err;

  @BeforeAll
  static void start() throws Exception {
    Path data = dir.resolve("data");
    environment = new CliEnvironment(Map.of(), Files.createDirectories(dir.resolve("home")), data);
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(environment.sandboxKubeconfig())
                .withDemoServices(false)
                .withTimings(ControllerTimings.FAST));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void streams() {
    out = new StringWriter();
    err = new StringWriter();
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine(environment);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private String kubeconfig() {
    return sandbox.kubeconfig().toString();
  }

  @Test
  void saveListHistoryAndOpenThroughTheKubeconfig() throws Exception {
    Path file = Examples.dir().resolve("checkout-freeze-and-recover.yaml");
    Experiment experiment = new ExperimentReader().read(file).experiment().orElseThrow();
    String name = experiment.metadata().name();

    int saved =
        run(
            "catalog",
            "save",
            file.toString(),
            "-n",
            "shop",
            "-m",
            "first",
            "--kubeconfig",
            kubeconfig());
    assertThat(saved).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith("saved " + name + " version 1 in namespace \"shop\" of context")
        .contains("(configmap faultline-exp-" + name + "-v1)");

    streams();
    assertThat(run("catalog", "save", file.toString(), "-n", "shop", "--kubeconfig", kubeconfig()))
        .isZero();
    assertThat(out.toString()).startsWith("unchanged: version 1 of " + name + " holds it");

    streams();
    assertThat(run("catalog", "list", "-n", "shop", "--kubeconfig", kubeconfig())).isZero();
    assertThat(out.toString().lines().toList())
        .first()
        .asString()
        .startsWith("NAME")
        .contains("VERSION", "SAVED BY", "SAVED AT", "DESCRIPTION");
    assertThat(out.toString().lines().skip(1).findFirst().orElseThrow())
        .startsWith(name)
        .contains(" 1 ", System.getProperty("user.name"));

    streams();
    assertThat(run("catalog", "history", name, "-n", "shop", "--kubeconfig", kubeconfig()))
        .isZero();
    assertThat(out.toString()).contains("first").startsWith("VERSION");

    streams();
    Path opened = dir.resolve("opened.yaml");
    assertThat(
            run(
                "catalog",
                "open",
                name,
                "--version",
                "1",
                "-o",
                opened.toString(),
                "-n",
                "shop",
                "--kubeconfig",
                kubeconfig()))
        .as(err.toString())
        .isZero();
    assertThat(Files.readString(opened)).isEqualTo(ExperimentFormat.write(experiment, Syntax.YAML));
    assertThat(err.toString()).contains("wrote shop/" + name + " v1 to " + opened);
  }

  @Test
  void sandboxMeansTheRunningAppsSandbox() {
    Path file = Examples.dir().resolve("network-delay.yaml");
    assertThat(run("catalog", "save", file.toString(), "--sandbox", "-n", "payments")).isZero();
    assertThat(out.toString()).contains("of context \"faultline-sandbox\"");

    streams();
    assertThat(run("catalog", "open", "checkout-network-delay", "--sandbox", "-n", "payments"))
        .isZero();
    assertThat(out.toString()).startsWith("apiVersion: faultline.dev/v1alpha1");

    streams();
    var noApp = new CliEnvironment(Map.of(), dir.resolve("home"), dir.resolve("no-app"));
    CommandLine cli = Main.commandLine(noApp);
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("catalog", "list", "--sandbox")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains(
            "catalog list: the embedded sandbox is not running; start the app with --sandbox");
  }

  @Test
  void failuresExitWithTheirCodeAndSayWhere() throws Exception {
    assertThat(run("catalog", "open", "nothing-here", "-n", "default", "--sandbox"))
        .isEqualTo(ExitCodes.PROBLEMS);
    assertThat(err.toString())
        .contains("catalog open: no experiment \"nothing-here\" in namespace \"default\"");

    streams();
    assertThat(run("catalog", "list", "-n", "no-such-team", "--sandbox"))
        .isEqualTo(ExitCodes.PROBLEMS);
    assertThat(err.toString()).contains("namespace \"no-such-team\" does not exist");

    streams();
    sandbox.accessRules().deny("list", "configmaps");
    try {
      assertThat(run("catalog", "list", "-n", "default", "--sandbox")).isEqualTo(ExitCodes.CLUSTER);
      assertThat(err.toString())
          .contains("cannot list experiments in namespace \"default\"", "forbidden (403)");
    } finally {
      sandbox.accessRules().allowAll();
    }

    streams();
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {}\n");
    assertThat(run("catalog", "save", bad.toString(), "--sandbox")).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(err.toString()).contains(bad + ":").contains("has errors; fix them before sharing");
  }
}
