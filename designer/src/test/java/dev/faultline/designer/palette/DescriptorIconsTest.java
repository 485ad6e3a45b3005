package dev.faultline.designer.palette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor;
import dev.faultline.icons.Icons;
import org.junit.jupiter.api.Test;

/** Every attack and probe of the catalog is drawn with a glyph of its own, never the fallback. */
class DescriptorIconsTest {
  @Test
  void everyDescriptorsIconIdHasAGlyph() {
    for (Descriptor descriptor : Catalog.builtIn().all()) {
      assertThat(Icons.svgPath(descriptor.iconId()))
          .as(descriptor.id() + " icon " + descriptor.iconId())
          .isPresent();
    }
  }
}
