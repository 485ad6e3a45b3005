/**
 * The experiment catalog in the cluster: experiments saved as ConfigMaps in a namespace the team
 * chooses, one ConfigMap per version, so a team shares a catalog with nothing but the API server
 * and RBAC on ConfigMaps. {@link dev.faultline.cluster.catalog.ExperimentCatalog} is the entry
 * point; {@link dev.faultline.cluster.catalog.CatalogLabels} documents the storage layout ({@code
 * docs/catalog.md} says the same for users).
 */
package dev.faultline.cluster.catalog;
