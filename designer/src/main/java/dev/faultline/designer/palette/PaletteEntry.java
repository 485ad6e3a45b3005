package dev.faultline.designer.palette;

import dev.faultline.catalog.Descriptor;
import dev.faultline.catalog.Param;
import dev.faultline.designer.document.StepTemplate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing the palette offers: an attack or probe of the catalog, a wait, or a gate, with what the
 * list shows of it and the template it creates.
 *
 * @param template what dragging or activating the entry adds to the experiment
 * @param title what the entry is called, e.g. {@code Delete pods}
 * @param id the id written in files, shown muted under the title, e.g. {@code k8s.pod.delete}
 * @param category the descriptor's category, e.g. {@code Kubernetes}; {@code Flow} for waits and
 *     gates
 * @param description one or two sentences for the tooltip
 * @param iconId key into the icon set
 * @param params the parameters the tooltip lists; empty for waits and gates
 */
public record PaletteEntry(
    StepTemplate template,
    String title,
    String id,
    String category,
    String description,
    String iconId,
    List<Param> params)
    implements PaletteRow {

  /** The category of waits and gates, which come from no descriptor. */
  public static final String FLOW = "Flow";

  public PaletteEntry {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(id, "id");
    category = category == null || category.isBlank() ? "Other" : category;
    description = description == null ? "" : description;
    params = List.copyOf(params);
  }

  /** The entry for an attack or probe descriptor. */
  public static PaletteEntry of(Descriptor descriptor) {
    return new PaletteEntry(
        StepTemplate.of(descriptor),
        descriptor.title() == null ? descriptor.id() : descriptor.title(),
        descriptor.id(),
        descriptor.category(),
        descriptor.description(),
        descriptor.iconId(),
        descriptor.params());
  }

  /** The entry that adds a wait. */
  public static PaletteEntry waitEntry() {
    return new PaletteEntry(
        StepTemplate.WAIT,
        "Wait",
        "wait",
        FLOW,
        "Pauses its branch for a fixed time before the steps after it start: lets a fault take"
            + " effect or a system settle.",
        "wait",
        List.of());
  }

  /** The entry that adds a gate. */
  public static PaletteEntry gateEntry() {
    return new PaletteEntry(
        StepTemplate.GATE,
        "Gate",
        "gate",
        FLOW,
        "Pauses its branch until an operator continues or aborts the run: a checkpoint for game"
            + " days.",
        "gate",
        List.of());
  }

  /** {@code Attack}, {@code Probe} or {@code Flow}: the word screen readers and headers use. */
  public String kindLabel() {
    return switch (template.kind()) {
      case ATTACK -> "Attack";
      case PROBE -> "Probe";
      case WAIT, GATE -> FLOW;
    };
  }

  /** What a screen reader says for the entry. */
  public String accessibleText() {
    return kindLabel() + ": " + title + ". Drag onto the canvas or press Enter to add.";
  }

  /**
   * The tooltip: the description and, for attacks and probes, each parameter with whether it is
   * required and its default.
   */
  public String tooltipText() {
    StringBuilder text = new StringBuilder(description);
    if (!params.isEmpty()) {
      text.append(text.isEmpty() ? "" : "\n\n").append("Parameters");
      for (Param param : params) {
        text.append("\n\u2022 ").append(param.name());
        text.append(param.required() ? " (required" : " (optional");
        if (param.defaultValue() != null) {
          text.append(", default ").append(param.defaultValue());
        }
        text.append(')');
      }
    }
    return text.toString();
  }

  /**
   * Whether every word occurs in the title, id, category or description, ignoring case.
   *
   * @param words lower-case words; none matches everything
   */
  boolean matches(List<String> words) {
    String haystack =
        String.join("\n", title, id, category, kindLabel(), description).toLowerCase(Locale.ROOT);
    return words.stream().allMatch(haystack::contains);
  }
}
