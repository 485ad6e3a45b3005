/**
 * Auto-layout in the designer: {@link dev.faultline.designer.layout.AutoLayoutAction} runs {@link
 * dev.faultline.layout.AutoLayout} (the layered {@link dev.faultline.layout.LayeredLayout} is the
 * real one) off the FX thread and applies the result to the document as one undoable edit.
 */
package dev.faultline.designer.layout;
