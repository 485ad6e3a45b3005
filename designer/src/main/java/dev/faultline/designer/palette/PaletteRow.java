package dev.faultline.designer.palette;

/**
 * One row of the palette list: a group header or an entry. The list mixes both so headers scroll
 * with their entries and the whole palette stays one keyboard-navigable list.
 */
public sealed interface PaletteRow permits PaletteRow.Header, PaletteEntry {

  /**
   * The title of a group of entries, such as {@code Attacks · Kubernetes}.
   *
   * @param title what the header shows
   */
  record Header(String title) implements PaletteRow {}
}
