/**
 * Auto-layout of the step graph: {@link dev.faultline.designer.layout.AutoLayout} computes canvas
 * positions (the layered {@link dev.faultline.designer.layout.LayeredLayout} is the real one), and
 * {@link dev.faultline.designer.layout.AutoLayoutAction} runs it off the FX thread and applies the
 * result to the document as one undoable edit.
 */
package dev.faultline.designer.layout;
