/**
 * The Chaos Mesh attacks ({@code chaosmesh.network}, {@code .stress}, {@code .http}, {@code .io},
 * {@code .dns}, {@code .time}): each step becomes one Chaos Mesh custom resource per namespace of
 * its selected pods, created on apply and deleted on rollback.
 *
 * <p>Faultline resolves the targets itself (regexes, blast radius, sampling), so every resource
 * names its pods explicitly ({@code selector.pods}, {@code mode: all}) and, where the kind has
 * them, the selected {@code containerNames}. {@link dev.faultline.attack.chaosmesh.ChaosKind} holds
 * what differs per kind: its resource names and the {@link
 * dev.faultline.attack.chaosmesh.ChaosSpec} that turns the step's parameters into the kind's
 * fields; {@link dev.faultline.attack.chaosmesh.ChaosMeshExecutor} is the lifecycle they share.
 */
package dev.faultline.attack.chaosmesh;
