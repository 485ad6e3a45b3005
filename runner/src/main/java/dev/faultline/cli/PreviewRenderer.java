package dev.faultline.cli;

import dev.faultline.cluster.snapshot.ClusterSnapshot;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.format.JsonText;
import dev.faultline.format.YamlText;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.model.Target;
import dev.faultline.target.NodeCount;
import dev.faultline.target.SelectedPod;
import dev.faultline.target.SelectionDiff;
import dev.faultline.target.TargetResolution;
import dev.faultline.target.TargetWarning;
import dev.faultline.target.WorkloadCount;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prints preview results as an aligned table, JSON or YAML. When a target lives in another context
 * than the run's, the table groups targets under a heading per context (the run's first) and JSON
 * and YAML give each target its {@code context}; otherwise the output is the single-cluster one.
 */
final class PreviewRenderer {
  private final Experiment experiment;
  private final String cluster;
  private final String runContext;
  private final PreviewCommand.Output output;

  PreviewRenderer(Experiment experiment, String cluster, PreviewCommand.Output output) {
    this(experiment, cluster, null, output);
  }

  /**
   * @param cluster how the run's cluster is labelled
   * @param runContext the run's context name; null: every target is shown as the run's
   */
  PreviewRenderer(
      Experiment experiment, String cluster, String runContext, PreviewCommand.Output output) {
    this.experiment = experiment;
    this.cluster = cluster;
    this.runContext = runContext;
    this.output = output;
  }

  /** The context target {@code name} is resolved in. */
  String contextOf(String name) {
    if (runContext == null) {
      return "";
    }
    Target target = experiment.spec().targets().get(name);
    return ClusterContexts.resolve(target == null ? null : target.context(), runContext);
  }

  /** Whether any of these targets lives in another context than the run's. */
  boolean multiCluster(Map<String, ?> targets) {
    return runContext != null
        && targets.keySet().stream().anyMatch(n -> !contextOf(n).equals(runContext));
  }

  /** Said of a first answer's workload counts, in every output form. */
  static final String PROVISIONAL =
      "replicas count only the pods the label selector listed: workload counts and the"
          + " whole-workload warning are provisional until the full snapshot has synced";

  private boolean firstShown;

  void print(Map<String, TargetResolution> results, ClusterSnapshot snapshot, PrintWriter out) {
    print(results, Map.of(runContext == null ? "" : runContext, snapshot), out);
  }

  /**
   * The results, with each context's snapshot ({@code snapshots} by context, the run's first; a
   * single-cluster preview has one).
   */
  void print(
      Map<String, TargetResolution> results,
      Map<String, ? extends ClusterSnapshot> snapshots,
      PrintWriter out) {
    if (multiCluster(results)) {
      printGrouped(results, snapshots, out);
      return;
    }
    ClusterSnapshot snapshot = snapshots.values().iterator().next();
    switch (output) {
      case json -> out.print(JsonText.write(tree(results, snapshotNode(snapshot))));
      case yaml -> out.print(YamlText.write(tree(results, snapshotNode(snapshot))));
      default -> {
        if (firstShown) {
          out.println();
          out.println("── the full snapshot has synced ──");
        }
        table(results, header(snapshot), false, out);
      }
    }
    out.flush();
  }

  /**
   * The first answer, from label-selected lists while the full snapshot syncs ({@code
   * SelectedSnapshot}): the same matched and selected pods as the full result, with workload counts
   * marked provisional where it shows any.
   */
  void printFirst(Map<String, TargetResolution> results, PrintWriter out) {
    firstShown = true;
    switch (output) {
      case json, yaml -> {
        var snap = new LinkedHashMap<String, Object>();
        snap.put("state", "syncing");
        snap.put("firstAnswer", true);
        if (results.values().stream().anyMatch(PreviewRenderer::provisional)) {
          snap.put("note", PROVISIONAL);
        }
        Map<String, Object> tree = tree(results, snap);
        out.print(
            output == PreviewCommand.Output.json ? JsonText.write(tree) : YamlText.write(tree));
      }
      default ->
          table(
              results,
              cluster
                  + " · first answer from the pods each target's label selector picks (listed"
                  + " server-side); the full snapshot is syncing",
              true,
              out);
    }
    out.flush();
  }

  /** Whether a first answer's counts may change with the full snapshot: it shows workloads. */
  static boolean provisional(TargetResolution r) {
    return r.workloads().stream().anyMatch(w -> w.matched() > 0);
  }

  /** After a change while watching: a timestamped header and what moved, then the new state. */
  void printChange(
      Map<String, TargetResolution> before,
      Map<String, TargetResolution> after,
      ClusterSnapshot snapshot,
      PrintWriter out) {
    printChange(before, after, Map.of(runContext == null ? "" : runContext, snapshot), out);
  }

  /**
   * {@link #printChange}, with each context's snapshot as {@link #print(Map, Map, PrintWriter)}.
   */
  void printChange(
      Map<String, TargetResolution> before,
      Map<String, TargetResolution> after,
      Map<String, ? extends ClusterSnapshot> snapshots,
      PrintWriter out) {
    if (output != PreviewCommand.Output.table) {
      print(after, snapshots, out);
      return;
    }
    out.println();
    out.println(
        "── " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " ─ the cluster changed ──");
    after.forEach(
        (name, now) -> {
          TargetResolution was = before.get(name);
          if (was != null) {
            SelectionDiff diff = was.diff(now);
            diff.added().forEach(p -> out.println("  + " + name + ": " + p.key()));
            diff.removed().forEach(p -> out.println("  - " + name + ": " + p.key()));
          }
        });
    if (multiCluster(after)) {
      groupedTable(after, snapshots, out);
    } else {
      table(after, header(snapshots.values().iterator().next()), false, out);
    }
    out.flush();
  }

  private void printGrouped(
      Map<String, TargetResolution> results,
      Map<String, ? extends ClusterSnapshot> snapshots,
      PrintWriter out) {
    switch (output) {
      case json -> out.print(JsonText.write(groupedTree(results, snapshots)));
      case yaml -> out.print(YamlText.write(groupedTree(results, snapshots)));
      default -> {
        if (firstShown) {
          out.println();
          out.println("── the full snapshot has synced ──");
        }
        groupedTable(results, snapshots, out);
      }
    }
    out.flush();
  }

  /** A heading per context, the run's first and marked as such, then its targets. */
  private void groupedTable(
      Map<String, TargetResolution> results,
      Map<String, ? extends ClusterSnapshot> snapshots,
      PrintWriter out) {
    boolean blank = false;
    for (var group : byContext(results, snapshots.keySet()).entrySet()) {
      if (blank) {
        out.println();
      }
      blank = true;
      String context = group.getKey();
      ClusterSnapshot snapshot = snapshots.get(context);
      out.println(
          "CONTEXT "
              + context
              + (context.equals(runContext) ? " (the run's context)" : "")
              + (snapshot == null ? "" : " · " + snapshotWords(snapshot)));
      table(group.getValue(), null, false, out);
    }
  }

  /** Results by context: in the order of {@code order}, then any other context as met. */
  private Map<String, Map<String, TargetResolution>> byContext(
      Map<String, TargetResolution> results, java.util.Collection<String> order) {
    var groups = new LinkedHashMap<String, Map<String, TargetResolution>>();
    order.forEach(c -> groups.put(c, new LinkedHashMap<>()));
    results.forEach(
        (name, r) ->
            groups.computeIfAbsent(contextOf(name), k -> new LinkedHashMap<>()).put(name, r));
    groups.values().removeIf(Map::isEmpty);
    return groups;
  }

  private Map<String, Object> groupedTree(
      Map<String, TargetResolution> results, Map<String, ? extends ClusterSnapshot> snapshots) {
    ClusterSnapshot own = snapshots.get(runContext);
    Map<String, Object> root =
        tree(results, snapshotNode(own != null ? own : snapshots.values().iterator().next()));
    var contexts = new ArrayList<Object>();
    snapshots.forEach(
        (context, snapshot) -> {
          var c = new LinkedHashMap<String, Object>();
          c.put("name", context);
          c.put("run", context.equals(runContext));
          c.put("snapshot", snapshotNode(snapshot));
          contexts.add(c);
        });
    var ordered = new LinkedHashMap<String, Object>();
    root.forEach(
        (k, v) -> {
          if (k.equals("targets")) {
            ordered.put("contexts", contexts);
          }
          ordered.put(k, v);
        });
    return ordered;
  }

  /**
   * Whether {@code b} would print as {@code a} did: the same matched count, selected pods (the
   * fields printed, and containers), counts per workload and node, and warnings.
   */
  boolean sameAsShown(Map<String, TargetResolution> a, Map<String, TargetResolution> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (var e : a.entrySet()) {
      TargetResolution was = e.getValue();
      TargetResolution now = b.get(e.getKey());
      if (was.matched().size() != now.matched().size()
          || !shown(was.selected()).equals(shown(now.selected()))
          || !was.workloads().equals(now.workloads())
          || !was.nodes().equals(now.nodes())
          || !was.zones().equals(now.zones())
          || !Objects.equals(was.warnings(), now.warnings())) {
        return false;
      }
    }
    return true;
  }

  /** The fields of selected pods that the table and JSON print. */
  private static List<List<Object>> shown(List<SelectedPod> selected) {
    var rows = new ArrayList<List<Object>>(selected.size());
    for (SelectedPod s : selected) {
      PodView p = s.pod();
      rows.add(
          List.of(
              p.namespace(),
              p.name(),
              p.node(),
              String.valueOf(p.ownerKind()),
              String.valueOf(p.ownerName()),
              String.valueOf(p.workloadKind()),
              String.valueOf(p.workloadName()),
              p.ready(),
              s.containers()));
    }
    return rows;
  }

  private String header(ClusterSnapshot snapshot) {
    return cluster + " · " + snapshotWords(snapshot);
  }

  private static String snapshotWords(ClusterSnapshot snapshot) {
    return "snapshot "
        + snapshot.state().phase().name().toLowerCase(java.util.Locale.ROOT)
        + " · "
        + snapshot.pods().size()
        + " pods watched";
  }

  /** The targets' tables, under {@code header} unless it is null. */
  private void table(
      Map<String, TargetResolution> results, String header, boolean first, PrintWriter out) {
    if (header != null) {
      out.println(header);
    }
    results.forEach(
        (name, r) -> {
          out.println();
          BlastRadius radius = experiment.spec().targets().get(name).effectiveBlastRadius();
          out.println(
              "TARGET "
                  + name
                  + ": "
                  + r.matched().size()
                  + " matched, "
                  + r.selected().size()
                  + " selected ("
                  + (radius.topology() == null
                      ? explain(radius, r.matched().size(), r.selected().size())
                      : explain(radius, ZoneLines.candidates(r), r.selected().size())
                          + " of the pods on "
                          + radius.topology().describe())
                  + ")");
          if (!r.selected().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAMESPACE", "POD", "NODE", "WORKLOAD", "READY", "CONTAINERS"});
            for (SelectedPod s : r.selected()) {
              PodView p = s.pod();
              rows.add(
                  new String[] {
                    p.namespace(),
                    p.name(),
                    p.node().isEmpty() ? "<none>" : p.node(),
                    p.workloadName().isEmpty()
                        ? "<none>"
                        : p.workloadKind() + "/" + p.workloadName(),
                    p.ready() ? "yes" : "no",
                    String.join(",", s.containers())
                  });
            }
            printAligned(rows, out);
          }
          var workloads =
              r.workloads().stream()
                  .filter(w -> w.matched() > 0)
                  .map(
                      w ->
                          (w.name().isEmpty() ? "bare pods" : w.kind() + "/" + w.name())
                              + " "
                              + w.selected()
                              + "/"
                              + w.replicas())
                  .toList();
          if (!workloads.isEmpty()) {
            out.println("  workloads (selected/replicas): " + String.join(", ", workloads));
            if (first) {
              out.println("  provisional: " + PROVISIONAL);
            }
          }
          var nodes =
              r.nodes().stream()
                  .filter(n -> n.matched() > 0)
                  .map(
                      n ->
                          (n.node().isEmpty() ? "unscheduled" : n.node())
                              + " "
                              + n.selected()
                              + "/"
                              + n.matched())
                  .toList();
          if (radius.topology() != null) {
            ZoneLines.print(radius.topology(), r, out);
          } else if (!nodes.isEmpty()) {
            out.println("  nodes (selected/matched): " + String.join(", ", nodes));
          }
          r.warnings().forEach(w -> out.println("  warning: " + w.message()));
        });
  }

  /** How the blast radius turned matches into a selection, in words. */
  static String explain(BlastRadius radius, int matched, int selected) {
    Integer v = radius.value();
    return switch (radius.mode()) {
      case ALL -> "all";
      case ONE -> "one at random";
      case COUNT -> "count " + v + (matched < v ? ", fewer match" : "");
      case PERCENT ->
          "percent "
              + v
              + ": "
              + matched
              + " × "
              + v
              + "% = "
              + trim(matched * v / 100.0)
              + ", rounded up to "
              + selected;
      case MAX_PERCENT ->
          "maxPercent "
              + v
              + ": random 1.."
              + (int) Math.floor(matched * v / 100.0)
              + ", chose "
              + selected;
    };
  }

  private static String trim(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.valueOf(Math.round(value * 100) / 100.0);
  }

  private static void printAligned(List<String[]> rows, PrintWriter out) {
    int[] widths = new int[rows.getFirst().length];
    rows.forEach(
        r -> {
          for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
        });
    for (String[] r : rows) {
      var line = new StringBuilder("  ");
      for (int i = 0; i < r.length; i++) {
        line.append(i + 1 < r.length ? String.format("%-" + (widths[i] + 2) + "s", r[i]) : r[i]);
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static Map<String, Object> snapshotNode(ClusterSnapshot snapshot) {
    var snap = new LinkedHashMap<String, Object>();
    snap.put("version", snapshot.version());
    snap.put("state", snapshot.state().phase().name().toLowerCase(java.util.Locale.ROOT));
    snap.put("pods", (long) snapshot.pods().size());
    return snap;
  }

  private Map<String, Object> tree(
      Map<String, TargetResolution> results, Map<String, Object> snap) {
    var root = new LinkedHashMap<String, Object>();
    root.put("experiment", experiment.metadata().name());
    root.put("cluster", cluster);
    root.put("snapshot", snap);
    var targets = new ArrayList<Object>();
    results.forEach(
        (name, r) -> {
          var t = new LinkedHashMap<String, Object>();
          t.put("name", name);
          if (multiCluster(results)) {
            t.put("context", contextOf(name));
          }
          t.put("seed", r.seed());
          t.put("matched", (long) r.matched().size());
          var selected = new ArrayList<Object>();
          for (SelectedPod s : r.selected()) {
            var p = new LinkedHashMap<String, Object>();
            p.put("namespace", s.pod().namespace());
            p.put("name", s.pod().name());
            p.put("node", s.pod().node());
            var owner = new LinkedHashMap<String, Object>();
            owner.put("kind", s.pod().ownerKind());
            owner.put("name", s.pod().ownerName());
            p.put("owner", owner);
            var workload = new LinkedHashMap<String, Object>();
            workload.put("kind", s.pod().workloadKind());
            workload.put("name", s.pod().workloadName());
            p.put("workload", workload);
            p.put("ready", s.pod().ready());
            p.put("containers", s.containers());
            selected.add(p);
          }
          t.put("selected", selected);
          var workloads = new ArrayList<Object>();
          for (WorkloadCount w : r.workloads()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("namespace", w.namespace());
            m.put("kind", w.kind());
            m.put("name", w.name());
            m.put("replicas", (long) w.replicas());
            m.put("matched", (long) w.matched());
            m.put("selected", (long) w.selected());
            workloads.add(m);
          }
          t.put("workloads", workloads);
          var nodes = new ArrayList<Object>();
          for (NodeCount n : r.nodes()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("node", n.node());
            m.put("matched", (long) n.matched());
            m.put("selected", (long) n.selected());
            nodes.add(m);
          }
          t.put("nodes", nodes);
          if (!r.zones().isEmpty()) {
            t.put("zones", ZoneLines.tree(r));
          }
          var warnings = new ArrayList<Object>();
          for (TargetWarning w : r.warnings()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("type", w.type().name());
            m.put("message", w.message());
            warnings.add(m);
          }
          t.put("warnings", warnings);
          targets.add(t);
        });
    root.put("targets", targets);
    return root;
  }
}
