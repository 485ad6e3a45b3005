package dev.faultline.cluster.snapshot;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;

/**
 * A first answer while a {@link LiveSnapshot} is still syncing: only the pods a label selector
 * picks, listed server-side (as {@code kubectl get pods -l ...} does) and read straight into views,
 * plus the budgets of the same namespaces and all nodes. A target whose label selector is this one
 * resolves against it to the same matched and selected pods as against the full snapshot; what it
 * cannot know is pods of the same workloads that the selector leaves out, so a workload's replica
 * count covers only the selected pods until the full snapshot is there. Its {@link #state()} says
 * so: syncing, with that reason.
 */
public final class SelectedSnapshot implements ClusterSnapshot {
  private final Collection<String> namespaces;
  private final List<PodView> pods;
  private final List<BudgetView> budgets;
  private final List<NodeView> nodes;
  private final SnapshotState state;

  private SelectedSnapshot(
      Collection<String> namespaces,
      List<PodView> pods,
      List<BudgetView> budgets,
      List<NodeView> nodes,
      SnapshotState state) {
    this.namespaces = List.copyOf(namespaces);
    this.pods = List.copyOf(pods);
    this.budgets = List.copyOf(budgets);
    this.nodes = List.copyOf(nodes);
    this.state = state;
  }

  /**
   * Lists the pods {@code labelSelector} picks in {@code namespaces} (every namespace when empty),
   * with the budgets there and all nodes; the three lists run at the same time.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException if a list fails
   */
  public static SelectedSnapshot fetch(
      KubernetesClient client, Set<String> namespaces, String labelSelector, Clock clock) {
    var views = new Views();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      CompletableFuture<List<NodeView>> nodes =
          CompletableFuture.supplyAsync(
              () -> client.nodes().list().getItems().stream().map(views::node).toList(), executor);
      CompletableFuture<List<BudgetView>> budgets =
          CompletableFuture.supplyAsync(() -> budgets(client, namespaces, views), executor);
      var lister = new PodLister(client, views.json());
      var pods = new ArrayList<PodView>();
      if (namespaces.isEmpty()) {
        listAll(lister, null, labelSelector, pods);
      } else {
        for (String ns : namespaces) {
          listAll(lister, ns, labelSelector, pods);
        }
      }
      return new SelectedSnapshot(
          namespaces,
          pods,
          budgets.join(),
          nodes.join(),
          new SnapshotState(
              SnapshotState.Phase.SYNCING,
              clock.instant(),
              "only pods matching "
                  + labelSelector
                  + " so far: workload replica counts cover those pods alone"));
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static void listAll(
      PodLister lister, String namespace, String labelSelector, List<PodView> into) {
    String next = null;
    do {
      PodJson.Page page = lister.list(namespace, labelSelector, Reflector.PAGE, next);
      into.addAll(page.pods());
      next = page.continueToken();
    } while (next != null && !next.isEmpty());
  }

  private static List<BudgetView> budgets(
      KubernetesClient client, Set<String> namespaces, Views views) {
    var result = new ArrayList<BudgetView>();
    if (namespaces.isEmpty()) {
      for (PodDisruptionBudget b :
          client.policy().v1().podDisruptionBudget().inAnyNamespace().list().getItems()) {
        result.add(views.budget(b));
      }
    } else {
      for (String ns : namespaces) {
        for (PodDisruptionBudget b :
            client.policy().v1().podDisruptionBudget().inNamespace(ns).list().getItems()) {
          result.add(views.budget(b));
        }
      }
    }
    return result;
  }

  /** Always 0: a one-off answer that never changes. */
  @Override
  public long version() {
    return 0;
  }

  @Override
  public SnapshotState state() {
    return state;
  }

  @Override
  public Collection<String> namespaces() {
    return namespaces;
  }

  @Override
  public Collection<PodView> pods() {
    return pods;
  }

  @Override
  public List<BudgetView> budgets(String namespace) {
    return budgets.stream().filter(b -> b.namespace().equals(namespace)).toList();
  }

  @Override
  public Collection<NodeView> nodes() {
    return nodes;
  }
}
