/**
 * The inspector: the right-hand property sheet for the selection, generated from the attack and
 * probe descriptors. {@link dev.faultline.designer.inspector.InspectorView} is the view, {@link
 * dev.faultline.designer.inspector.InspectorViewModel} its state; every change goes through the
 * document as an edit.
 */
package dev.faultline.designer.inspector;
