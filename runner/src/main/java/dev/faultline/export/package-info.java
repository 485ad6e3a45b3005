/**
 * Exports to and imports from other tools' formats: Chaos Mesh Workflows, Chaos Toolkit
 * experiments, JUnit 5 tests in Java, and our own YAML. {@link dev.faultline.export.Exports}
 * validates and exports, {@link dev.faultline.export.Imports} recognises and imports; each format
 * is one {@link dev.faultline.export.Exporter} and, where it can be read back, one {@link
 * dev.faultline.export.Importer}. What a format cannot carry is reported as {@link
 * dev.faultline.export.ConversionWarning}s, never dropped silently. Exporters depend on the model
 * and the descriptors only, never on a cluster client.
 */
package dev.faultline.export;
