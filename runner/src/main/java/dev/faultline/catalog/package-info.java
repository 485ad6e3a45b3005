/**
 * Attack and probe descriptors: the one place that says what each step type is called, which
 * parameters it takes and how it is drawn. The palette, inspector forms, validation, docs and
 * exports all read descriptors; adding an attack means one descriptor plus one executor.
 */
package dev.faultline.catalog;
