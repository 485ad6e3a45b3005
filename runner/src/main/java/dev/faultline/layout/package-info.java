/**
 * Auto-layout of the step graph, free of any UI: {@link dev.faultline.layout.AutoLayout} computes
 * canvas positions, {@link dev.faultline.layout.LayeredLayout} is the real one (layered, left to
 * right). The designer runs it off the FX thread as one undoable edit; importers use it to give an
 * imported experiment a layout.
 */
package dev.faultline.layout;
