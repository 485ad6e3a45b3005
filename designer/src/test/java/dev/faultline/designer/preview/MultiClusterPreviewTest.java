package dev.faultline.designer.preview;

import static dev.faultline.designer.preview.MutableSnapshot.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.model.edit.PutTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A target naming another context is previewed against that context's cluster, opened when a target
 * first names it and closed when none does; the targets are grouped by context.
 */
class MultiClusterPreviewTest {
  private static final String YAML =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: freeze-west
      spec:
        targets:
          checkout-west:
            context: west
            namespaces: [shop]
            labelSelector: app=checkout
          checkout-east:
            namespaces: [shop]
            labelSelector: app=checkout
        steps:
          - id: freeze
            attack: k8s.pod.delete
            target: checkout-west
          - id: kill
            attack: k8s.pod.delete
            target: checkout-east
      """;

  private final ExperimentDocument document = new ExperimentDocument();
  private final StepSelection selection = new StepSelection(document);
  private final ManualFrames frames = new ManualFrames();
  private final MutableSnapshot east =
      new MutableSnapshot(
          List.of(
              pod("shop", "checkout", "checkout-east-a", "node-1"),
              pod("shop", "checkout", "checkout-east-b", "node-1")));
  private final MutableSnapshot west =
      new MutableSnapshot(List.of(pod("shop", "checkout", "checkout-west-a", "node-9")));
  private final List<String> opened = new ArrayList<>();
  private final List<String> closed = new ArrayList<>();
  private PreviewViewModel model;

  @BeforeEach
  void open() {
    ReadResult read = new ExperimentReader().read(YAML, Syntax.YAML);
    Experiment experiment =
        read.experiment().orElseThrow(() -> new AssertionError(read.problems()));
    document.open(experiment, Path.of("freeze-west.yaml"));
    model = new PreviewViewModel(document, selection, Runnable::run, frames);
    model.setContextOpener(
        context -> {
          opened.add(context);
          if (!context.equals("west")) {
            throw new IllegalArgumentException(
                "no kubeconfig context '" + context + "'; did you mean 'west'?");
          }
          return new ContextOpener.Opened(west, () -> closed.add(context));
        });
    model.homeContextProperty().set("east");
    model.snapshotProperty().set(east);
    frames.pulse();
    frames.pulse();
  }

  @Test
  void aTargetInWestResolvesWestsPodsAndTheGroupsSayWhere() {
    assertThat(opened).containsExactly("west");
    assertThat(model.counts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("freeze", new PreviewCount(1, 1), "kill", new PreviewCount(2, 2)));

    selection.select("freeze");
    frames.pulse();
    assertThat(model.resolution().matched())
        .extracting(PodView::name)
        .containsExactly("checkout-west-a");
    assertThat(model.header())
        .isEqualTo("1 of 1 pods selected · target checkout-west in west · live");

    List<ContextGroup> groups = model.groups();
    assertThat(groups)
        .extracting(ContextGroup::heading)
        .containsExactly("east (connected) · live", "west · live");
    assertThat(groups.get(0).targets())
        .extracting(ContextGroup.TargetLine::text)
        .containsExactly("checkout-east · 2 of 2 pods");
    assertThat(groups.get(1).targets())
        .extracting(ContextGroup.TargetLine::pods)
        .containsExactly(List.of("checkout-west-a"));
  }

  @Test
  void westsChangesShowAtTheNextFrameLikeTheConnectedClusters() {
    selection.select("freeze");
    frames.pulse();
    west.add(pod("shop", "checkout", "checkout-west-b", "node-9"));
    east.add(pod("shop", "checkout", "checkout-east-c", "node-1"));

    frames.pulse(); // sees both new versions: one computation for the two clusters
    frames.pulse();

    assertThat(model.resolution().matched()).hasSize(2);
    assertThat(model.counts().get("kill")).isEqualTo(new PreviewCount(3, 3));
    assertThat(model.groups().get(1).targets().get(0).text())
        .isEqualTo("checkout-west · 2 of 2 pods");
  }

  @Test
  void aMissingContextSaysSoInItsGroupAndTheContextClosesWhenNoTargetNamesIt() {
    var targets = document.experiment().spec().targets();
    document.edit(
        new PutTarget(
            "checkout-west", targets.get("checkout-west").withContext("wset"), "typo", null));
    frames.pulse();
    frames.pulse();

    assertThat(closed).containsExactly("west");
    assertThat(opened).containsExactly("west", "wset");
    ContextGroup wset = model.groups().get(1);
    assertThat(wset.heading()).isEqualTo("wset");
    assertThat(wset.message()).isEqualTo("no kubeconfig context 'wset'; did you mean 'west'?");
    assertThat(wset.targets())
        .extracting(ContextGroup.TargetLine::text)
        .containsExactly("checkout-west");
    assertThat(model.counts()).containsOnlyKeys("kill");
    selection.select("freeze");
    frames.pulse();
    assertThat(model.resolution()).isNull();
    assertThat(model.status())
        .isEqualTo("Context wset: no kubeconfig context 'wset'; did you mean 'west'?");

    // Back to one cluster: no groups, nothing else opened.
    document.edit(
        new PutTarget("checkout-west", targets.get("checkout-west").withContext(null), "x", null));
    frames.pulse();
    frames.pulse();
    assertThat(model.groups()).isEmpty();
    assertThat(model.counts().get("freeze")).isEqualTo(new PreviewCount(2, 2));
  }

  @Test
  void disposingThePreviewClosesTheOtherContextsAlsoWhileItsSnapshotIsBound() {
    // As the app does: the snapshot follows the connection.
    var connection = new javafx.beans.property.SimpleObjectProperty<>(east);
    model.snapshotProperty().bind(connection);

    model.dispose();

    assertThat(closed).containsExactly("west");
    assertThat(model.snapshotProperty().get()).isNull();
  }
}
