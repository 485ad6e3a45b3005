package dev.faultline.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor;
import dev.faultline.catalog.Descriptor.Role;
import dev.faultline.catalog.Param;
import dev.faultline.catalog.ParamType;
import dev.faultline.catalog.TargetUse;
import dev.faultline.model.TargetKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DescriptorReferenceTest {
  private static Descriptor descriptor(
      Role role,
      String id,
      String category,
      TargetUse use,
      Set<TargetKind> kinds,
      Param... params) {
    return new Descriptor(
        role,
        id,
        "Title of " + id,
        "Does " + id + ".",
        category,
        "icon",
        use,
        kinds,
        List.of(params));
  }

  private final Catalog catalog =
      new Catalog(
          List.of(
              descriptor(
                  Role.ATTACK,
                  "a.one",
                  "Kubernetes",
                  TargetUse.REQUIRED,
                  Set.of(TargetKind.STATEFUL_SET, TargetKind.POD),
                  Param.required("mode", ParamType.ENUM).allowed("x|y", "z").docs("Which mode."),
                  Param.optional("share", ParamType.NUMBER)
                      .range(0.5, 100)
                      .defaultValue(50.0)
                      .docs("Share, in percent.")),
              descriptor(Role.PROBE, "p.one", "HTTP", TargetUse.NONE, Set.of()),
              descriptor(
                  Role.ATTACK,
                  "a.two",
                  "Network",
                  TargetUse.NONE,
                  Set.of(),
                  Param.optional("count", ParamType.INTEGER).min(1).docs("How many <at most>.")),
              descriptor(Role.ATTACK, "a.three", "Kubernetes", TargetUse.OPTIONAL, Set.of())));

  private final String md = new DescriptorReference("<!-- header -->").render(catalog);

  @Test
  void groupsAsThePaletteDoes() {
    // Attacks by category in the catalog's order (a.three joins Kubernetes), then probes.
    assertThat(md.indexOf("## Attacks · Kubernetes"))
        .isLessThan(md.indexOf("### `a.one`"))
        .isLessThan(md.indexOf("### `a.three`"));
    assertThat(md.indexOf("### `a.three`")).isLessThan(md.indexOf("## Attacks · Network"));
    assertThat(md.indexOf("## Attacks · Network")).isLessThan(md.indexOf("## Probes · HTTP"));
    assertThat(md)
        .contains(
            "- [Attacks · Kubernetes](#attacks-kubernetes): [`a.one`](#a-one),"
                + " [`a.three`](#a-three)\n");
  }

  @Test
  void describesEachDescriptorAndItsTarget() {
    assertThat(md).startsWith("<!-- header -->\n\n# Attack and probe reference\n");
    assertThat(md).contains("<a id=\"a-one\"></a>\n### `a.one` — Title of a.one\n\nDoes a.one.\n");
    // Kinds in the enum's order, whatever the set's order.
    assertThat(md).contains("**Step:** `attack: a.one` · **Target:** required (Pod, StatefulSet)");
    assertThat(md).contains("**Step:** `attack: a.three` · **Target:** optional (any kind)");
    assertThat(md).contains("**Step:** `probe: p.one` · **Target:** none\n\nNo parameters.\n");
  }

  @Test
  void parametersShowTypeRequiredDefaultAllowedAndEscapeMarkdown() {
    assertThat(md).contains("| `mode` | one of | yes |  | `x\\|y`, `z` | Which mode. |");
    assertThat(md).contains("| `share` | number | no | `50` | 0.5–100 | Share, in percent. |");
    assertThat(md).contains("| `count` | integer | no |  | ≥ 1 | How many &lt;at most>. |");
  }

  @Test
  void explainsEveryParameterType() {
    for (ParamType type : ParamType.values()) {
      assertThat(md).contains("| " + type.label() + " | ");
    }
  }
}
