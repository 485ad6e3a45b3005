/**
 * Edits of an experiment as named pure functions ({@code Experiment -> Experiment}). The designer's
 * undo history applies them and keeps snapshots; every user gesture is one edit.
 */
package dev.faultline.model.edit;
