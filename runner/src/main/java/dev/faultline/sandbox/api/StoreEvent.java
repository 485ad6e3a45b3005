package dev.faultline.sandbox.api;

import io.fabric8.mockwebserver.crud.AttributeSet;

/**
 * One change in the sandbox store, as watches and simulated controllers see it.
 *
 * @param type {@code ADDED}, {@code MODIFIED} or {@code DELETED}
 * @param attributes the object's attributes (kind, namespace, name, labels) for watch matching
 * @param json the object after the change (before it, for {@code DELETED})
 */
public record StoreEvent(String type, AttributeSet attributes, String json) {}
