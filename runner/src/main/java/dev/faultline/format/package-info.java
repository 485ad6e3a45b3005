/**
 * Reading and writing experiment files (YAML and JSON) with line/column problems, file versions and
 * migrations. Reading goes text → {@link dev.faultline.format.DocNode} tree (with positions) →
 * model; writing goes model → plain ordered data → text.
 */
package dev.faultline.format;
