package dev.faultline.bench;

import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.Churn;
import dev.faultline.sandbox.world.ClusterView;
import dev.faultline.sandbox.world.ControllerTimings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The benchmark's sandbox in a JVM of its own, so that its API server, controllers and churn do not
 * share the client's heap, garbage collector and JIT: {@code BenchSandbox PODS KUBECONFIG}. Like
 * {@code faultline sandbox} it prints {@code KUBECONFIG=PATH} once serving; then it reads commands
 * on standard input: {@code churn N} starts N events per second (replying {@code churning}); end of
 * input stops it.
 */
public final class BenchSandbox {
  private BenchSandbox() {}

  public static void main(String[] args) throws Exception {
    int pods = Integer.parseInt(args[0]);
    Path kubeconfig = Path.of(args[1]);
    try (Sandbox sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withPods(pods)
                .withDemoServices(false)
                .withTimings(ControllerTimings.FAST)
                .withKubeconfig(kubeconfig))) {
      System.out.println("KUBECONFIG=" + sandbox.kubeconfig().toAbsolutePath());
      System.out.flush();
      Churn churn = null;
      var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("churn ") && churn == null) {
          churn = new Churn(new ClusterView(sandbox.store()), new SplittableRandom(1));
          churn.start(Double.parseDouble(line.substring("churn ".length()).trim()));
          System.out.println("churning");
          System.out.flush();
        }
      }
      if (churn != null) {
        churn.close();
      }
    }
    System.exit(0);
  }
}
