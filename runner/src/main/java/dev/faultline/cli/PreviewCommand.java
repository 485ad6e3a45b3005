package dev.faultline.cli;

import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextRef;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.cluster.KubeconfigException;
import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.LiveSnapshot;
import dev.faultline.cluster.snapshot.SelectedSnapshot;
import dev.faultline.cluster.snapshot.SnapshotState;
import dev.faultline.cluster.snapshot.StaticSnapshot;
import dev.faultline.engine.ClusterRunEnvironment;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.model.Experiment;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.target.LivePreview;
import dev.faultline.target.TargetResolution;
import dev.faultline.target.TargetResolver;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Suggestions;
import dev.faultline.validate.Validator;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faultline preview FILE}: which pods and containers each target of an experiment would hit,
 * resolved against the live cluster, optionally following it ({@code --watch}).
 */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description = {
      "Shows which pods and containers each target of an experiment would hit, resolved",
      "against the cluster now: matched pods, the blast radius's selection, containers,",
      "counts per workload and node, and warnings. Changes nothing in the cluster."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the preview was shown",
      " 2:the file has errors",
      "64:usage error (no such context or target)",
      "69:the cluster could not be reached or read"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  faultline preview docs/examples/checkout-freeze-and-recover.yaml --sandbox",
      "  faultline preview exp.yaml --target checkout --context staging -o json",
      "  faultline preview exp.yaml --watch"
    })
final class PreviewCommand implements Callable<Integer> {
  /** Output forms. */
  enum Output {
    table,
    json,
    yaml
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file.")
  Path file;

  @Option(names = "--target", paramLabel = "NAME", description = "Only this target (default: all).")
  String targetName;

  @Mixin ClusterChoice clusterOptions = new ClusterChoice();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default), json or yaml.")
  Output output = Output.table;

  @Option(
      names = "--watch",
      description = "Keep running and print the preview again whenever it changes.")
  boolean watch;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description =
          "Seed for blast-radius sampling (default: derived from the experiment and target names).")
  Long seed;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReadResult read = new ExperimentReader().read(file).validated(Validator.standard());
    List<Problem> problems = read.problems();
    if (read.experiment().isEmpty() || problems.stream().anyMatch(Problem::isError)) {
      ProblemPrinter.text(
          problems.stream()
              .filter(Problem::isError)
              .map(p -> new ProblemPrinter.FileProblem(file.toString(), p))
              .toList(),
          err);
      err.println(file + ": cannot preview a file with errors");
      return ExitCodes.PROBLEMS;
    }
    Experiment experiment = read.experiment().get();
    Map<String, Target> targets = chooseTargets(experiment, err);
    if (targets == null) {
      return ExitCodes.USAGE;
    }
    Duration wait = clusterOptions.timeout();
    KubeContexts contexts = clusterOptions.contexts(KubeContexts.system());
    try (var connector = clusterOptions.connector(contexts, "preview", false)) {
      ClusterTarget cluster;
      try {
        cluster = clusterOptions.choose(contexts.discover(), experiment, err, "preview");
      } catch (IllegalArgumentException e) {
        err.println("preview: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      // Targets that name another context are resolved in that context's cluster: each must be
      // in the kubeconfig, as for a run.
      var groups = PreviewClusters.byContext(targets, cluster.contextName());
      List<String> others =
          groups.keySet().stream().filter(c -> !c.equals(cluster.contextName())).toList();
      List<String> missing = ClusterRunEnvironment.missing(contexts, others);
      if (!missing.isEmpty()) {
        missing.forEach(m -> err.println("preview: the experiment names " + m));
        return ExitCodes.USAGE;
      }
      List<ContextRef> known = others.isEmpty() ? List.of() : contexts.discover().contexts();
      try (PreviewClusters clusters =
          PreviewClusters.open(connector, cluster, known, targets, err)) {
        return show(experiment, targets, cluster, clusters, wait, out, err);
      } catch (KubeconfigException e) {
        err.println("preview: " + e.getMessage());
        return ExitCodes.CLUSTER;
      }
    }
  }

  private int show(
      Experiment experiment,
      Map<String, Target> targets,
      ClusterTarget cluster,
      PreviewClusters clusters,
      Duration wait,
      PrintWriter out,
      PrintWriter err)
      throws Exception {
    var render = new PreviewRenderer(experiment, cluster.label(), cluster.contextName(), output);
    List<PreviewClusters.Side> sides = clusters.sides();
    // The first answer races the full snapshot: a label-selected list per target is shown if it
    // comes back while the snapshot is still syncing (machine-readable output gets one document
    // unless watching). Only for one cluster: a grouped first answer would need every side's.
    CompletableFuture<Map<String, TargetResolution>> first =
        (output == Output.table || watch) && sides.size() == 1 && !render.multiCluster(targets)
            ? FirstAnswer.start(sides.getFirst().client(), experiment, targets, this::seedFor)
            : null;
    long deadline = System.nanoTime() + wait.toNanos();
    while (syncing(sides) != null && System.nanoTime() < deadline) {
      if (first != null && first.isDone()) {
        Map<String, TargetResolution> quick = first.getNow(null);
        if (quick != null && syncing(sides) != null) {
          render.printFirst(quick, out);
        }
        first = null;
      }
      Thread.sleep(10);
    }
    if (first != null) {
      first.cancel(true);
    }
    PreviewClusters.Side slow = syncing(sides);
    if (slow != null) {
      err.println(
          "preview: "
              + slow.label()
              + " did not answer within "
              + clusterOptions.timeout
              + ": "
              + slow.snapshot().state().message());
      return ExitCodes.CLUSTER;
    }
    for (PreviewClusters.Side side : sides) {
      if (side.snapshot().state().phase() == SnapshotState.Phase.STALE) {
        err.println(
            "preview: cannot read " + side.label() + ": " + side.snapshot().state().message());
        return ExitCodes.CLUSTER;
      }
    }
    // One LivePreview per target: the first call resolves from scratch, later ones patch.
    var previews = new LinkedHashMap<String, LivePreview>();
    var safety = experiment.spec().effectiveSafety().effectiveNamespaces();
    targets.forEach(
        (name, target) ->
            previews.put(name, new LivePreview(target, safety, seedFor(experiment, name))));
    Map<String, LiveSnapshot> snapshotOf = clusters.snapshotOfTarget();
    Map<String, TargetResolution> last = resolveAll(previews, snapshotOf);
    render.print(last, clusters.snapshots(), out);
    if (!watch) {
      return ExitCodes.OK;
    }
    watchLoop(previews, clusters, render, last, out);
    return ExitCodes.OK;
  }

  /** The first side whose snapshot still syncs, or null. */
  private static PreviewClusters.Side syncing(List<PreviewClusters.Side> sides) {
    return sides.stream()
        .filter(s -> s.snapshot().state().phase() == SnapshotState.Phase.SYNCING)
        .findFirst()
        .orElse(null);
  }

  private void watchLoop(
      Map<String, LivePreview> previews,
      PreviewClusters clusters,
      PreviewRenderer render,
      Map<String, TargetResolution> last,
      PrintWriter out)
      throws InterruptedException {
    var changed = new java.util.concurrent.Semaphore(0);
    clusters.sides().forEach(s -> s.snapshot().onChange(changed::release));
    Map<String, LiveSnapshot> snapshotOf = clusters.snapshotOfTarget();
    long seen = clusters.version();
    while (!Thread.currentThread().isInterrupted()) {
      changed.acquire();
      Thread.sleep(100); // coalesce bursts of events into one re-render
      changed.drainPermits();
      if (clusters.version() == seen) {
        continue;
      }
      seen = clusters.version();
      Map<String, TargetResolution> now = resolveAll(previews, snapshotOf);
      if (!render.sameAsShown(last, now)) {
        render.printChange(last, now, clusters.snapshots(), out);
        last = now;
      }
    }
  }

  /**
   * Every target at its snapshot's current version, each patched from its previous result; {@code
   * snapshotOf} gives each target's cluster.
   */
  static Map<String, TargetResolution> resolveAll(
      Map<String, LivePreview> previews, Map<String, LiveSnapshot> snapshotOf) {
    var results = new LinkedHashMap<String, TargetResolution>();
    previews.forEach((name, preview) -> results.put(name, preview.resolve(snapshotOf.get(name))));
    return results;
  }

  /** Seeds per target, as {@link #seedFor}. */
  @FunctionalInterface
  interface SeedFor {
    long seed(Experiment experiment, String target);
  }

  /**
   * The first answer while the full snapshot syncs: per target, the pods its label selector picks,
   * listed server-side ({@link SelectedSnapshot}), resolved as usual. It selects the same pods the
   * full snapshot will; only replica counts (so the whole-workload warning) are provisional.
   */
  static final class FirstAnswer {
    private FirstAnswer() {}

    /**
     * Lists and resolves on virtual threads; null when some Pod target has no label selector (its
     * selected list would be the whole scope, no faster than the snapshot) or none is a Pod target.
     * The future completes with null when a list fails: the full snapshot reports the cluster's
     * errors.
     */
    static CompletableFuture<Map<String, TargetResolution>> start(
        KubernetesClient client,
        Experiment experiment,
        Map<String, Target> targets,
        SeedFor seeds) {
      boolean pods = false;
      for (Target t : targets.values()) {
        if (t.effectiveKind() == TargetKind.POD
            && (t.labelSelector() == null || t.labelSelector().isBlank())) {
          return null;
        }
        pods |= t.effectiveKind() == TargetKind.POD;
      }
      if (!pods) {
        return null; // other kinds do not wait for pods: nothing to answer early
      }
      var answer = new CompletableFuture<Map<String, TargetResolution>>();
      Thread.ofVirtual()
          .name("preview-first-answer")
          .start(() -> answer.complete(resolve(client, experiment, targets, seeds)));
      return answer;
    }

    private static Map<String, TargetResolution> resolve(
        KubernetesClient client,
        Experiment experiment,
        Map<String, Target> targets,
        SeedFor seeds) {
      var safety = experiment.spec().effectiveSafety().effectiveNamespaces();
      try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        var futures = new LinkedHashMap<String, Future<TargetResolution>>();
        targets.forEach(
            (name, target) ->
                futures.put(
                    name,
                    executor.submit(
                        () -> {
                          ClusterSnapshot selected =
                              target.effectiveKind() == TargetKind.POD
                                  ? SelectedSnapshot.fetch(
                                      client,
                                      dev.faultline.target.SnapshotScope.namespaces(
                                          List.of(target)),
                                      target.labelSelector(),
                                      Clock.systemUTC())
                                  : new StaticSnapshot(
                                      0, List.of(), List.of(), List.of(), List.of());
                          return TargetResolver.resolve(
                              target, selected, safety, seeds.seed(experiment, name));
                        })));
        var results = new LinkedHashMap<String, TargetResolution>();
        for (var e : futures.entrySet()) {
          results.put(e.getKey(), e.getValue().get());
        }
        return results;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (ExecutionException | RuntimeException e) {
        return null;
      }
    }
  }

  /** Stable per experiment and target, so a preview and a later run of it choose alike. */
  long seedFor(Experiment experiment, String target) {
    if (seed != null) {
      return seed;
    }
    return dev.faultline.target.Seeds.forTarget(experiment.metadata().name(), target);
  }

  private Map<String, Target> chooseTargets(Experiment experiment, PrintWriter err) {
    Map<String, Target> all = experiment.spec().targets();
    if (targetName == null) {
      if (all.isEmpty()) {
        err.println("preview: " + file + " defines no targets");
        return null;
      }
      return all;
    }
    Target one = all.get(targetName);
    if (one == null) {
      err.println(
          "preview: no target '"
              + targetName
              + "' in "
              + file
              + Suggestions.didYouMean(targetName, all.keySet())
              + "; targets: "
              + String.join(", ", all.keySet()));
      return null;
    }
    return Map.of(targetName, one);
  }
}
