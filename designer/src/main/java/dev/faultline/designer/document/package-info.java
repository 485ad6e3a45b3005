/**
 * The open experiment: its file, undo history, dirty flag and selection. Every view (canvas,
 * inspector, YAML, problems) reads the {@link dev.faultline.designer.document.ExperimentDocument}
 * and changes it only through {@link dev.faultline.model.edit.Edit}s.
 */
package dev.faultline.designer.document;
