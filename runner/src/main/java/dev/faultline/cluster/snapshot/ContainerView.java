package dev.faultline.cluster.snapshot;

/**
 * What target resolution and the preview need of one container.
 *
 * @param state {@code running}, {@code waiting} or {@code terminated}; {@code waiting} before the
 *     kubelet reported
 */
public record ContainerView(String name, boolean ready, String state, int restarts) {}
