/**
 * File › Open from Cluster Catalog… and File › Save to Cluster Catalog…: dialogs over the runner's
 * {@link dev.faultline.cluster.catalog.ExperimentCatalog}, with view models that run every cluster
 * call through a {@link dev.faultline.designer.fx.UiTaskExecutor}, never on the FX thread.
 */
package dev.faultline.app.catalog;
