package dev.faultline.attack.chaosmesh;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The fabric8 resource names of each {@link ChaosKind}, kept apart from the kind so that code
 * without a cluster client (the Workflow exporter) can use the kinds and their spec writers.
 */
public final class ChaosDefinitions {
  private ChaosDefinitions() {}

  /** The resource's names for the generic client, so no discovery call is needed. */
  public static ResourceDefinitionContext of(ChaosKind kind) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(ChaosKind.GROUP)
        .withVersion("v1alpha1")
        .withKind(kind.kind())
        .withPlural(kind.plural())
        .withNamespaced(true)
        .build();
  }
}
