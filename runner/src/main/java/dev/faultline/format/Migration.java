package dev.faultline.format;

/**
 * Upgrades a parsed file from one older format version to the next. Works on the positioned tree so
 * that problems found after migration still point into the user's file. Register new ones in {@link
 * Migrations#builtIn()}; a chain of them brings any older file to the current version.
 */
public interface Migration {
  /** The {@code apiVersion} this migration reads, e.g. {@code faultline.dev/v1alpha1}. */
  String from();

  /** The {@code apiVersion} it produces. */
  String to();

  /** The same document in the {@link #to()} format; must not need the input again. */
  DocMap migrate(DocMap root);
}
