package dev.faultline.cli;

import dev.faultline.sandbox.PrometheusScrapeConfig;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code faultline sandbox}: runs the embedded sandbox cluster until Ctrl-C or SIGTERM. Prints one
 * line, {@code KUBECONFIG=...}, on standard output (so {@code export $(faultline sandbox ...)} and
 * scripts can read it) and everything else on standard error.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = {
      "Starts the embedded sandbox Kubernetes cluster on 127.0.0.1: a seeded demo world",
      "(nodes, namespaces shop/payments/monitoring/kube-system, deployments, pods, services),",
      "simulated controllers and demo HTTP services. Real kubectl works against it.",
      "Prints KUBECONFIG=PATH and runs until Ctrl-C."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:stopped with Ctrl-C",
      "64:usage error (--port, --pods or --churn out of range)",
      "74:the sandbox could not start, or a file could not be written"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  faultline sandbox",
      "  faultline sandbox --port 6443 --pods 10000 --seed 7",
      "  faultline sandbox --prometheus-config /tmp/sandbox-prometheus.yml",
      "  KUBECONFIG=$(faultline sandbox --kubeconfig /tmp/sb.yaml | cut -d= -f2) kubectl get pods -A"
    })
final class SandboxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "API port on 127.0.0.1 (default: a free port).")
  int port;

  @Option(
      names = "--pods",
      paramLabel = "N",
      description = "Grow the demo world to about N pods (e.g. 10000).")
  int pods;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed for names and random choices (default: ${DEFAULT-VALUE}).")
  long seed = SandboxOptions.DEFAULT_SEED;

  @Option(
      names = "--churn",
      paramLabel = "EVENTS_PER_S",
      description = "Background pod deletes and label flips per second.")
  double churn;

  @Option(
      names = "--kubeconfig",
      paramLabel = "PATH",
      description =
          "Where to write the kubeconfig (default: in the Faultline data directory; ~/.kube/config is never touched).")
  Path kubeconfig;

  @Option(
      names = "--prometheus-config",
      paramLabel = "FILE",
      description =
          "Also write a Prometheus configuration that scrapes the demo services' /metrics every second.")
  Path prometheusConfig;

  @Override
  public Integer call() throws InterruptedException {
    var err = spec.commandLine().getErr();
    if (port < 0 || port > 65535 || pods < 0 || churn < 0) {
      err.println("sandbox: --port must be 0..65535, --pods and --churn 0 or more");
      return ExitCodes.USAGE;
    }
    long started = System.nanoTime();
    Sandbox sandbox;
    try {
      sandbox =
          Sandbox.start(
              SandboxOptions.defaults()
                  .withPort(port)
                  .withPods(pods)
                  .withSeed(seed)
                  .withChurn(churn)
                  .withKubeconfig(kubeconfig));
    } catch (RuntimeException e) {
      err.println("sandbox: " + e.getMessage());
      return ExitCodes.IO_ERROR;
    }
    if (prometheusConfig != null) {
      try {
        Files.writeString(
            prometheusConfig,
            PrometheusScrapeConfig.render(sandbox.demoUrls(), Duration.ofSeconds(1)));
      } catch (IOException e) {
        sandbox.close();
        err.println("sandbox: cannot write " + prometheusConfig + ": " + e.getMessage());
        return ExitCodes.IO_ERROR;
      }
    }
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sandbox.close();
                  stopped.countDown();
                },
                "sandbox-shutdown"));
    var out = spec.commandLine().getOut();
    out.println("KUBECONFIG=" + sandbox.kubeconfig().toAbsolutePath());
    out.flush();
    err.printf(
        "sandbox API %s (context faultline-sandbox), %d objects, started in %d ms%n",
        sandbox.url(), sandbox.seededObjects(), (System.nanoTime() - started) / 1_000_000);
    sandbox
        .demoUrls()
        .forEach(
            (key, url) ->
                err.printf("  demo service %s/%s  %s/health%n", key.namespace(), key.name(), url));
    if (prometheusConfig != null) {
      printPrometheusHint(err);
    }
    err.println("Ctrl-C stops the sandbox.");
    err.flush();
    stopped.await();
    return ExitCodes.OK;
  }

  /**
   * How to start Prometheus on the written file and let experiments reach it by its cluster name.
   */
  private void printPrometheusHint(PrintWriter err) {
    String file = prometheusConfig.toAbsolutePath().toString();
    err.println("Prometheus config for the demo services: " + file);
    err.println("  prometheus --config.file=" + file + " --web.listen-address=127.0.0.1:9090");
    err.println(
        "  kubectl annotate service -n monitoring prometheus"
            + " faultline.dev/demo-url=http://127.0.0.1:9090 --overwrite");
    err.println("  (then probes calling http://prometheus.monitoring:9090 reach that Prometheus)");
  }
}
